/**
 * Reading the world the way the predicates need it: the current cluster, what an address:port
 * reaches, node and pod readiness as kubectl reports them, and the clusters a kubeconfig names.
 */
import { isApiServerService, mustResolve, type Cluster, type Node, type Pod, type Stored, type World } from '../../engine';

export const NODES = mustResolve('nodes');
export const PODS = mustResolve('pods');

/** The cluster lessons talk about: the newest one (after a `kubeadm reset` + `init`, the new one). */
export function currentCluster(world: World): Cluster | undefined {
  const clusters = world.clusters;
  return clusters[clusters.length - 1];
}

/** The cluster whose kube-apiserver answers at address:port from a host, if any. */
export function apiServerAt(world: World, fromHost: string, address: string, port: number): Cluster | undefined {
  const ip = world.host(address)?.ip ?? address;
  const dial = world.network.dial(fromHost, ip, port);
  if (!dial.ok) return undefined;
  const service = dial.listener.service;
  return isApiServerService(service) ? service.cluster : undefined;
}

/** The Ready condition is True, as `kubectl get nodes` shows "Ready". */
export function nodeIsReady(node: Stored<Node>): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function podIsTerminating(pod: Stored<Pod>): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

export function podIsRunning(pod: Stored<Pod>): boolean {
  return !podIsTerminating(pod) && pod.status?.phase === 'Running';
}

/** Running with the Ready condition True: every container passed its readiness probe. */
export function podIsReady(pod: Stored<Pod>): boolean {
  return podIsRunning(pod) && (pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false);
}

export interface KubeconfigCluster {
  readonly server: string | undefined;
  readonly certificateAuthorityData: string | undefined;
}

/**
 * The cluster entries of a kubeconfig. A line scanner rather than a YAML parser keeps the YAML
 * library out of the page's first bundle; kubeconfigs kubeadm writes (and the usual hand-edited
 * ones) keep each `server:` and `certificate-authority-data:` on one line inside a `- cluster:`
 * list item, which is all this reads.
 */
export function kubeconfigClusters(text: string): KubeconfigCluster[] {
  const out: KubeconfigCluster[] = [];
  let inClusters = false;
  let current: { server: string | undefined; certificateAuthorityData: string | undefined } | undefined;
  const flush = () => {
    if (current && (current.server !== undefined || current.certificateAuthorityData !== undefined)) out.push(current);
    current = undefined;
  };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\s+#.*$/, '');
    // A top-level key ends the clusters list; go-yaml writes list items unindented ("- cluster:").
    if (/^[^\s-]/.test(line)) {
      flush();
      inClusters = /^clusters\s*:/.test(line);
      continue;
    }
    if (!inClusters) continue;
    if (/^\s*-\s/.test(line)) {
      flush();
      current = { server: undefined, certificateAuthorityData: undefined };
    }
    const field = line.match(/^[\s-]*(server|certificate-authority-data)\s*:\s*(.*?)\s*$/);
    if (!field) continue;
    current ??= { server: undefined, certificateAuthorityData: undefined };
    const value = unquote(field[2]!);
    if (field[1] === 'server') current.server = value;
    else current.certificateAuthorityData = value;
  }
  flush();
  return out;
}

function unquote(value: string): string {
  const m = value.match(/^(["'])(.*)\1$/);
  return m ? m[2]! : value;
}

/** "https://192.168.0.8:6443" → address and port; undefined for anything else. */
export function parseServerUrl(server: string): { readonly address: string; readonly port: number } | undefined {
  const m = server.match(/^https?:\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+))?\/?$/);
  if (!m) return undefined;
  const address = m[1]!.replace(/^\[|\]$/g, '');
  const port = m[2] !== undefined ? Number(m[2]) : server.startsWith('https') ? 443 : 80;
  return { address, port };
}
