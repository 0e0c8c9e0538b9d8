/**
 * kube-scheduler (default-scheduler): binds pending pods to nodes. Filters as v1.27 runs them
 * (schedulerFilters.ts); among the nodes that fit, prefers the one with the fewest untolerated
 * PreferNoSchedule taints, then the fewest pods of the same controller (spreading a Deployment),
 * then the fewest pods, then the name: deterministic where the real one breaks ties at random.
 *
 * A pod that fits nowhere gets PodScheduled=False/Unschedulable and a FailedScheduling event, and
 * is tried again when something that could help happens (a node appears or changes, a bound pod
 * goes away) and every 5 minutes, as the scheduler flushes its unschedulable queue.
 */
import type { Node, Pod, Stored, WatchEvent } from '../api/types';
import { controllerOf } from '../api/types';
import { deepEqual } from '../util/json';
import type { ReconcileResult } from './manager';
import { KEY, R } from './context';
import { nsKey, splitKey } from './keys';
import { isPodTerminal, setPodCondition } from './podUtil';
import { filterNode, fitErrorMessage, NO_NODES_MESSAGE, podNeeds, preferNoScheduleCount, type FilterFailure } from './schedulerFilters';
import { ControlLoop } from './controlLoop';

export const SCHEDULER_NAME = 'default-scheduler';
/** podMaxInUnschedulablePodsDuration: unschedulable pods are retried at least this often. */
export const UNSCHEDULABLE_RETRY_MS = 5 * 60 * 1000;
/** podInitialBackoffSeconds / podMaxBackoffSeconds: a pod that failed waits 1 s, 2 s, 4 s... up to 10 s before another try. */
export const BACKOFF_MS = { initial: 1000, max: 10_000 } as const;

const SOURCE = { component: SCHEDULER_NAME } as const;

export class Scheduler extends ControlLoop {
  readonly name = 'scheduler';
  /** Pods that failed to schedule: how often, and not to be tried again before. */
  private readonly backoff = new Map<string, { attempts: number; until: number; woken: boolean }>();

  keysFor(event: WatchEvent): readonly string[] {
    if (event.resource === KEY.nodes) return nodeChangeMayHelp(event) ? this.pendingKeys() : [];
    if (event.resource !== KEY.pods) return [];
    const pod = event.object as Stored<Pod>;
    const previous = event.previous as Stored<Pod> | undefined;
    if (pod.spec?.nodeName) {
      // A bound pod that goes away or finishes frees a slot (and its host ports).
      const freed = event.type === 'DELETED' || (previous !== undefined && !isPodTerminal(previous) && isPodTerminal(pod));
      return freed ? this.pendingKeys() : [];
    }
    const key = nsKey(pod.metadata.namespace, pod.metadata.name);
    if (event.type === 'DELETED') {
      this.backoff.delete(key);
      return [];
    }
    if (event.type === 'ADDED' || !previous) return [key];
    if (event.actor === this.name) return [];
    // Someone changed what the pod asks for (tolerations, nodeSelector...): try again now.
    return deepEqual(pod.spec, previous.spec) ? [] : [key];
  }

  resync(): readonly string[] {
    return this.pendingKeys();
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const pod = this.ctx.store.get<Pod>(R.pods, namespace, name);
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp || isPodTerminal(pod)) {
      this.backoff.delete(key);
      return;
    }
    if ((pod.spec?.schedulerName ?? SCHEDULER_NAME) !== SCHEDULER_NAME) return;
    const now = this.ctx.store.wallNow();
    const waiting = this.backoff.get(key);
    if (waiting && now < waiting.until) return { requeueAfter: waiting.until - now };
    const nodes = this.ctx.store.list<Node>(R.nodes);
    const feasible: Stored<Node>[] = [];
    const failures: FilterFailure[] = [];
    const needs = podNeeds(pod);
    for (const node of nodes) {
      const failure = filterNode(needs, node, this.ctx.index);
      if (failure) failures.push(failure);
      else feasible.push(node);
    }
    const best = this.pickNode(pod, feasible);
    if (!best) {
      this.markUnschedulable(pod, nodes.length === 0 ? NO_NODES_MESSAGE : fitErrorMessage(nodes.length, failures));
      const attempts = (waiting?.attempts ?? 0) + 1;
      this.backoff.set(key, { attempts, until: now + Math.min(BACKOFF_MS.initial * 2 ** (attempts - 1), BACKOFF_MS.max), woken: false });
      return { requeueAfter: UNSCHEDULABLE_RETRY_MS };
    }
    this.backoff.delete(key);
    this.bind(pod, best.metadata.name);
  }

  private pickNode(pod: Stored<Pod>, feasible: readonly Stored<Node>[]): Stored<Node> | undefined {
    const owner = controllerOf(pod)?.uid;
    const index = this.ctx.index;
    const score = (node: Stored<Node>) => [
      preferNoScheduleCount(pod, node),
      owner === undefined ? 0 : index.podsOfOwnerOnNode(node.metadata.name, owner),
      index.activePodCount(node.metadata.name),
    ];
    let best: Stored<Node> | undefined;
    let bestScore: number[] = [];
    for (const node of feasible) {
      const s = score(node);
      // Nodes come sorted by name, so a strict comparison keeps the first name on ties.
      if (!best || lexicographicLess(s, bestScore)) {
        best = node;
        bestScore = s;
      }
    }
    return best;
  }

  private bind(pod: Stored<Pod>, nodeName: string): void {
    const { store, recorder } = this.ctx;
    const now = store.timestamp();
    const result = store.mutate<Pod>(R.pods, pod.metadata.namespace, pod.metadata.name, this.name, (draft) => {
      draft.spec = { ...draft.spec!, nodeName };
      const status = (draft.status ??= {});
      setPodCondition(status as { conditions?: unknown[] }, { type: 'PodScheduled', status: 'True' }, now);
    });
    if (!result.ok) return;
    recorder.record(result.value, 'Normal', 'Scheduled',
      `Successfully assigned ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name} to ${nodeName}`, SOURCE);
  }

  private markUnschedulable(pod: Stored<Pod>, message: string): void {
    const { store, recorder } = this.ctx;
    const now = store.timestamp();
    const result = store.mutate<Pod>(R.pods, pod.metadata.namespace, pod.metadata.name, this.name, (draft) => {
      const status = (draft.status ??= {});
      setPodCondition(status as { conditions?: unknown[] }, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }, now);
    });
    recorder.record(result.ok ? result.value : pod, 'Warning', 'FailedScheduling', message, SOURCE);
  }

  /**
   * Pending pods worth another try. A pod still backing off is queued once (its reconcile then
   * waits for the end of the backoff, as the scheduling queue's backoffQ does); later events
   * leave it alone.
   */
  private pendingKeys(): string[] {
    const now = this.ctx.store.wallNow();
    const out: string[] = [];
    for (const p of this.ctx.index.unscheduledPods()) {
      if (p.metadata.deletionTimestamp) continue;
      const key = nsKey(p.metadata.namespace, p.metadata.name);
      const waiting = this.backoff.get(key);
      if (waiting && waiting.until > now) {
        if (waiting.woken) continue;
        waiting.woken = true;
      }
      out.push(key);
    }
    return out;
  }
}

/** Node changes that can turn a "no" into a "yes": a new node, taints, labels, capacity, cordoning. */
function nodeChangeMayHelp(event: WatchEvent): boolean {
  if (event.type === 'ADDED') return true;
  if (event.type === 'DELETED' || !event.previous) return false;
  const now = event.object as Stored<Node>;
  const before = event.previous as Stored<Node>;
  return !deepEqual(now.spec, before.spec)
    || !deepEqual(now.metadata.labels, before.metadata.labels)
    || !deepEqual(now.status?.allocatable, before.status?.allocatable);
}

function lexicographicLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! < b[i]!;
  }
  return false;
}
