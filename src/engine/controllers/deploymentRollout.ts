/**
 * How a Deployment moves its ReplicaSets: RollingUpdate (grow the new one within maxSurge, shrink
 * old ones within maxUnavailable, unhealthy old replicas first), Recreate (old ones to zero, wait
 * for their pods to be gone, then the new one), proportional scaling when the size changes
 * mid-rollout, and revisionHistoryLimit's cleanup of old, empty ReplicaSets.
 */
import type { Pod, ReplicaSet, Stored } from '../api/types';
import { R } from './context';
import { DEPLOYMENT_ACTOR, getAllReplicaSetsAndSyncRevision, scaleReplicaSet, scaleTo, type DeploymentSync } from './deploymentReplicaSets';
import { syncDeploymentStatus, syncRolloutStatus } from './deploymentStatus';
import {
  deploymentComplete, desiredReplicasAnnotation, isRollingUpdate, isSaturated, maxSurge, maxUnavailable, newRSNewReplicas,
  replicasOf, revisionOf,
} from './deploymentUtil';
import { byCreation, isPodTerminal } from './podUtil';

type RS = Stored<ReplicaSet>;

const active = (rss: readonly (RS | undefined)[]): RS[] => rss.filter((rs): rs is RS => rs !== undefined && replicasOf(rs) > 0);
const total = (rss: readonly RS[], pick: (rs: RS) => number) => rss.reduce((n, rs) => n + pick(rs), 0);

/** rolloutRolling; returns a requeue delay when the rollout may time out. */
export function rolloutRolling(s: DeploymentSync, rsList: readonly RS[]): number | undefined {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, true);
  let current = newRS;
  let olds = oldRSs;
  const all = () => [...olds, ...(current ? [current] : [])];
  if (current) {
    const up = reconcileNewReplicaSet(s, all(), current);
    current = up.rs;
    if (up.scaled) return syncRolloutStatus(s, all(), current);
  }
  const down = reconcileOldReplicaSets(s, all(), olds, current);
  olds = down.oldRSs;
  if (down.scaled) return syncRolloutStatus(s, all(), current);
  const requeue = syncRolloutStatus(s, all(), current);
  // Upstream cleans up on the sync after the one that completed the rollout; we write that
  // status ourselves, so we look at it right away.
  if (deploymentComplete(s.d, s.d.status)) cleanupDeployment(s, olds);
  return requeue;
}

function reconcileNewReplicaSet(s: DeploymentSync, allRSs: readonly RS[], newRS: RS): { scaled: boolean; rs: RS } {
  const want = replicasOf(s.d);
  if (replicasOf(newRS) === want) return { scaled: false, rs: newRS };
  if (replicasOf(newRS) > want) return scaleTo(s, newRS, want);
  return scaleTo(s, newRS, newRSNewReplicas(s.d, allRSs, newRS));
}

function reconcileOldReplicaSets(s: DeploymentSync, allRSs: readonly RS[], oldRSs: RS[], newRS: RS | undefined): { scaled: boolean; oldRSs: RS[] } {
  const oldCount = total(oldRSs, replicasOf);
  if (oldCount === 0) return { scaled: false, oldRSs };
  const d = s.d;
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = newRS ? replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0) : 0;
  const maxScaledDown = total(allRSs, replicasOf) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return { scaled: false, oldRSs };
  // Unhealthy old replicas go first: they count against availability anyway.
  const cleaned = cleanupUnhealthyReplicas(s, oldRSs, maxScaledDown);
  const everything = [...cleaned.oldRSs, ...(newRS ? [newRS] : [])];
  const scaledDown = scaleDownOldReplicaSets(s, everything, cleaned.oldRSs);
  return { scaled: cleaned.count + scaledDown.count > 0, oldRSs: scaledDown.oldRSs };
}

function cleanupUnhealthyReplicas(s: DeploymentSync, oldRSs: readonly RS[], maxCleanup: number): { count: number; oldRSs: RS[] } {
  const sorted = [...oldRSs].sort(byCreation);
  let count = 0;
  const out: RS[] = [];
  for (const rs of sorted) {
    const unhealthy = replicasOf(rs) - (rs.status?.availableReplicas ?? 0);
    if (count >= maxCleanup || replicasOf(rs) === 0 || unhealthy <= 0) {
      out.push(rs);
      continue;
    }
    const n = Math.min(maxCleanup - count, unhealthy);
    const result = scaleReplicaSet(s, rs, replicasOf(rs) - n, 'down');
    out.push(result.rs);
    count += n;
  }
  return { count, oldRSs: out };
}

function scaleDownOldReplicaSets(s: DeploymentSync, allRSs: readonly RS[], oldRSs: readonly RS[]): { count: number; oldRSs: RS[] } {
  const d = s.d;
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const available = total(allRSs, (rs) => rs.status?.availableReplicas ?? 0);
  if (available <= minAvailable) return { count: 0, oldRSs: [...oldRSs] };
  const budget = available - minAvailable;
  let count = 0;
  const out: RS[] = [];
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (count >= budget || replicasOf(rs) === 0) {
      out.push(rs);
      continue;
    }
    const n = Math.min(replicasOf(rs), budget - count);
    const result = scaleReplicaSet(s, rs, replicasOf(rs) - n, 'down');
    out.push(result.rs);
    count += n;
  }
  return { count, oldRSs: out };
}

/** rolloutRecreate: every old pod gone before the new ReplicaSet gets any replicas. */
export function rolloutRecreate(s: DeploymentSync, rsList: readonly RS[]): number | undefined {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  let scaledDown = false;
  oldRSs = oldRSs.map((rs) => {
    if (replicasOf(rs) === 0) return rs;
    const result = scaleTo(s, rs, 0);
    scaledDown ||= result.scaled;
    return result.rs;
  });
  const all = () => [...oldRSs, ...(newRS ? [newRS] : [])];
  if (scaledDown) return syncRolloutStatus(s, all(), newRS);
  if (oldPodsRunning(s, newRS, oldRSs)) return syncRolloutStatus(s, all(), newRS);
  if (!newRS) ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, true));
  if (newRS && replicasOf(newRS) !== replicasOf(s.d)) {
    const result = scaleTo(s, newRS, replicasOf(s.d));
    newRS = result.rs;
    if (result.scaled) return syncRolloutStatus(s, all(), newRS);
  }
  const requeue = syncRolloutStatus(s, all(), newRS);
  if (deploymentComplete(s.d, s.d.status)) cleanupDeployment(s, oldRSs);
  return requeue;
}

/** oldPodsRunning: any pod of an old ReplicaSet that has not finished, terminating ones included. */
function oldPodsRunning(s: DeploymentSync, newRS: RS | undefined, oldRSs: readonly RS[]): boolean {
  if (oldRSs.some((rs) => (rs.status?.replicas ?? 0) > 0)) return true;
  for (const rs of oldRSs) {
    if (rs === newRS) continue;
    const pods = s.ctx.index.controlled<Pod>(R.pods, rs.metadata.uid);
    if (pods.some((p) => !isPodTerminal(p))) return true;
  }
  return false;
}

/** isScalingEvent: some active ReplicaSet was sized for a different replica count. */
export function isScalingEvent(s: DeploymentSync, rsList: readonly RS[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  return active([...oldRSs, newRS]).some((rs) => {
    const desired = desiredReplicasAnnotation(rs);
    return desired !== undefined && desired !== replicasOf(s.d);
  });
}

/** sync: scaling (and paused Deployments) without rolling anything out. */
export function syncScale(s: DeploymentSync, rsList: readonly RS[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  const scaled = scale(s, newRS, oldRSs);
  if (s.d.spec?.paused) cleanupDeployment(s, scaled.oldRSs);
  syncDeploymentStatus(s, [...scaled.oldRSs, ...(scaled.newRS ? [scaled.newRS] : [])], scaled.newRS);
}

function scale(s: DeploymentSync, newRS: RS | undefined, oldRSs: readonly RS[]): { newRS: RS | undefined; oldRSs: RS[] } {
  const d = s.d;
  const replace = (rs: RS) => ({ newRS: newRS && rs.metadata.uid === newRS.metadata.uid ? rs : newRS, oldRSs: oldRSs.map((o) => (o.metadata.uid === rs.metadata.uid ? rs : o)) });
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (replicasOf(activeOrLatest) === replicasOf(d)) return { newRS, oldRSs: [...oldRSs] };
    return replace(scaleTo(s, activeOrLatest, replicasOf(d)).rs);
  }
  if (isSaturated(d, newRS)) {
    let result = { newRS, oldRSs: [...oldRSs] };
    for (const rs of active(oldRSs)) result = { ...result, oldRSs: result.oldRSs.map((o) => (o === rs ? scaleTo(s, rs, 0).rs : o)) };
    return result;
  }
  if (!isRollingUpdate(d)) return { newRS, oldRSs: [...oldRSs] };
  // Proportional scaling: spread the change over the active ReplicaSets by their share.
  const all = active([...oldRSs, newRS]);
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowed - total(all, replicasOf);
  const operation = toAdd > 0 ? 'up' : 'down';
  all.sort((a, b) => replicasOf(b) - replicasOf(a) || (toAdd > 0 ? -byCreation(a, b) : byCreation(a, b)));
  const sizes = new Map<string, number>();
  let added = 0;
  for (const rs of all) {
    const share = toAdd === 0 ? 0 : proportion(s, rs, toAdd, added);
    sizes.set(rs.metadata.uid, replicasOf(rs) + share);
    added += share;
  }
  let result = { newRS, oldRSs: [...oldRSs] };
  all.forEach((rs, i) => {
    let size = sizes.get(rs.metadata.uid)!;
    // Leftovers from rounding go to the largest ReplicaSet.
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    const updated = scaleReplicaSet(s, rs, size, operation).rs;
    result = {
      newRS: result.newRS && result.newRS.metadata.uid === rs.metadata.uid ? updated : result.newRS,
      oldRSs: result.oldRSs.map((o) => (o.metadata.uid === rs.metadata.uid ? updated : o)),
    };
  });
  return result;
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest one when none is active. */
function findActiveOrLatest(newRS: RS | undefined, oldRSs: readonly RS[]): RS | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => -byCreation(a, b));
  const all = active([...newestFirst, newRS]);
  if (all.length === 0) return newRS ?? newestFirst[0];
  return all.length === 1 ? all[0] : undefined;
}

/** GetProportion: this ReplicaSet's rounded share of the change, within what is left to add. */
function proportion(s: DeploymentSync, rs: RS, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === added) return 0;
  const d = s.d;
  let fraction: number;
  if (replicasOf(d) === 0) {
    fraction = -replicasOf(rs);
  } else {
    const deploymentReplicas = replicasOf(d) + maxSurge(d);
    const annotated = Number.parseInt(rs.metadata.annotations?.['deployment.kubernetes.io/max-replicas'] ?? '', 10);
    const base = Number.isNaN(annotated) ? (d.status?.replicas ?? 0) : annotated;
    fraction = base === 0 ? 0 : Math.round((replicasOf(rs) * deploymentReplicas) / base) - replicasOf(rs);
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** cleanupDeployment: keep revisionHistoryLimit old ReplicaSets; delete older empty ones. */
export function cleanupDeployment(s: DeploymentSync, oldRSs: readonly RS[]): void {
  const limit = s.d.spec?.revisionHistoryLimit;
  if (limit === undefined) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  for (const rs of cleanable.slice(0, diff)) {
    // Never a ReplicaSet that still has pods, or whose controller has not caught up yet.
    if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0) continue;
    if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    s.ctx.store.delete(R.replicasets, rs.metadata.namespace, rs.metadata.name, DEPLOYMENT_ACTOR);
  }
}
