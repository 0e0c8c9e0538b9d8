/**
 * A Deployment's status from its ReplicaSets (calculateStatus) and the Progressing condition's
 * life (syncRolloutStatus): NewReplicaSetCreated → ReplicaSetUpdated while replicas move →
 * NewReplicaSetAvailable when done, or ProgressDeadlineExceeded after progressDeadlineSeconds
 * without progress.
 */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import type { ReplicaSet, Stored } from '../api/types';
import { deepEqual } from '../util/json';
import type { DeploymentSync } from './deploymentReplicaSets';
import {
  REASON, deploymentComplete, deploymentProgressing, deploymentTimedOut, getCondition, hasProgressDeadline, maxUnavailable,
  newCondition, progressDeadlineAt, removeCondition, replicasOf, setCondition,
} from './deploymentUtil';

export function calculateStatus(s: DeploymentSync, allRSs: readonly Stored<ReplicaSet>[], newRS: Stored<ReplicaSet> | undefined): DeploymentStatus {
  const d = s.d;
  const sum = (pick: (rs: Stored<ReplicaSet>) => number) => allRSs.reduce((n, rs) => n + pick(rs), 0);
  const available = sum((rs) => rs.status?.availableReplicas ?? 0);
  const total = sum(replicasOf);
  const fields: [keyof DeploymentStatus, number | undefined][] = [
    ['observedGeneration', d.metadata.generation],
    ['replicas', sum((rs) => rs.status?.replicas ?? 0)],
    ['updatedReplicas', newRS?.status?.replicas ?? 0],
    ['readyReplicas', sum((rs) => rs.status?.readyReplicas ?? 0)],
    ['availableReplicas', available],
    // More available than desired happens while scaling down; it counts as none unavailable.
    ['unavailableReplicas', Math.max(0, total - available)],
    ['collisionCount', d.status?.collisionCount],
  ];
  let status: DeploymentStatus = {};
  for (const [key, value] of fields) {
    // omitempty: zero counts are not written.
    if (value) status = { ...status, [key]: value };
  }
  if (d.status?.conditions) status = { ...status, conditions: [...d.status.conditions] };
  const now = s.now();
  const cond = available >= replicasOf(d) - maxUnavailable(d)
    ? newCondition('Available', 'True', REASON.minAvailable, 'Deployment has minimum availability.', now)
    : newCondition('Available', 'False', REASON.minUnavailable, 'Deployment does not have minimum availability.', now);
  return setCondition(status, cond);
}

/** syncDeploymentStatus: the plain status update used by scaling and paused syncs. */
export function syncDeploymentStatus(s: DeploymentSync, allRSs: readonly Stored<ReplicaSet>[], newRS: Stored<ReplicaSet> | undefined): void {
  const next = calculateStatus(s, allRSs, newRS);
  if (!deepEqual(s.d.status ?? {}, next)) s.writeStatus(next);
}

/** syncRolloutStatus; returns when to look again for a rollout that may run out of time. */
export function syncRolloutStatus(s: DeploymentSync, allRSs: readonly Stored<ReplicaSet>[], newRS: Stored<ReplicaSet> | undefined): number | undefined {
  const d = s.d;
  const now = s.now();
  const nowMs = s.ctx.store.wallNow();
  let next = calculateStatus(s, allRSs, newRS);
  if (!hasProgressDeadline(d)) next = removeCondition(next, 'Progressing');
  const current = getCondition(d.status, 'Progressing');
  const complete = (next.replicas ?? 0) === (next.updatedReplicas ?? 0) && current?.reason === REASON.newRSAvailable;
  if (hasProgressDeadline(d) && !complete) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, next)) {
      next = setCondition(next, newCondition('Progressing', 'True', REASON.newRSAvailable, `${subject} has successfully progressed.`, now));
    } else if (deploymentProgressing(d, next)) {
      let cond = newCondition('Progressing', 'True', REASON.rsUpdated, `${subject} is progressing.`, now);
      if (current) {
        // Same reason, new lastUpdateTime: progress resets the deadline.
        if (current.status === 'True' && current.lastTransitionTime !== undefined) cond = { ...cond, lastTransitionTime: current.lastTransitionTime };
        next = removeCondition(next, 'Progressing');
      }
      next = setCondition(next, cond);
    } else if (deploymentTimedOut(d, next, nowMs)) {
      next = setCondition(next, newCondition('Progressing', 'False', REASON.timedOut, `${subject} has timed out progressing.`, now));
    }
  }
  const failure = [...(newRS ? [newRS] : []), ...allRSs].map((rs) => rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure')).find((c) => c);
  if (failure) {
    next = setCondition(next, { type: 'ReplicaFailure', status: failure.status, reason: failure.reason ?? '', message: failure.message ?? '', lastUpdateTime: now, lastTransitionTime: failure.lastTransitionTime ?? now });
  } else {
    next = removeCondition(next, 'ReplicaFailure');
  }
  if (!deepEqual(d.status ?? {}, next)) s.writeStatus(next);
  // requeueStuckDeployment: come back when the deadline passes.
  const at = progressDeadlineAt(d, next);
  return at === undefined ? undefined : Math.max(1, at - nowMs + 1);
}
