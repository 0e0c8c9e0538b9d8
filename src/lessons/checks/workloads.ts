/**
 * Reading workloads the way kubectl reports them: a Deployment's rollout as `kubectl rollout
 * status` judges it, the ReplicaSets a Deployment owns, a Service's ready endpoints.
 */
import { mustResolve, type Deployment, type Endpoints, type Event, type ReplicaSet, type Stored, type World } from '../../engine';
import { currentCluster } from './state';

export const DEPLOYMENTS = mustResolve('deployments');
export const REPLICASETS = mustResolve('replicasets');
export const ENDPOINTS = mustResolve('endpoints');
export const EVENTS = mustResolve('events');

export function deploymentIn(world: World, namespace: string, name: string): Stored<Deployment> | undefined {
  return currentCluster(world)?.store.get<Deployment>(DEPLOYMENTS, namespace, name);
}

/**
 * `kubectl rollout status` says "successfully rolled out" when the controller has seen the latest
 * spec, every replica runs the new template, no old replica is left, and the new ones are available.
 */
export function rolloutComplete(d: Stored<Deployment>): boolean {
  const status = d.status ?? {};
  const desired = d.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  return (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
    && updated >= desired
    && (status.replicas ?? 0) <= updated
    && (status.availableReplicas ?? 0) >= updated;
}

/** The images of the pod template's containers (init containers excluded). */
export function templateImages(d: Deployment): string[] {
  return (d.spec?.template.spec?.containers ?? []).map((c) => c.image ?? '');
}

/** The ReplicaSets a Deployment controls (its ownerReferences), old and new. */
export function replicaSetsOf(world: World, d: Stored<Deployment>): Stored<ReplicaSet>[] {
  const store = currentCluster(world)?.store;
  if (!store) return [];
  return store.list<ReplicaSet>(REPLICASETS, { namespace: d.metadata.namespace ?? 'default' })
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid && o.controller === true));
}

/** How many pods the ReplicaSets recorded creating (their SuccessfulCreate events, counts summed). */
export function podsCreatedBy(world: World, namespace: string, replicaSets: readonly Stored<ReplicaSet>[]): number {
  const store = currentCluster(world)?.store;
  if (!store || replicaSets.length === 0) return 0;
  const uids = new Set(replicaSets.map((rs) => rs.metadata.uid));
  let total = 0;
  for (const e of store.list<Event>(EVENTS, { namespace })) {
    if (e.reason === 'SuccessfulCreate' && e.involvedObject.uid !== undefined && uids.has(e.involvedObject.uid)) total += e.count ?? 1;
  }
  return total;
}

/** The distinct ready addresses the Endpoints object of a Service lists, over all its subsets. */
export function readyEndpoints(world: World, namespace: string, service: string): number {
  const endpoints = currentCluster(world)?.store.get<Endpoints>(ENDPOINTS, namespace, service);
  const ips = new Set<string>();
  for (const subset of endpoints?.subsets ?? []) for (const a of subset.addresses ?? []) ips.add(a.ip);
  return ips.size;
}
