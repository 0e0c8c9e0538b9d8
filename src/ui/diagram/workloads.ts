/**
 * Which workload each pod belongs to, and each workload's pods: "web deployment: 6 pods", with the
 * ReplicaSets of a rolling update told apart (the new one by its highest revision, as
 * `kubectl rollout history` numbers them). Read from owner references only, in one pass over the
 * pods, so 100 pods cost nothing noticeable.
 *
 * A pod's owner is its controller reference. A ReplicaSet owned by a Deployment counts as that
 * Deployment; without the ReplicaSet object (a snapshot from a test) the Deployment's name is
 * recovered from the way the deployment controller builds it: `<deployment>-<pod-template-hash>`.
 */
import type { ClusterSnapshot, OwnerReference, Pod, ReplicaSet, Stored } from '../../engine';

/** The owner's kind as kubectl's lower-case resource word: deployment, daemonset, statefulset, job, replicaset... */
export type WorkloadKind = string;

export interface PodWorkload {
  /** `<namespace>/<kind>/<name>`. */
  readonly key: string;
  readonly kind: WorkloadKind;
  readonly name: string;
  /** The ReplicaSet the pod comes from (Deployments and bare ReplicaSets). */
  readonly replicaSet: string | undefined;
  /** That ReplicaSet's `deployment.kubernetes.io/revision`. */
  readonly revision: number | undefined;
}

export interface RevisionView {
  readonly replicaSet: string;
  readonly revision: number | undefined;
  /** Pods of this ReplicaSet that exist now. */
  readonly pods: number;
  /** The Deployment's newest ReplicaSet (the one a rollout moves pods to). */
  readonly current: boolean;
}

export interface WorkloadView {
  readonly key: string;
  readonly namespace: string;
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly pods: number;
  /** Pods whose containers are all ready. */
  readonly ready: number;
  /** ReplicaSets with pods, newest first; one entry outside a rollout. */
  readonly revisions: readonly RevisionView[];
  /** Pods of two ReplicaSets or more exist: a rolling update is under way (or paused). */
  readonly rolling: boolean;
}

const REVISION = 'deployment.kubernetes.io/revision';

function controllerOf(pod: Pod): OwnerReference | undefined {
  const refs = pod.metadata?.ownerReferences ?? [];
  return refs.find((r) => r.controller === true) ?? refs[0];
}

function revisionOf(rs: ReplicaSet | undefined): number | undefined {
  const raw = rs?.metadata?.annotations?.[REVISION];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) ? n : undefined;
}

/** The workload of one pod, or undefined for a bare pod (`kubectl run` in v1.27) or a static pod. */
export function podWorkload(pod: Pod, replicaSets: ReadonlyMap<string, Stored<ReplicaSet>>): PodWorkload | undefined {
  const owner = controllerOf(pod);
  // Static pods are owned by their Node object: they are the kubelet's, not a workload's.
  if (owner === undefined || owner.kind === 'Node') return undefined;
  const namespace = pod.metadata?.namespace ?? 'default';
  if (owner.kind !== 'ReplicaSet') return workload(namespace, owner.kind.toLowerCase(), owner.name, undefined, undefined);
  const rs = replicaSets.get(`${namespace}/${owner.name}`);
  const revision = revisionOf(rs);
  const deployment = rs === undefined ? deploymentFromName(owner.name, pod) : rs.metadata.ownerReferences?.find((r) => r.kind === 'Deployment')?.name;
  return deployment === undefined
    ? workload(namespace, 'replicaset', owner.name, owner.name, revision)
    : workload(namespace, 'deployment', deployment, owner.name, revision);
}

function workload(namespace: string, kind: string, name: string, replicaSet: string | undefined, revision: number | undefined): PodWorkload {
  return { key: `${namespace}/${kind}/${name}`, kind, name, replicaSet, revision };
}

/** The deployment controller's hashes use an alphabet without vowels (rand.SafeEncodeString). */
const TEMPLATE_HASH = /-([bcdfghjklmnpqrstvwxz2456789]{6,10})$/;

function deploymentFromName(replicaSet: string, pod: Pod): string | undefined {
  const hash = pod.metadata?.labels?.['pod-template-hash'] ?? TEMPLATE_HASH.exec(replicaSet)?.[1];
  return hash !== undefined && hash !== '' && replicaSet.endsWith(`-${hash}`) ? replicaSet.slice(0, -hash.length - 1) : undefined;
}

export function replicaSetIndex(cluster: ClusterSnapshot): Map<string, Stored<ReplicaSet>> {
  return new Map(cluster.replicasets.map((rs) => [`${rs.metadata.namespace ?? 'default'}/${rs.metadata.name}`, rs]));
}

/** What buildWorkloads needs of each pod: its workload and whether it counts as ready. */
export interface WorkloadMember {
  readonly workload: PodWorkload | undefined;
  readonly ready: boolean;
}

/**
 * Every workload that has pods, sorted by namespace, kind and name. The current ReplicaSet of a
 * Deployment is the one with the highest revision among all its ReplicaSets (also those scaled to
 * zero), so a rollback reads right: `rollout undo` gives the old template a new, higher revision.
 */
export function buildWorkloads(members: readonly WorkloadMember[], clusters: readonly ClusterSnapshot[]): WorkloadView[] {
  const newest = new Map<string, number>();
  for (const c of clusters) {
    for (const rs of c.replicasets) {
      const owner = rs.metadata.ownerReferences?.find((r) => r.kind === 'Deployment');
      const revision = revisionOf(rs);
      if (owner === undefined || revision === undefined) continue;
      const key = `${rs.metadata.namespace ?? 'default'}/deployment/${owner.name}`;
      newest.set(key, Math.max(newest.get(key) ?? 0, revision));
    }
  }
  interface Tally { pods: number; ready: number; byRs: Map<string, { revision: number | undefined; pods: number }>; first: PodWorkload }
  const tallies = new Map<string, Tally>();
  for (const { workload: w, ready } of members) {
    if (w === undefined) continue;
    let t = tallies.get(w.key);
    if (t === undefined) tallies.set(w.key, (t = { pods: 0, ready: 0, byRs: new Map(), first: w }));
    t.pods++;
    if (ready) t.ready++;
    if (w.replicaSet !== undefined) {
      const rs = t.byRs.get(w.replicaSet) ?? { revision: w.revision, pods: 0 };
      rs.pods++;
      t.byRs.set(w.replicaSet, rs);
    }
  }
  const views: WorkloadView[] = [];
  for (const [key, t] of tallies) {
    const top = newest.get(key);
    const revisions = [...t.byRs.entries()]
      .map(([replicaSet, rs]) => ({ replicaSet, revision: rs.revision, pods: rs.pods, current: top !== undefined && rs.revision === top }))
      .sort((a, b) => (b.revision ?? -1) - (a.revision ?? -1) || compare(a.replicaSet, b.replicaSet));
    views.push({
      key,
      namespace: key.slice(0, key.indexOf('/')),
      kind: t.first.kind,
      name: t.first.name,
      pods: t.pods,
      ready: t.ready,
      revisions,
      rolling: revisions.length > 1,
    });
  }
  return views.sort((a, b) => compare(a.key, b.key));
}

/** "web deployment", "kube-proxy daemonset". */
export function workloadLabel(w: { readonly kind: string; readonly name: string }): string {
  return `${w.name} ${w.kind}`;
}

/** "new · rev 2" / "old · rev 1" for a pod of a rolling workload; its ReplicaSet's hash when revisions are unknown. */
export function revisionTag(pod: PodWorkload, view: WorkloadView | undefined): { readonly label: string; readonly current: boolean } | undefined {
  if (view === undefined || !view.rolling || pod.replicaSet === undefined) return undefined;
  const entry = view.revisions.find((r) => r.replicaSet === pod.replicaSet);
  const current = entry?.current ?? false;
  if (pod.revision === undefined) return { label: `rs ${pod.replicaSet.slice(pod.replicaSet.lastIndexOf('-') + 1)}`, current };
  return { label: `${current ? 'new' : 'old'} · rev ${pod.revision}`, current };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
