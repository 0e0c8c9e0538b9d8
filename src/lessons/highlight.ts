/**
 * Step highlights: the diagram ids a step asks the diagram to emphasise while it is the current
 * step, declared in a ```highlight block, one id per line:
 *
 *     ```highlight
 *     pod/kube-system/kube-apiserver-node1
 *     pod/kube-system/kube-proxy-*
 *     ```
 *
 * Ids follow the diagram's contract (`node/<name>`, `pod/<namespace>/<name>`, `svc/<namespace>/<name>`,
 * `container/<host>/<name>`, `controlplane/<host>`, `kubelet/<host>`, `runtime/<host>`,
 * `workload/<host>/<namespace>/<kind>/<name>`). Generated names (kube-proxy's pods, a deployment's
 * pods) are unknown when the lesson is written, so a segment may hold `*`, which matches any run of
 * characters within that segment. The diagram takes the patterns as they are (it applies the same
 * rule); resolveHighlights() expands them against a snapshot, for replay's check that each one
 * names something.
 */
import type { WorldSnapshot } from '../engine';
import { listWords } from './checks/args';

/** Each kind of diagram id and the segments after it. */
const KINDS: Readonly<Record<string, readonly string[]>> = {
  node: ['node'],
  pod: ['namespace', 'name'],
  svc: ['namespace', 'name'],
  container: ['host', 'name'],
  controlplane: ['host'],
  kubelet: ['host'],
  runtime: ['host'],
  workload: ['host', 'namespace', 'kind', 'name'],
};

/** Object names (DNS labels, compose's underscores) plus the `*` wildcard. */
const SEGMENT = /^[A-Za-z0-9._*-]+$/;

/** Why `id` is not a highlight a step may declare, or undefined when it is fine. */
export function highlightProblem(id: string, nodes: readonly string[]): string | undefined {
  const [kind = '', ...rest] = id.split('/');
  const segments = KINDS[kind];
  if (!segments) {
    return `"${id}" is not a diagram id: write ${Object.entries(KINDS).map(([k, s]) => `${k}/${s.map((x) => `<${x}>`).join('/')}`).join(', ')}`;
  }
  const shape = `${kind}/${segments.map((x) => `<${x}>`).join('/')}`;
  if (rest.length !== segments.length || rest.some((part) => !SEGMENT.test(part))) {
    return `"${id}" should look like ${shape} (names may use * for the generated part, e.g. pod/kube-system/kube-proxy-*)`;
  }
  const hostAt = segments.findIndex((x) => x === 'node' || x === 'host');
  const host = hostAt < 0 ? undefined : rest[hostAt]!;
  if (host !== undefined && !host.includes('*') && !nodes.includes(host)) {
    return `unknown node "${host}" in highlight "${id}": this playground has ${listWords(nodes)}`;
  }
  return undefined;
}

export interface HighlightBlock {
  readonly ids: string[];
  readonly errors: { readonly line: number; readonly message: string }[];
}

/** A ```highlight block's ids; `firstLine` is the file line of its first line. */
export function parseHighlightBlock(text: string, firstLine: number, nodes: readonly string[]): HighlightBlock {
  const ids: string[] = [];
  const errors: { line: number; message: string }[] = [];
  text.split('\n').forEach((raw, i) => {
    // A YAML-style "- " is accepted too: authors write check blocks that way.
    const id = raw.trim().replace(/^-\s+/, '');
    if (id === '' || id.startsWith('#')) return;
    const problem = highlightProblem(id, nodes);
    if (problem !== undefined) errors.push({ line: firstLine + i, message: problem });
    else if (!ids.includes(id)) ids.push(id);
  });
  if (ids.length === 0 && errors.length === 0) {
    errors.push({ line: firstLine - 1, message: 'this highlight block is empty: list diagram ids, one per line, e.g. pod/kube-system/etcd-node1' });
  }
  return { ids, errors };
}

/**
 * Every id the diagram can draw for this snapshot (its newest cluster, as lessons see it). Workload
 * boxes are listed wherever a workload has a pod, a little more often than the diagram draws them
 * (it boxes two or more): enough to tell a typo from a real name.
 */
export function diagramIds(snapshot: WorldSnapshot): string[] {
  const ids: string[] = [];
  for (const host of snapshot.hosts) {
    ids.push(`node/${host.name}`);
    if (host.kubeletRunning) ids.push(`kubelet/${host.name}`, `runtime/${host.name}`);
    for (const c of host.containers) ids.push(`container/${host.name}/${c.name}`);
  }
  const cluster = snapshot.clusters[snapshot.clusters.length - 1];
  if (cluster) {
    ids.push(`controlplane/${cluster.controlPlaneHost}`);
    const deploymentOf = new Map(cluster.replicasets.map((rs) => [rs.metadata.uid, rs.metadata.ownerReferences?.find((o) => o.controller)]));
    const workloads = new Set<string>();
    for (const pod of cluster.pods) {
      const namespace = pod.metadata.namespace ?? 'default';
      ids.push(`pod/${namespace}/${pod.metadata.name}`);
      const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
      const top = owner?.kind === 'ReplicaSet' ? deploymentOf.get(owner.uid) ?? owner : owner;
      if (top && pod.spec?.nodeName) workloads.add(`workload/${pod.spec.nodeName}/${namespace}/${top.kind.toLowerCase()}/${top.name}`);
    }
    ids.push(...workloads);
    for (const svc of cluster.services) ids.push(`svc/${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`);
  }
  return ids;
}

function matcher(pattern: string): (id: string) => boolean {
  if (!pattern.includes('*')) return (id) => id === pattern;
  const re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
  return (id) => re.test(id);
}

/** The ids of the snapshot that the step's patterns name, in the diagram's order. */
export function resolveHighlights(patterns: readonly string[] | undefined, snapshot: WorldSnapshot): string[] {
  if (!patterns || patterns.length === 0) return [];
  const tests = patterns.map(matcher);
  return diagramIds(snapshot).filter((id) => tests.some((test) => test(id)));
}

/** The patterns that name nothing in the snapshot (replay reports them: a typo, or a missing object). */
export function unmatchedHighlights(patterns: readonly string[] | undefined, snapshot: WorldSnapshot): string[] {
  if (!patterns) return [];
  const ids = diagramIds(snapshot);
  return patterns.filter((pattern) => !ids.some(matcher(pattern)));
}
