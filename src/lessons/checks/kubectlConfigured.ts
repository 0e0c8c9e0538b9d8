/**
 * `kubectl-configured: { host: node1 }`: kubectl on that host finds a kubeconfig where it looks by
 * default ($HOME/.kube/config, root's home being /root) and it reaches a running API server whose
 * CA matches the file's certificate-authority-data, the way kubectl itself would connect.
 * `export KUBECONFIG=...` lives in one shell's environment, not in the world, so it can't count.
 */
import type { Lang } from '../model';
import { ArgReader } from './args';
import { apiServerAt, kubeconfigClusters, parseServerUrl } from './state';
import { definePredicate, type ArgDoc } from './types';

interface Args {
  readonly host: string;
  readonly path: string;
}

const ARGS: readonly ArgDoc[] = [
  { name: 'host', required: true, description: 'the node whose kubectl to check, e.g. host: node1' },
  { name: 'path', required: false, description: 'default: /root/.kube/config' },
];

export const kubectlConfigured = definePredicate<Args>({
  name: 'kubectl-configured',
  summary: "the host's kubeconfig ($HOME/.kube/config) points at a running API server with the right CA",
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('kubectl-configured', raw, ARGS, ctx);
    const host = r.host('host');
    const path = r.path('path', '/root/.kube/config');
    return r.finish(() => ({ host: host!, path: path! }));
  },
  describe({ host }, lang: Lang) {
    return lang === 'es' ? `kubectl está configurado en ${host}` : `kubectl is configured on ${host}`;
  },
  evaluate(world, { host, path }) {
    const file = world.host(host)?.fs.readFile(path);
    if (!file?.ok) return false;
    return kubeconfigClusters(file.value).some((entry) => {
      const server = entry.server === undefined ? undefined : parseServerUrl(entry.server);
      if (!server) return false;
      const cluster = apiServerAt(world, host, server.address, server.port);
      return cluster !== undefined && cluster.ca.certData === entry.certificateAuthorityData;
    });
  },
});
