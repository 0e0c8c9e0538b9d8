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
import type { Controller, ReconcileResult } from './manager';
import { KEY, R, type ControllerContext } from './context';
import { isOwnEcho, nsKey, splitKey } from './keys';
import { isPodActive, isPodAvailable, isPodReady, msUntilAvailable, podChangeMattersToOwner } from './podUtil';
import { claimPods, deletionOrder, podFromTemplate } from './workloadPods';

/** burstReplicas: at most this many creations or deletions per sync. */
export const BURST_REPLICAS = 500;

const SOURCE = { component: 'replicaset-controller' } as const;

export class ReplicaSetController implements Controller {
  readonly name = 'controller:replicaset';

  constructor(
    private readonly ctx: ControllerContext,
    private readonly running: () => boolean = () => true,
  ) {}

  enabled(): boolean {
    return this.running();
  }

  keysFor(event: WatchEvent): readonly string[] {
    if (event.resource === KEY.replicasets) return isOwnEcho(event, this.name) ? [] : [nsKey(event.object.metadata.namespace, event.object.metadata.name)];
    if (event.resource !== KEY.pods) return [];
    if (event.type === 'MODIFIED' && !podChangeMattersToOwner(event.object as Stored<Pod>, event.previous as Stored<Pod> | undefined)) return [];
    const keys = new Set<string>();
    for (const obj of [event.object, event.previous]) {
      if (!obj) continue;
      const ref = controllerOf(obj);
      if (ref?.kind === 'ReplicaSet') keys.add(nsKey(obj.metadata.namespace, ref.name));
    }
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
    let pods = claimPods(this.ctx, rs, rs.spec?.selector, this.name).filter(isPodActive);
    if (!rs.metadata.deletionTimestamp) {
      const changed = this.manageReplicas(rs, pods);
      if (changed) pods = this.ctx.index.controlled<Pod>(R.pods, rs.metadata.uid).filter(isPodActive);
    }
    return this.updateStatus(rs, pods);
  }

  /** Creates or deletes pods toward spec.replicas; true when it changed anything. */
  private manageReplicas(rs: Stored<ReplicaSet>, pods: readonly Stored<Pod>[]): boolean {
    const { store, recorder } = this.ctx;
    const diff = pods.length - (rs.spec?.replicas ?? 1);
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
      return created > 0;
    }
    if (diff > 0) {
      const victims = deletionOrder(pods, this.coLocatedCounter(rs)).slice(0, Math.min(diff, BURST_REPLICAS));
      for (const pod of victims) {
        const result = store.delete(R.pods, pod.metadata.namespace, pod.metadata.name, this.name);
        if (result.ok) recorder.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
      }
      return victims.length > 0;
    }
    return false;
  }

  /**
   * For each pod, how many active pods of its "related" ReplicaSets (those with the same owner,
   * typically one Deployment) share its node: a rolling update deletes doubled-up pods first.
   */
  private coLocatedCounter(rs: Stored<ReplicaSet>): (pod: Stored<Pod>) => number {
    const index = this.ctx.index;
    const owner = controllerOf(rs);
    const related = owner ? index.controlled<ReplicaSet>(R.replicasets, owner.uid) : [rs];
    const perNode = new Map<string, number>();
    for (const r of related) {
      for (const pod of index.controlled<Pod>(R.pods, r.metadata.uid)) {
        const node = pod.spec?.nodeName;
        if (node && isPodActive(pod)) perNode.set(node, (perNode.get(node) ?? 0) + 1);
      }
    }
    return (pod) => (pod.spec?.nodeName ? perNode.get(pod.spec.nodeName) ?? 0 : 0);
  }

  private updateStatus(rs: Stored<ReplicaSet>, pods: readonly Stored<Pod>[]): ReconcileResult | void {
    const now = this.ctx.store.wallNow();
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const templateLabels = Object.entries(rs.spec?.template?.metadata?.labels ?? {});
    let fullyLabeled = 0;
    let ready = 0;
    let available = 0;
    let wait: number | undefined;
    for (const pod of pods) {
      const labels = pod.metadata.labels ?? {};
      if (templateLabels.every(([k, v]) => labels[k] === v)) fullyLabeled++;
      if (!isPodReady(pod)) continue;
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
      const ms = msUntilAvailable(pod, minReady, now);
      if (ms !== undefined) wait = wait === undefined ? ms : Math.min(wait, ms);
    }
    this.ctx.store.mutate<ReplicaSet>(R.replicasets, rs.metadata.namespace, rs.metadata.name, this.name, (draft) => {
      const conditions = draft.status?.conditions;
      draft.status = {
        replicas: pods.length,
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
