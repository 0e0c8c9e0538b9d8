/**
 * A Deployment's ReplicaSets: finding the new one (same template, ignoring pod-template-hash) and
 * the old ones, creating `<deployment>-<pod-template-hash>` when the template changed, keeping the
 * revision annotations in step (a rollback reuses an old ReplicaSet under a new revision and
 * remembers the old number in revision-history), and scaling one with its ScalingReplicaSet event.
 */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import type { Deployment, ReplicaSet, Stored } from '../api/types';
import { controllerOf } from '../api/types';
import { podTemplateHash } from '../api/names';
import type { Draft } from '../util/json';
import { R, type ControllerContext } from './context';
import { byCreation, controllerRefTo } from './podUtil';
import {
  ANNOTATION, ANNOTATIONS_NOT_COPIED, HASH_LABEL, REASON, equalIgnoreHash, getCondition, hasProgressDeadline, maxSurge,
  newCondition, newRSNewReplicas, replicasOf, revisionOf, setCondition,
} from './deploymentUtil';

export const DEPLOYMENT_ACTOR = 'controller:deployment';
export const DEPLOYMENT_SOURCE = { component: 'deployment-controller' } as const;

/** One sync of one Deployment: the latest stored copy, re-read after each write. */
export class DeploymentSync {
  /** The new ReplicaSet's name was taken by another template: collisionCount went up. */
  collided = false;

  constructor(
    readonly ctx: ControllerContext,
    public d: Stored<Deployment>,
  ) {}

  now(): string {
    return this.ctx.store.timestamp();
  }

  /** UpdateStatus: writes the status (no write when unchanged) and keeps the fresh copy. */
  writeStatus(status: DeploymentStatus): void {
    const result = this.ctx.store.mutate<Deployment>(R.deployments, this.d.metadata.namespace, this.d.metadata.name, DEPLOYMENT_ACTOR, (draft) => {
      draft.status = status as Draft<DeploymentStatus>;
    });
    if (result.ok) this.d = result.value;
  }

  /** SetDeploymentRevision on the Deployment's own annotations. */
  writeRevision(revision: string): void {
    if (this.d.metadata.annotations?.[ANNOTATION.revision] === revision) return;
    const result = this.ctx.store.mutate<Deployment>(R.deployments, this.d.metadata.namespace, this.d.metadata.name, DEPLOYMENT_ACTOR, (draft) => {
      draft.metadata.annotations = { ...draft.metadata.annotations, [ANNOTATION.revision]: revision };
    });
    if (result.ok) this.d = result.value;
  }
}

export interface ReplicaSetsOfDeployment {
  readonly newRS: Stored<ReplicaSet> | undefined;
  /** Every other ReplicaSet the Deployment owns, including those scaled to 0. */
  readonly oldRSs: Stored<ReplicaSet>[];
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's, ignoring the hash label. */
export function findNewReplicaSet(d: Deployment, rsList: readonly Stored<ReplicaSet>[]): Stored<ReplicaSet> | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/**
 * getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created when asked and missing) and the
 * old ones, with the new one's revision moved past every old revision.
 */
export function getAllReplicaSetsAndSyncRevision(s: DeploymentSync, rsList: readonly Stored<ReplicaSet>[], create: boolean): ReplicaSetsOfDeployment {
  const existing = findNewReplicaSet(s.d, rsList);
  const oldRSs = rsList.filter((rs) => rs !== existing);
  const maxOld = oldRSs.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
  const newRevision = String(maxOld + 1);
  if (existing) return { newRS: syncExisting(s, existing, newRevision), oldRSs };
  if (!create) return { newRS: undefined, oldRSs };
  return { newRS: createNewReplicaSet(s, oldRSs, newRevision), oldRSs };
}

function syncExisting(s: DeploymentSync, rs: Stored<ReplicaSet>, newRevision: string): Stored<ReplicaSet> {
  const d = s.d;
  const minReady = d.spec?.minReadySeconds ?? 0;
  const annotations = newReplicaSetAnnotations(d, rs, newRevision, true);
  if (annotations !== undefined || (rs.spec?.minReadySeconds ?? 0) !== minReady) {
    // As upstream, this sync only updates the ReplicaSet; the Deployment catches up on the next one.
    const result = s.ctx.store.mutate<ReplicaSet>(R.replicasets, rs.metadata.namespace, rs.metadata.name, DEPLOYMENT_ACTOR, (draft) => {
      if (annotations !== undefined) draft.metadata.annotations = annotations;
      if (minReady > 0) draft.spec!.minReadySeconds = minReady;
      else delete draft.spec!.minReadySeconds;
    });
    return result.ok ? result.value : rs;
  }
  s.writeRevision(rs.metadata.annotations?.[ANNOTATION.revision] ?? newRevision);
  if (hasProgressDeadline(s.d) && !getCondition(s.d.status, 'Progressing')) {
    const cond = newCondition('Progressing', 'True', REASON.foundNewRS, `Found new replica set "${rs.metadata.name}"`, s.now());
    s.writeStatus(setCondition(s.d.status ?? {}, cond));
  }
  return rs;
}

function createNewReplicaSet(s: DeploymentSync, oldRSs: readonly Stored<ReplicaSet>[], newRevision: string): Stored<ReplicaSet> | undefined {
  const { store, recorder } = s.ctx;
  const d = s.d;
  const hash = podTemplateHash(d.spec?.template, d.status?.collisionCount ?? 0);
  const template = d.spec!.template;
  const labels = { ...template.metadata?.labels, [HASH_LABEL]: hash };
  const selector = d.spec!.selector;
  const draft: ReplicaSet = {
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace ?? 'default',
      labels,
      ownerReferences: [controllerRefTo(d)],
    },
    spec: {
      replicas: 0,
      ...(d.spec?.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      selector: { ...selector, matchLabels: { ...selector.matchLabels, [HASH_LABEL]: hash } },
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, draft], draft);
  const annotations = newReplicaSetAnnotations(d, draft, newRevision, false) ?? {};
  const result = store.create<ReplicaSet>(R.replicasets, {
    ...draft, metadata: { ...draft.metadata, annotations }, spec: { ...draft.spec!, replicas },
  }, DEPLOYMENT_ACTOR);
  if (!result.ok) {
    if (result.error.reason === 'AlreadyExists') {
      const clash = store.get<ReplicaSet>(R.replicasets, draft.metadata!.namespace, draft.metadata!.name!);
      if (clash && controllerOf(clash)?.uid === d.metadata.uid && equalIgnoreHash(clash.spec?.template, template)) return clash;
      // A hash collision: bump collisionCount; the status update brings us back with a new hash.
      s.writeStatus({ ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 });
      s.collided = true;
      return undefined;
    }
    if (result.error.reason === 'Forbidden') return undefined;
    const msg = `Failed to create new replica set "${draft.metadata!.name}": ${result.error.message}`;
    if (hasProgressDeadline(d)) s.writeStatus(setCondition(d.status ?? {}, newCondition('Progressing', 'False', REASON.failedRSCreate, msg, s.now())));
    recorder.record(d, 'Warning', REASON.failedRSCreate, msg, DEPLOYMENT_SOURCE);
    return undefined;
  }
  const created = result.value;
  if (replicas > 0) recorder.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} to ${replicas}`, DEPLOYMENT_SOURCE);
  s.writeRevision(newRevision);
  if (hasProgressDeadline(s.d)) {
    const cond = newCondition('Progressing', 'True', REASON.newRSCreated, `Created new replica set "${created.metadata.name}"`, s.now());
    s.writeStatus(setCondition(s.d.status ?? {}, cond));
  }
  return created;
}

/**
 * SetNewReplicaSetAnnotations: the Deployment's annotations copied over, the revision raised to
 * newRevision (keeping the old number in revision-history when an old ReplicaSet comes back), and
 * for a ReplicaSet about to be created the desired/max replicas. Undefined when nothing changes.
 */
function newReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: string, exists: boolean): Record<string, string> | undefined {
  const current = rs.metadata?.annotations ?? {};
  const next: Record<string, string> = { ...current };
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (!ANNOTATIONS_NOT_COPIED.has(k)) next[k] = v;
  }
  const oldRevision = current[ANNOTATION.revision];
  const oldInt = revisionOf(rs);
  if (oldInt < Number.parseInt(newRevision, 10)) {
    next[ANNOTATION.revision] = newRevision;
    if (oldRevision !== undefined && oldRevision !== '') {
      const history = current[ANNOTATION.revisionHistory];
      next[ANNOTATION.revisionHistory] = history ? `${history},${oldRevision}` : oldRevision;
    }
  }
  if (!exists) {
    next[ANNOTATION.desiredReplicas] = String(replicasOf(d));
    next[ANNOTATION.maxReplicas] = String(replicasOf(d) + maxSurge(d));
  }
  const same = Object.keys(next).length === Object.keys(current).length && Object.entries(next).every(([k, v]) => current[k] === v);
  return same ? undefined : next;
}

/**
 * scaleReplicaSet: sets the size and the desired/max replicas annotations; a size change records
 * `Scaled up replica set web-7c8bbcd9bc to 3 from 1` (v1.27 wording) on the Deployment.
 */
export function scaleReplicaSet(s: DeploymentSync, rs: Stored<ReplicaSet>, newScale: number, operation: 'up' | 'down'): { scaled: boolean; rs: Stored<ReplicaSet> } {
  const d = s.d;
  const oldScale = replicasOf(rs);
  const desired = String(replicasOf(d));
  const max = String(replicasOf(d) + maxSurge(d));
  const annotations = rs.metadata.annotations ?? {};
  const sizeChanges = oldScale !== newScale;
  if (!sizeChanges && annotations[ANNOTATION.desiredReplicas] === desired && annotations[ANNOTATION.maxReplicas] === max) return { scaled: false, rs };
  const result = s.ctx.store.mutate<ReplicaSet>(R.replicasets, rs.metadata.namespace, rs.metadata.name, DEPLOYMENT_ACTOR, (draft) => {
    draft.spec!.replicas = newScale;
    draft.metadata.annotations = { ...draft.metadata.annotations, [ANNOTATION.desiredReplicas]: desired, [ANNOTATION.maxReplicas]: max };
  });
  if (!result.ok) return { scaled: false, rs };
  if (sizeChanges) {
    s.ctx.recorder.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${rs.metadata.name} to ${newScale} from ${oldScale}`, DEPLOYMENT_SOURCE);
  }
  return { scaled: sizeChanges, rs: result.value };
}

/** scaleReplicaSetAndRecordEvent: nothing to do at the same size; otherwise up or down. */
export function scaleTo(s: DeploymentSync, rs: Stored<ReplicaSet>, newScale: number): { scaled: boolean; rs: Stored<ReplicaSet> } {
  if (replicasOf(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(s, rs, newScale, replicasOf(rs) < newScale ? 'up' : 'down');
}
