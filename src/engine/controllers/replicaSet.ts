/**
 * The ReplicaSet controller (kube-controller-manager's replicaset loop): keeps spec.replicas
 * active pods that match the selector, owned through a controller reference, named
 * `<replicaset>-<5 random>`; adopts matching orphans; deletes the surplus in the order
 * deletionOrder() gives; reports replicas / fullyLabeledReplicas / readyReplicas /
 * availableReplicas / observedGeneration. Pod events reach the owner through its controller
 * reference, orphans reach every ReplicaSet of their namespace whose selector matches them.
 */
import type { Pod, ReplicaSet, Stored, WatchEvent } from '../api/types';
import { controllerOf } from '../api/types';
import { fromLabelSelector, matchesSelector } from '../api/selectors';
import type { Draft } from '../util/json';
import type { ReconcileResult } from './manager';
import { KEY, R } from './context';
import { isOwnEcho, nsKey, splitKey } from './keys';
import { isPodActive, isPodAvailable, isPodReady, msUntilAvailable, ownerKeysOfPodEvent, podChangeMattersToOwner } from './podUtil';
import { adoptOrphans, claimPods, deletionOrder, podFromTemplate, selectorPredicate } from './workloadPods';
import { ControlLoop } from './controlLoop';

/** burstReplicas: at most this many creations or deletions per sync. */
export const BURST_REPLICAS = 500;

const SOURCE = { component: 'replicaset-controller' } as const;

export class ReplicaSetController extends ControlLoop {
  readonly name = 'controller:replicaset';

  keysFor(event: WatchEvent): readonly string[] {
    if (event.resource === KEY.replicasets) return isOwnEcho(event, this.name) ? [] : [nsKey(event.object.metadata.namespace, event.object.metadata.name)];
    if (event.resource !== KEY.pods) return [];
    if (event.type === 'MODIFIED' && !podChangeMattersToOwner(event.object as Stored<Pod>, event.previous as Stored<Pod> | undefined)) return [];
    const keys = ownerKeysOfPodEvent(event, 'ReplicaSet');
    if (event.type !== 'DELETED' && !controllerOf(event.object) && !event.object.metadata.deletionTimestamp) {
      for (const key of this.selectorsMatching(event.object as Stored<Pod>)) keys.add(key);
    }
    return [...keys];
  }

  resync(): readonly string[] {
    return this.ctx.store.list(R.replicasets).map((rs) => nsKey(rs.metadata.namespace, rs.metadata.name));
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const rs = this.ctx.store.get<ReplicaSet>(R.replicasets, namespace, name);
    if (!rs) return;
    this.claim(rs);
    if (!rs.metadata.deletionTimestamp) this.manageReplicas(rs, this.ctx.index.podTally(rs.metadata.uid)?.active ?? 0);
    return this.updateStatus(rs);
  }

  /**
   * ClaimPods, cheaply: the full pass over owned pods only runs when some label set among them
   * no longer matches the selector (someone relabelled a pod); orphans are few.
   */
  private claim(rs: Stored<ReplicaSet>): void {
    const sel = fromLabelSelector(rs.spec?.selector);
    const matches = selectorPredicate(sel);
    const tally = this.ctx.index.podTally(rs.metadata.uid);
    const mismatched = tally !== undefined && [...tally.labelSets.values()].some((set) => !matches(set.labels));
    if (mismatched) claimPods(this.ctx, rs, rs.spec?.selector, this.name);
    else if (sel.length > 0) adoptOrphans(this.ctx, R.pods, rs, matches, this.name);
  }

  /** Creates or deletes pods toward spec.replicas. */
  private manageReplicas(rs: Stored<ReplicaSet>, active: number): void {
    const { store, recorder } = this.ctx;
    const diff = active - (rs.spec?.replicas ?? 1);
    if (diff < 0) {
      const toCreate = Math.min(-diff, BURST_REPLICAS);
      let created = 0;
      for (let i = 0; i < toCreate; i++) {
        const result = store.create<Pod>(R.pods, podFromTemplate(rs.spec?.template, rs), this.name);
        if (!result.ok) {
          recorder.record(rs, 'Warning', 'FailedCreate', `Error creating: ${result.error.message}`, SOURCE);
          this.setReplicaFailure(rs, result.error.message);
          break;
        }
        created++;
        recorder.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${result.value.metadata.name}`, SOURCE);
      }
      if (created === toCreate) this.setReplicaFailure(rs, undefined);
      return;
    }
    if (diff > 0) {
      const pods = this.ctx.index.controlled<Pod>(R.pods, rs.metadata.uid).filter(isPodActive);
      const victims = deletionOrder(pods, this.coLocatedCounter(rs), Math.min(diff, BURST_REPLICAS));
      for (const pod of victims) {
        const result = store.delete(R.pods, pod.metadata.namespace, pod.metadata.name, this.name);
        if (result.ok) recorder.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
      }
    }
  }

  /**
   * For each pod, how many unfinished pods of its "related" ReplicaSets (those with the same
   * owner, typically one Deployment) share its node: a rolling update deletes doubled-up pods
   * first. Read from the index's per-node counts.
   */
  private coLocatedCounter(rs: Stored<ReplicaSet>): (pod: Stored<Pod>) => number {
    const index = this.ctx.index;
    const owner = controllerOf(rs);
    const related = (owner ? index.controlled<ReplicaSet>(R.replicasets, owner.uid) : [rs]).map((r) => r.metadata.uid);
    return (pod) => {
      const node = pod.spec?.nodeName;
      return node ? related.reduce((n, uid) => n + index.podsOfOwnerOnNode(node, uid), 0) : 0;
    };
  }

  /** calculateStatus from the running tally; only minReadySeconds needs a look at each ready pod. */
  private updateStatus(rs: Stored<ReplicaSet>): ReconcileResult | void {
    const now = this.ctx.store.wallNow();
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const templateLabels = Object.entries(rs.spec?.template?.metadata?.labels ?? {});
    const tally = this.ctx.index.podTally(rs.metadata.uid);
    const replicas = tally?.active ?? 0;
    const ready = tally?.readyActive ?? 0;
    let fullyLabeled = 0;
    for (const set of tally?.labelSets.values() ?? []) {
      if (templateLabels.every(([k, v]) => set.labels[k] === v)) fullyLabeled += set.active;
    }
    let available = ready;
    let wait: number | undefined;
    if (minReady > 0 && ready > 0) {
      available = 0;
      for (const pod of this.ctx.index.controlled<Pod>(R.pods, rs.metadata.uid)) {
        if (!isPodActive(pod) || !isPodReady(pod)) continue;
        if (isPodAvailable(pod, minReady, now)) available++;
        const ms = msUntilAvailable(pod, minReady, now);
        if (ms !== undefined) wait = wait === undefined ? ms : Math.min(wait, ms);
      }
    }
    this.ctx.store.mutate<ReplicaSet>(R.replicasets, rs.metadata.namespace, rs.metadata.name, this.name, (draft) => {
      const conditions = draft.status?.conditions;
      draft.status = {
        replicas,
        ...(fullyLabeled ? { fullyLabeledReplicas: fullyLabeled } : {}),
        ...(ready ? { readyReplicas: ready } : {}),
        ...(available ? { availableReplicas: available } : {}),
        ...(rs.metadata.generation !== undefined ? { observedGeneration: rs.metadata.generation } : {}),
        ...(conditions ? { conditions } : {}),
      };
    });
    return wait === undefined ? undefined : { requeueAfter: wait };
  }

  /** The ReplicaFailure condition: set when creating pods fails, removed once it works again. */
  private setReplicaFailure(rs: Stored<ReplicaSet>, message: string | undefined): void {
    const now = this.ctx.store.timestamp();
    this.ctx.store.mutate<ReplicaSet>(R.replicasets, rs.metadata.namespace, rs.metadata.name, this.name, (draft: Draft<Stored<ReplicaSet>>) => {
      const others = (draft.status?.conditions ?? []).filter((c) => c.type !== 'ReplicaFailure');
      const status = (draft.status ??= { replicas: 0 });
      const next = message === undefined ? others : [...others, { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message, lastTransitionTime: now }];
      if (next.length > 0) status.conditions = next;
      else delete status.conditions;
    });
  }

  private selectorsMatching(pod: Stored<Pod>): string[] {
    return this.ctx.store.list<ReplicaSet>(R.replicasets, { namespace: pod.metadata.namespace ?? 'default' })
      .filter((rs) => {
        const sel = fromLabelSelector(rs.spec?.selector);
        return sel.length > 0 && matchesSelector(sel, pod.metadata.labels);
      })
      .map((rs) => nsKey(rs.metadata.namespace, rs.metadata.name));
  }
}
