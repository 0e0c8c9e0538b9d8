/**
 * How kubeadm's token commands reach the API: the admin kubeconfig (/etc/kubernetes/admin.conf, or
 * --kubeconfig), its current context's server, a dial over the playground network, and the CA the
 * server must present. Failures come back in kubeadm's wording.
 */
import { isApiServerService, loadYamlDocuments, resolvePath, type Cluster } from '../../../engine';
import { goYamlError } from '../../format/yamlErrors';
import type { CommandContext } from '../../types';

export const ADMIN_KUBECONFIG = '/etc/kubernetes/admin.conf';

export type ApiConnection =
  | { readonly ok: true; readonly cluster: Cluster; readonly endpoint: string }
  /** `config`: the kubeconfig could not be loaded (printed as is); `request`: the call failed (callers say which call). */
  | { readonly ok: false; readonly kind: 'config' | 'request'; readonly error: string };

interface KubeconfigShape {
  readonly clusters?: readonly { readonly name?: string; readonly cluster?: { readonly server?: string; readonly 'certificate-authority-data'?: string } }[];
  readonly contexts?: readonly { readonly name?: string; readonly context?: { readonly cluster?: string } }[];
  readonly 'current-context'?: string;
}

/** `GET <path>` against the cluster in the kubeconfig: the cluster when it answers. */
export function connect(ctx: CommandContext, kubeconfigPath: string | undefined, request: { verb: 'Get' | 'Post' | 'Delete'; path: string }): ApiConnection {
  const path = resolvePath(kubeconfigPath ?? ADMIN_KUBECONFIG, ctx.cwd);
  const text = ctx.host.fs.readFile(path);
  if (!text.ok) return { ok: false, kind: 'config', error: `failed to load admin kubeconfig: open ${path}: no such file or directory` };
  const read = loadYamlDocuments(text.value, 'kubernetes');
  if (!read.ok) return { ok: false, kind: 'config', error: `failed to load admin kubeconfig: error loading config file "${path}": ${goYamlError(text.value, read.problem)}` };
  const doc = read.value[0];
  const config = (doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? doc : {}) as KubeconfigShape;
  const contextName = config['current-context'];
  const context = config.contexts?.find((c) => c.name === contextName);
  const entry = config.clusters?.find((c) => c.name === context?.context?.cluster) ?? config.clusters?.[0];
  const server = entry?.cluster?.server ?? '';
  const m = /^https:\/\/([^:/]+):(\d+)/.exec(server);
  if (!m) return { ok: false, kind: 'config', error: `failed to load admin kubeconfig: invalid configuration: no server found for cluster "${context?.context?.cluster ?? ''}"` };
  const endpoint = `${m[1]}:${m[2]}`;
  const url = `https://${endpoint}${request.path}`;
  const dial = ctx.world.network.dial(ctx.host.name, m[1]!, Number(m[2]));
  if (!dial.ok) {
    return { ok: false, kind: 'request', error: `${request.verb} "${url}": dial tcp ${endpoint}: connect: ${dial.reason === 'refused' ? 'connection refused' : 'no route to host'}` };
  }
  const service = dial.listener.service;
  if (!isApiServerService(service)) return { ok: false, kind: 'request', error: `${request.verb} "${url}": dial tcp ${endpoint}: connect: connection refused` };
  if (entry?.cluster?.['certificate-authority-data'] !== service.cluster.ca.certData) {
    return { ok: false, kind: 'request', error: `${request.verb} "${url}": x509: certificate signed by unknown authority (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "kubernetes")` };
  }
  return { ok: true, cluster: service.cluster, endpoint };
}
