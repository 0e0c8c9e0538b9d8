/**
 * The DaemonSet controller (kube-controller-manager's daemonset loop): one pod per node that
 * should run it (daemonSetPods.ts), named `<daemonset>-<5 random>`, pinned by node affinity and
 * bound by the scheduler; extra, misplaced and failed pods deleted; RollingUpdate or OnDelete for
 * template changes; status desired/current/ready/available/updated/misscheduled. A node joining,
 * or changing its labels or taints, puts every DaemonSet back in the queue: node2 gets its
 * kube-proxy and weave-net pods this way.
 */
import type { DaemonSet, Node, Pod, Stored, WatchEvent } from '../api/types';
import { controllerOf } from '../api/types';
import { fromLabelSelector, matchesSelector } from '../api/selectors';
import { deepEqual } from '../util/json';
import type { ReconcileResult } from './manager';
import { KEY, R } from './context';
import { isOwnEcho, nsKey, splitKey } from './keys';
import { targetNodeName } from './nodeAffinity';
import { byCreation, isPodAvailable, isPodReady, msUntilAvailable, ownerKeysOfPodEvent, podChangeMattersToOwner } from './podUtil';
import { claimPods, podFromTemplate } from './workloadPods';
import { daemonPodTemplate, isDaemonPodUpdated, nodeShouldRunDaemonPod, pinToNode } from './daemonSetPods';
import { cleanupHistory, constructHistory } from './daemonSetHistory';
import { oldPodsToReplace } from './daemonSetUpdate';
import { ControlLoop } from './controlLoop';

/** The DaemonSet controller's burstReplicas. */
export const DAEMON_BURST = 250;
/** failedPodsBackoff: 1 s doubling up to 15 min between deletions of failed pods on one node. */
const FAILED_BACKOFF_MS = { initial: 1000, max: 15 * 60 * 1000 };

const SOURCE = { component: 'daemonset-controller' } as const;

export class DaemonSetController extends ControlLoop {
  readonly name = 'controller:daemonset';
  private readonly failedBackoff = new Map<string, { delay: number; until: number }>();

  keysFor(event: WatchEvent): readonly string[] {
    switch (event.resource) {
      case KEY.daemonsets:
        return isOwnEcho(event, this.name) ? [] : [nsKey(event.object.metadata.namespace, event.object.metadata.name)];
      case KEY.nodes:
        return nodeChangeMatters(event) ? this.resync() : [];
      case KEY.pods:
        return this.keysForPod(event);
      default:
        return [];
    }
  }

  resync(): readonly string[] {
    return this.ctx.store.list(R.daemonsets).map((ds) => nsKey(ds.metadata.namespace, ds.metadata.name));
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const ds = this.ctx.store.get<DaemonSet>(R.daemonsets, namespace, name);
    if (!ds) return;
    const nodes = this.ctx.store.list<Node>(R.nodes);
    const history = constructHistory(this.ctx, ds, this.name);
    let pods = claimPods(this.ctx, ds, ds.spec?.selector, this.name);
    let requeue: number | undefined;
    if (!ds.metadata.deletionTimestamp) {
      const managed = this.manage(ds, nodes, byNode(pods), history.hash);
      requeue = managed.requeue;
      if (!managed.changed && (ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
        const desired = nodes.filter((n) => nodeShouldRunDaemonPod(n, ds).shouldRun).length;
        this.syncNodes(ds, oldPodsToReplace(ds, byNode(pods), desired, history.hash, this.ctx.store.wallNow()), [], history.hash);
      }
      pods = this.ctx.index.controlled<Pod>(R.pods, ds.metadata.uid);
      cleanupHistory(this.ctx, ds, history, pods, this.name);
    }
    const wait = this.updateStatus(ds, nodes, byNode(pods), history.hash);
    const next = [requeue, wait].filter((n): n is number => n !== undefined);
    return next.length > 0 ? { requeueAfter: Math.min(...next) } : undefined;
  }

  /** manage(): the pods each node needs or must lose; true when anything was written. */
  private manage(ds: Stored<DaemonSet>, nodes: readonly Stored<Node>[], podsByNode: Map<string, Stored<Pod>[]>, hash: string): { changed: boolean; requeue?: number } {
    const toCreate: string[] = [];
    const toDelete: Stored<Pod>[] = [];
    const now = this.ctx.store.wallNow();
    let requeue: number | undefined;
    for (const node of nodes) {
      const nodeName = node.metadata.name;
      const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
      const pods = podsByNode.get(nodeName) ?? [];
      if (shouldRun && pods.length === 0) {
        toCreate.push(nodeName);
      } else if (shouldContinueRunning) {
        const running: Stored<Pod>[] = [];
        for (const pod of pods) {
          if (pod.metadata.deletionTimestamp) continue;
          const phase = pod.status?.phase;
          if (phase === 'Failed') {
            const backoffKey = `${nsKey(ds.metadata.namespace, ds.metadata.name)}/${nodeName}`;
            const backoff = this.failedBackoff.get(backoffKey);
            if (backoff && now < backoff.until) {
              requeue = Math.min(requeue ?? Infinity, backoff.until - now);
              continue;
            }
            const delay = backoff ? Math.min(backoff.delay * 2, FAILED_BACKOFF_MS.max) : FAILED_BACKOFF_MS.initial;
            this.failedBackoff.set(backoffKey, { delay, until: now + delay });
            this.ctx.recorder.record(ds, 'Warning', 'FailedDaemonPod',
              `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${nodeName}, will try to kill it`, SOURCE);
            toDelete.push(pod);
          } else if (phase === 'Succeeded') {
            toDelete.push(pod);
          } else {
            running.push(pod);
          }
        }
        // Without surge, one pod per node: keep the oldest scheduled one.
        running.sort((a, b) => (a.spec?.nodeName ? 0 : 1) - (b.spec?.nodeName ? 0 : 1) || byCreation(a, b));
        toDelete.push(...running.slice(1));
      } else if (pods.length > 0) {
        toDelete.push(...pods.filter((p) => !p.metadata.deletionTimestamp));
      }
    }
    // Unscheduled pods meant for a node that no longer exists.
    const existing = new Set(nodes.map((n) => n.metadata.name));
    for (const [nodeName, pods] of podsByNode) {
      if (!existing.has(nodeName)) toDelete.push(...pods.filter((p) => !p.spec?.nodeName && !p.metadata.deletionTimestamp));
    }
    const changed = this.syncNodes(ds, toDelete, toCreate, hash);
    return requeue === undefined ? { changed } : { changed, requeue };
  }

  /** syncNodes: creates the pods nodes need and deletes the listed ones, with their events. */
  private syncNodes(ds: Stored<DaemonSet>, toDelete: readonly Stored<Pod>[], toCreate: readonly string[], hash: string): boolean {
    const { store, recorder } = this.ctx;
    let changed = false;
    const template = daemonPodTemplate(ds, hash);
    for (const nodeName of toCreate.slice(0, DAEMON_BURST)) {
      const pod = podFromTemplate(template, ds);
      const result = store.create<Pod>(R.pods, { ...pod, spec: pinToNode(pod.spec!, nodeName) }, this.name);
      if (!result.ok) {
        recorder.record(ds, 'Warning', 'FailedCreate', `Error creating: ${result.error.message}`, SOURCE);
        break;
      }
      changed = true;
      recorder.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${result.value.metadata.name}`, SOURCE);
    }
    for (const pod of toDelete.slice(0, DAEMON_BURST)) {
      if (!store.delete(R.pods, pod.metadata.namespace, pod.metadata.name, this.name).ok) continue;
      changed = true;
      recorder.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
    }
    return changed;
  }

  /** updateDaemonSetStatus; returns when a ready pod turns available (minReadySeconds). */
  private updateStatus(ds: Stored<DaemonSet>, nodes: readonly Stored<Node>[], podsByNode: Map<string, Stored<Pod>[]>, hash: string): number | undefined {
    const now = this.ctx.store.wallNow();
    const minReady = ds.spec?.minReadySeconds ?? 0;
    let desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0;
    let wait: number | undefined;
    for (const node of nodes) {
      const pods = [...(podsByNode.get(node.metadata.name) ?? [])].sort(byCreation);
      const { shouldRun } = nodeShouldRunDaemonPod(node, ds);
      if (!shouldRun) {
        if (pods.length > 0) misscheduled++;
        continue;
      }
      desired++;
      const pod = pods[0];
      if (!pod) continue;
      current++;
      if (isPodReady(pod)) {
        ready++;
        if (isPodAvailable(pod, minReady, now)) available++;
        const ms = msUntilAvailable(pod, minReady, now);
        if (ms !== undefined) wait = Math.min(wait ?? Infinity, ms);
      }
      if (isDaemonPodUpdated(pod, hash, ds.metadata.generation)) updated++;
    }
    const status = {
      currentNumberScheduled: current,
      desiredNumberScheduled: desired,
      numberMisscheduled: misscheduled,
      numberReady: ready,
      ...(ds.metadata.generation !== undefined ? { observedGeneration: ds.metadata.generation } : {}),
      ...(updated ? { updatedNumberScheduled: updated } : {}),
      ...(available ? { numberAvailable: available } : {}),
      ...(desired - available > 0 ? { numberUnavailable: desired - available } : {}),
      ...(ds.status?.collisionCount !== undefined ? { collisionCount: ds.status.collisionCount } : {}),
    };
    if (!deepEqual(ds.status, status)) {
      this.ctx.store.mutate<DaemonSet>(R.daemonsets, ds.metadata.namespace, ds.metadata.name, this.name, (draft) => {
        draft.status = status;
      });
    }
    return wait;
  }

  private keysForPod(event: WatchEvent): string[] {
    if (event.type === 'MODIFIED' && !podChangeMattersToOwner(event.object as Stored<Pod>, event.previous as Stored<Pod> | undefined)) return [];
    const keys = ownerKeysOfPodEvent(event, 'DaemonSet');
    if (event.type !== 'DELETED' && !controllerOf(event.object) && !event.object.metadata.deletionTimestamp) {
      const pod = event.object as Stored<Pod>;
      for (const ds of this.ctx.store.list<DaemonSet>(R.daemonsets, { namespace: pod.metadata.namespace ?? 'default' })) {
        const sel = fromLabelSelector(ds.spec?.selector);
        if (sel.length > 0 && matchesSelector(sel, pod.metadata.labels)) keys.add(nsKey(ds.metadata.namespace, ds.metadata.name));
      }
    }
    return [...keys];
  }
}

/** getNodesToDaemonPods: claimed pods by the node they run on or are pinned to. */
function byNode(pods: readonly Stored<Pod>[]): Map<string, Stored<Pod>[]> {
  const map = new Map<string, Stored<Pod>[]>();
  for (const pod of pods) {
    const node = targetNodeName(pod);
    if (node === undefined) continue;
    const list = map.get(node);
    if (list) list.push(pod);
    else map.set(node, [pod]);
  }
  return map;
}

/** A node's labels, taints or readiness can change where daemon pods belong; heartbeats cannot. */
function nodeChangeMatters(event: WatchEvent): boolean {
  if (event.type !== 'MODIFIED' || !event.previous) return true;
  const now = event.object as Stored<Node>;
  const before = event.previous as Stored<Node>;
  const conditionStates = (n: Stored<Node>) => (n.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`).join(',');
  return !deepEqual(now.metadata.labels, before.metadata.labels) || !deepEqual(now.spec, before.spec) || conditionStates(now) !== conditionStates(before);
}
