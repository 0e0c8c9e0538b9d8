/**
 * Runs level-triggered controllers the way sample-controller does: watch handlers only enqueue
 * keys; reconcile(key) re-reads the store, is idempotent, and returns quietly when the object is
 * gone. The queues drain at the virtual instant the change happened, in turns: each controller in
 * registration order handles the keys it had when its turn began (as an informer hands a worker a
 * batch of changes), so the same writes always produce the same reactions, and a burst of changes
 * to one owner (a thousand pods) costs it one reconcile, not a thousand.
 */
import type { TimerId, VirtualClock } from '../clock';
import type { ApiStore } from '../api/store';
import type { WatchEvent } from '../api/types';
import type { Unsubscribe } from '../emitter';

export interface ReconcileResult {
  /** Look at this key again after so many virtual milliseconds (a timed stage, a back-off...). */
  readonly requeueAfter?: number;
}

export interface Controller {
  /** The actor its writes carry: "scheduler", "controller:replicaset", "kubelet:node2". */
  readonly name: string;
  /** Keys a change concerns (an object's own key, its owner's, ...). */
  keysFor(event: WatchEvent): readonly string[];
  /** Every key worth a look when the controller (re)starts: its informer's initial list. */
  resync(): readonly string[];
  reconcile(key: string): ReconcileResult | void;
  /** False while the process that runs it is down (say, kube-scheduler's pod is not running). */
  enabled?(): boolean;
}

interface Entry {
  readonly controller: Controller;
  /**
   * controller.enabled, bound once. drain() asks every controller after every timer (a hundred
   * thousand times an hour with DockerCoins running); through `entry.controller.enabled?.()` each
   * ask was a megamorphic lookup over a dozen controller classes.
   */
  readonly enabled: () => boolean;
  readonly queue: string[];
  readonly queued: Set<string>;
  wasEnabled: boolean;
  /** Key → the virtual instant it asked to be looked at again. */
  readonly due: Map<string, number>;
}

/** Every requeue due at one instant shares one clock timer, so they are handled in one drain. */
interface DueBucket {
  readonly timer: TimerId;
  readonly items: Set<readonly [Entry, string]>;
}

const alwaysEnabled = (): boolean => true;

/** A safety net against two controllers fighting forever; a bug, never a normal state. */
const MAX_STEPS_PER_DRAIN = 200_000;

export class ControllerManager {
  private readonly entries: Entry[] = [];
  private readonly buckets = new Map<number, DueBucket>();
  private readonly unwatch: Unsubscribe;
  private draining = false;

  constructor(
    store: ApiStore,
    private readonly clock: VirtualClock,
  ) {
    this.unwatch = store.watch((event) => {
      for (const entry of this.entries) {
        for (const key of entry.controller.keysFor(event)) this.push(entry, key);
      }
    });
  }

  /**
   * Registers a controller. `enabledBy`, when given, must answer exactly as controller.enabled()
   * does, through a function other controllers share (kube-controller-manager's switch): drain()
   * asks it once for a run of adjacent controllers that share it, not once per controller.
   */
  add(controller: Controller, enabledBy?: () => boolean): void {
    const enabled = enabledBy ?? (controller.enabled ? controller.enabled.bind(controller) : alwaysEnabled);
    const entry: Entry = { controller, enabled, queue: [], queued: new Set(), wasEnabled: false, due: new Map() };
    this.entries.push(entry);
  }

  remove(name: string): void {
    const i = this.entries.findIndex((e) => e.controller.name === name);
    if (i < 0) return;
    // Its pending requeues find no entry when they fire (see requeueAfter).
    this.entries[i]!.due.clear();
    this.entries.splice(i, 1);
  }

  has(name: string): boolean {
    return this.entries.some((e) => e.controller.name === name);
  }

  enqueue(name: string, key: string): void {
    const entry = this.entries.find((e) => e.controller.name === name);
    if (entry) this.push(entry, key);
  }

  /** Reconciles until every queue is empty. Re-entrant calls are folded into the running drain. */
  drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      let steps = 0;
      for (let progressed = true; progressed;) {
        progressed = false;
        // The last switch asked and its answer: adjacent controllers sharing a switch get that
        // answer while no reconcile ran in between (enabled() only reads; resync() only lists).
        let askedFn: (() => boolean) | undefined;
        let asked = false;
        for (const entry of this.entries) {
          if (entry.enabled !== askedFn) asked = (askedFn = entry.enabled)();
          const enabled = asked;
          if (enabled && !entry.wasEnabled) for (const key of entry.controller.resync()) this.push(entry, key);
          entry.wasEnabled = enabled;
          if (!enabled || entry.queue.length === 0) continue;
          // A turn handles every key queued when it starts. Keys stay marked as queued until
          // handled, so a change to one still waiting in this turn does not queue it twice;
          // changes to keys already handled wait for the next turn.
          const batch = entry.queue.splice(0, entry.queue.length);
          progressed = true;
          askedFn = undefined;
          for (const key of batch) {
            entry.queued.delete(key);
            if (++steps > MAX_STEPS_PER_DRAIN) throw new Error(`controllers did not settle after ${MAX_STEPS_PER_DRAIN} steps (last: ${entry.controller.name} ${key})`);
            const result = entry.controller.reconcile(key);
            if (result?.requeueAfter !== undefined) this.requeueAfter(entry, key, result.requeueAfter);
          }
        }
      }
    } finally {
      this.draining = false;
    }
  }

  dispose(): void {
    this.unwatch();
    for (const bucket of this.buckets.values()) this.clock.cancel(bucket.timer);
    this.buckets.clear();
    this.entries.length = 0;
  }

  private push(entry: Entry, key: string): void {
    if (entry.queued.has(key)) return;
    entry.queued.add(key);
    entry.queue.push(key);
  }

  /**
   * One pending requeue per key: every reconcile recomputes when it next needs a look, so the
   * latest request wins. Requeues due at the same instant share a timer (a thousand pods turning
   * available together cost one drain, not a thousand).
   */
  private requeueAfter(entry: Entry, key: string, ms: number): void {
    const at = this.clock.now() + Math.max(0, Math.floor(ms));
    const previous = entry.due.get(key);
    if (previous === at) return;
    entry.due.set(key, at);
    let bucket = this.buckets.get(at);
    if (!bucket) {
      const timer = this.clock.schedule(at - this.clock.now(), () => this.fire(at), `requeue @${at}`);
      bucket = { timer, items: new Set() };
      this.buckets.set(at, bucket);
    }
    bucket.items.add([entry, key]);
  }

  private fire(at: number): void {
    const bucket = this.buckets.get(at);
    this.buckets.delete(at);
    if (!bucket) return;
    for (const [entry, key] of bucket.items) {
      // Skipped when a later request moved the key, or its controller was removed.
      if (entry.due.get(key) !== at) continue;
      entry.due.delete(key);
      this.push(entry, key);
    }
  }
}
