/**
 * Deployment arithmetic, as k8s.io/kubernetes/pkg/controller/deployment/util computes it: maxSurge
 * rounds up and maxUnavailable rounds down (both 0 → 1 unavailable), how many replicas a new
 * ReplicaSet may have, when a rollout is complete, progressing or timed out, and the conditions
 * with their real reasons and messages.
 */
import type { DeploymentCondition, DeploymentStatus } from 'kubernetes-types/apps/v1';
import type { Deployment, ReplicaSet, Stored } from '../api/types';
import { deepEqual } from '../util/json';
import { parseTime } from '../util/time';

export const HASH_LABEL = 'pod-template-hash';

export const ANNOTATION = {
  revision: 'deployment.kubernetes.io/revision',
  revisionHistory: 'deployment.kubernetes.io/revision-history',
  desiredReplicas: 'deployment.kubernetes.io/desired-replicas',
  maxReplicas: 'deployment.kubernetes.io/max-replicas',
} as const;

/** Annotations a Deployment does not pass on to its ReplicaSets. */
export const ANNOTATIONS_NOT_COPIED: ReadonlySet<string> = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  ANNOTATION.revision, ANNOTATION.revisionHistory, ANNOTATION.desiredReplicas, ANNOTATION.maxReplicas,
  'deprecated.deployment.rollback.to',
]);

export const REASON = {
  newRSCreated: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  rsUpdated: 'ReplicaSetUpdated',
  newRSAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  minAvailable: 'MinimumReplicasAvailable',
  minUnavailable: 'MinimumReplicasUnavailable',
  failedRSCreate: 'ReplicaSetCreateError',
} as const;

export type Condition = DeploymentCondition;

export function replicasOf(obj: Deployment | ReplicaSet | undefined): number {
  return obj?.spec?.replicas ?? 0;
}

/** intstr.GetScaledValueFromIntOrPercent: "25%" of 10 is 3 rounding up, 2 rounding down. */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (value.endsWith('%')) {
    const pct = Number.parseInt(value.slice(0, -1), 10);
    if (Number.isNaN(pct)) return 0;
    const exact = (pct * total) / 100;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  }
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) ? 0 : n;
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** ResolveFenceposts: surge rounds up, unavailable rounds down; both zero means one unavailable. */
export function fenceposts(d: Deployment): { readonly surge: number; readonly unavailable: number } {
  const replicas = replicasOf(d);
  const ru = d.spec?.strategy?.rollingUpdate;
  const surge = scaledValue(ru?.maxSurge ?? '25%', replicas, true);
  let unavailable = scaledValue(ru?.maxUnavailable ?? '25%', replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? fenceposts(d).surge : 0;
}

export function maxUnavailable(d: Deployment): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(fenceposts(d).unavailable, replicas);
}

export function revisionOf(obj: { readonly metadata?: { readonly annotations?: Readonly<Record<string, string>> } } | undefined): number {
  const n = Number.parseInt(obj?.metadata?.annotations?.[ANNOTATION.revision] ?? '', 10);
  return Number.isNaN(n) ? 0 : n;
}

/** Two pod templates are the same if they only differ by the pod-template-hash label. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return deepEqual(withoutHash(a), withoutHash(b));
}

function withoutHash(template: unknown): unknown {
  const t = template as { metadata?: { labels?: Record<string, string> } } | undefined;
  if (!t?.metadata?.labels || !(HASH_LABEL in t.metadata.labels)) return template;
  const labels = { ...t.metadata.labels };
  delete labels[HASH_LABEL];
  const metadata = { ...t.metadata, labels };
  if (Object.keys(labels).length === 0) delete (metadata as { labels?: unknown }).labels;
  return { ...t, metadata };
}

/** NewRSNewReplicas: how big the new ReplicaSet may be right now. */
export function newRSNewReplicas(d: Deployment, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const current = allRSs.reduce((sum, rs) => sum + replicasOf(rs), 0);
  const maxTotal = replicasOf(d) + maxSurge(d);
  if (current >= maxTotal) return replicasOf(newRS);
  const scaleUp = Math.min(maxTotal - current, replicasOf(d) - replicasOf(newRS));
  return replicasOf(newRS) + scaleUp;
}

export function desiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  const n = Number.parseInt(rs.metadata?.annotations?.[ANNOTATION.desiredReplicas] ?? '', 10);
  return Number.isNaN(n) ? undefined : n;
}

export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  return desired !== undefined && replicasOf(rs) === replicasOf(d) && desired === replicasOf(d) && (rs.status?.availableReplicas ?? 0) === replicasOf(d);
}

export function deploymentComplete(d: Stored<Deployment>, status: DeploymentStatus | undefined): boolean {
  const want = replicasOf(d);
  return (status?.updatedReplicas ?? 0) === want && (status?.replicas ?? 0) === want && (status?.availableReplicas ?? 0) === want
    && (status?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** Some replicas moved forward since the last status: updated, ready or available grew, or old ones shrank. */
export function deploymentProgressing(d: Deployment, next: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0)
    || (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0) || oldOld > newOld;
}

export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec?.progressDeadlineSeconds;
  return s !== undefined && s !== 2147483647;
}

/** Wall-clock ms at which the current Progressing condition runs out, if it can. */
export function progressDeadlineAt(d: Deployment, status: DeploymentStatus): number | undefined {
  if (!hasProgressDeadline(d)) return undefined;
  const c = getCondition(status, 'Progressing');
  if (!c || c.reason === REASON.newRSAvailable || c.reason === REASON.timedOut) return undefined;
  const from = parseTime(c.lastUpdateTime);
  return from === undefined ? undefined : from + d.spec!.progressDeadlineSeconds! * 1000;
}

export function deploymentTimedOut(d: Deployment, status: DeploymentStatus, nowMs: number): boolean {
  const c = getCondition(status, 'Progressing');
  if (!c) return false;
  if (c.reason === REASON.timedOut) return true;
  const at = progressDeadlineAt(d, status);
  return at !== undefined && at < nowMs;
}

export function getCondition(status: DeploymentStatus | undefined, type: string): Condition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

export function newCondition(type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string, now: string): Condition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/**
 * SetDeploymentCondition: nothing changes when status and reason are the same; otherwise the old
 * condition of that type is dropped and the new one appended (keeping lastTransitionTime when only
 * the reason changed), which is why a finished rollout lists Available before Progressing.
 */
export function setCondition(status: DeploymentStatus, cond: Condition): DeploymentStatus {
  const current = getCondition(status, cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return status;
  const keep = current && current.status === cond.status ? current.lastTransitionTime : undefined;
  const next: Condition = keep !== undefined ? { ...cond, lastTransitionTime: keep } : cond;
  return { ...status, conditions: [...(status.conditions ?? []).filter((c) => c.type !== cond.type), next] };
}

export function removeCondition(status: DeploymentStatus, type: string): DeploymentStatus {
  const conditions = (status.conditions ?? []).filter((c) => c.type !== type);
  const next: DeploymentStatus = { ...status, conditions };
  if (conditions.length === 0) delete (next as { conditions?: unknown }).conditions;
  return next;
}
