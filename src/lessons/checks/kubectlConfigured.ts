/**
 * `kubectl-configured: { host: node1 }`: kubectl, run from one of the host's login shells, finds a
 * kubeconfig and it reaches a running API server whose CA matches the file's
 * certificate-authority-data, the way kubectl itself would connect. Where it looks is kubectl's
 * rule: the files of the shell's exported $KUBECONFIG if set (the shells are host processes whose
 * environment the engine can read, as /proc/<pid>/environ), else $HOME/.kube/config (`path`).
 */
import type { World } from '../../engine';
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
    const machine = world.host(host);
    if (!machine) return false;
    const lookups = machine.processes.map((p) => {
      const kubeconfig = p.environ().find(([name]) => name === 'KUBECONFIG')?.[1];
      return kubeconfig ? kubeconfig.split(':').filter(Boolean) : [path];
    });
    if (lookups.length === 0) lookups.push([path]);
    return lookups.some((files) => files.some((file) => reaches(world, host, file)));
  },
});

function reaches(world: World, host: string, path: string): boolean {
  const file = world.host(host)?.fs.readFile(path);
  if (!file?.ok) return false;
  return kubeconfigClusters(file.value).some((entry) => {
    const server = entry.server === undefined ? undefined : parseServerUrl(entry.server);
    if (!server) return false;
    const cluster = apiServerAt(world, host, server.address, server.port);
    return cluster !== undefined && cluster.ca.certData === entry.certificateAuthorityData;
  });
}
