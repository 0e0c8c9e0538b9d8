/**
 * Runs level-triggered controllers the way sample-controller does: watch handlers only enqueue
 * keys; reconcile(key) re-reads the store, is idempotent, and returns quietly when the object is
 * gone. The queue drains at the virtual instant the change happened, in registration order, so
 * the same writes always produce the same reactions.
 */
import type { VirtualClock } from '../clock';
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
  readonly queue: string[];
  readonly queued: Set<string>;
  wasEnabled: boolean;
  readonly timers: Map<string, number>;
}

/** A safety net against two controllers fighting forever; a bug, never a normal state. */
const MAX_STEPS_PER_DRAIN = 200_000;

export class ControllerManager {
  private readonly entries: Entry[] = [];
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

  add(controller: Controller): void {
    const entry: Entry = { controller, queue: [], queued: new Set(), wasEnabled: false, timers: new Map() };
    this.entries.push(entry);
  }

  remove(name: string): void {
    const i = this.entries.findIndex((e) => e.controller.name === name);
    if (i < 0) return;
    for (const timer of this.entries[i]!.timers.values()) this.clock.cancel(timer);
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
        for (const entry of this.entries) {
          const enabled = entry.controller.enabled?.() ?? true;
          if (enabled && !entry.wasEnabled) for (const key of entry.controller.resync()) this.push(entry, key);
          entry.wasEnabled = enabled;
          if (!enabled) continue;
          const key = entry.queue.shift();
          if (key === undefined) continue;
          entry.queued.delete(key);
          progressed = true;
          if (++steps > MAX_STEPS_PER_DRAIN) throw new Error(`controllers did not settle after ${MAX_STEPS_PER_DRAIN} steps (last: ${entry.controller.name} ${key})`);
          const result = entry.controller.reconcile(key);
          if (result?.requeueAfter !== undefined) this.requeueAfter(entry, key, result.requeueAfter);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  dispose(): void {
    this.unwatch();
    for (const entry of this.entries) for (const timer of entry.timers.values()) this.clock.cancel(timer);
    this.entries.length = 0;
  }

  private push(entry: Entry, key: string): void {
    if (entry.queued.has(key)) return;
    entry.queued.add(key);
    entry.queue.push(key);
  }

  /** One pending timer per key: every reconcile recomputes when it next needs a look, so the latest request wins. */
  private requeueAfter(entry: Entry, key: string, ms: number): void {
    const at = this.clock.now() + Math.max(0, ms);
    const existing = entry.timers.get(key);
    if (existing !== undefined) this.clock.cancel(existing);
    const id = this.clock.schedule(at - this.clock.now(), () => {
      entry.timers.delete(key);
      this.push(entry, key);
    }, `requeue ${entry.controller.name} ${key}`);
    entry.timers.set(key, id);
  }
}
