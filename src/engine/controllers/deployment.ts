/**
 * The Deployment controller (kube-controller-manager's deployment loop): owns ReplicaSets named
 * `<deployment>-<pod-template-hash>` and drives them with the strategy (deploymentRollout.ts),
 * keeps the revision annotations, and writes status and the Available/Progressing conditions.
 * Its keys come from Deployments, from ReplicaSets through their controller reference (orphans
 * through selectors), and from deleted pods (a Recreate waits for old pods to be gone).
 */
import type { Deployment, Pod, ReplicaSet, Stored, WatchEvent } from '../api/types';
import { controllerOf } from '../api/types';
import { fromLabelSelector, matchesSelector } from '../api/selectors';
import type { ReconcileResult } from './manager';
import { KEY, R } from './context';
import { isOwnEcho, nsKey, splitKey } from './keys';
import { DEPLOYMENT_ACTOR, DeploymentSync, getAllReplicaSetsAndSyncRevision } from './deploymentReplicaSets';
import { isScalingEvent, rolloutRecreate, rolloutRolling, syncScale } from './deploymentRollout';
import { syncDeploymentStatus } from './deploymentStatus';
import { REASON, getCondition, hasProgressDeadline, newCondition, setCondition, isRollingUpdate } from './deploymentUtil';
import { claimObjects } from './workloadPods';
import { ControlLoop } from './controlLoop';

export class DeploymentController extends ControlLoop {
  readonly name = DEPLOYMENT_ACTOR;

  keysFor(event: WatchEvent): readonly string[] {
    switch (event.resource) {
      case KEY.deployments:
        return isOwnEcho(event, this.name) ? [] : [nsKey(event.object.metadata.namespace, event.object.metadata.name)];
      case KEY.replicasets:
        return this.keysForReplicaSet(event);
      case KEY.pods:
        return event.type === 'DELETED' ? this.keysForDeletedPod(event.object as Stored<Pod>) : [];
      default:
        return [];
    }
  }

  resync(): readonly string[] {
    return this.ctx.store.list(R.deployments).map((d) => nsKey(d.metadata.namespace, d.metadata.name));
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const d = this.ctx.store.get<Deployment>(R.deployments, namespace, name);
    if (!d) return;
    const s = new DeploymentSync(this.ctx, d);
    const rsList = claimObjects<ReplicaSet>(this.ctx, R.replicasets, d, d.spec?.selector, this.name);
    if (d.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, false);
      syncDeploymentStatus(s, [...oldRSs, ...(newRS ? [newRS] : [])], newRS);
      return;
    }
    this.checkPausedConditions(s);
    if (s.d.spec?.paused || isScalingEvent(s, rsList)) {
      syncScale(s, this.fresh(rsList));
      return;
    }
    const requeue = isRollingUpdate(s.d) ? rolloutRolling(s, this.fresh(rsList)) : rolloutRecreate(s, this.fresh(rsList));
    // A hash collision bumped collisionCount: try again with the new hash.
    if (s.collided) return { requeueAfter: 0 };
    return requeue === undefined ? undefined : { requeueAfter: requeue };
  }

  /** Re-reads ReplicaSets a previous step of this sync may have written. */
  private fresh(rsList: readonly Stored<ReplicaSet>[]): Stored<ReplicaSet>[] {
    return rsList
      .map((rs) => this.ctx.store.get<ReplicaSet>(R.replicasets, rs.metadata.namespace, rs.metadata.name))
      .filter((rs): rs is Stored<ReplicaSet> => rs !== undefined);
  }

  /** DeploymentPaused / DeploymentResumed on the Progressing condition (never over a timeout). */
  private checkPausedConditions(s: DeploymentSync): void {
    if (!hasProgressDeadline(s.d)) return;
    const cond = getCondition(s.d.status, 'Progressing');
    if (cond?.reason === REASON.timedOut) return;
    const pausedCondExists = cond?.reason === REASON.paused;
    if (s.d.spec?.paused && !pausedCondExists) {
      s.writeStatus(setCondition(s.d.status ?? {}, newCondition('Progressing', 'Unknown', REASON.paused, 'Deployment is paused', s.now())));
    } else if (!s.d.spec?.paused && pausedCondExists) {
      s.writeStatus(setCondition(s.d.status ?? {}, newCondition('Progressing', 'Unknown', REASON.resumed, 'Deployment is resumed', s.now())));
    }
  }

  private keysForReplicaSet(event: WatchEvent): string[] {
    const keys = new Set<string>();
    for (const obj of [event.object, event.previous]) {
      const ref = obj ? controllerOf(obj) : undefined;
      if (obj && ref?.kind === 'Deployment') keys.add(nsKey(obj.metadata.namespace, ref.name));
    }
    if (event.type !== 'DELETED' && !controllerOf(event.object)) {
      const rs = event.object as Stored<ReplicaSet>;
      for (const d of this.ctx.store.list<Deployment>(R.deployments, { namespace: rs.metadata.namespace ?? 'default' })) {
        const sel = fromLabelSelector(d.spec?.selector);
        if (sel.length > 0 && matchesSelector(sel, rs.metadata.labels)) keys.add(nsKey(d.metadata.namespace, d.metadata.name));
      }
    }
    return [...keys];
  }

  private keysForDeletedPod(pod: Stored<Pod>): string[] {
    const ref = controllerOf(pod);
    if (ref?.kind !== 'ReplicaSet') return [];
    const rs = this.ctx.store.get<ReplicaSet>(R.replicasets, pod.metadata.namespace, ref.name);
    const owner = rs ? controllerOf(rs) : undefined;
    if (owner?.kind !== 'Deployment') return [];
    const d = this.ctx.store.get<Deployment>(R.deployments, pod.metadata.namespace, owner.name);
    // Only a Recreate waits for pods to disappear.
    return d && !isRollingUpdate(d) ? [nsKey(pod.metadata.namespace, owner.name)] : [];
  }
}
