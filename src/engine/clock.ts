/**
 * The virtual clock: integer milliseconds that move only when someone calls advance().
 *
 * Timers fire in (due time, creation order) order, so the same calls always produce the same
 * sequence, whatever the frame rate of the page that drives the clock. A callback may schedule
 * more timers; those due inside the current advance() window fire in the same call, at their
 * own due time (now() reads the timer's due time while it runs).
 */
export type TimerId = number;

interface Timer {
  readonly id: TimerId;
  readonly at: number;
  readonly seq: number;
  readonly label: string;
  readonly fn: () => void;
}

export class VirtualClock {
  private current: number;
  private seq = 0;
  private readonly heap: Timer[] = [];
  private readonly live = new Map<TimerId, Timer>();
  /** Runs after every fired timer: the world uses it to let controllers settle at that instant. */
  afterTimer: (() => void) | undefined;

  constructor(startMs = 0) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** Schedules fn after delayMs (clamped to >= 0) of virtual time. */
  schedule(delayMs: number, fn: () => void, label = 'timer'): TimerId {
    const delay = Number.isFinite(delayMs) && delayMs > 0 ? Math.floor(delayMs) : 0;
    const timer: Timer = { id: ++this.seq, at: this.current + delay, seq: this.seq, label, fn };
    this.live.set(timer.id, timer);
    this.push(timer);
    return timer.id;
  }

  cancel(id: TimerId | undefined): void {
    if (id !== undefined) this.live.delete(id);
  }

  /** True while the timer is scheduled: not yet fired, not cancelled. */
  isPending(id: TimerId): boolean {
    return this.live.has(id);
  }

  /** Due time of the next live timer, if any. */
  nextDue(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  pending(): number {
    return this.live.size;
  }

  /** Moves time forward by ms, firing every timer that falls due on the way. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance() takes a finite, non-negative duration, got ${ms}`);
    this.advanceTo(this.current + Math.floor(ms));
  }

  advanceTo(target: number): void {
    for (;;) {
      this.dropCancelled();
      const next = this.heap[0];
      if (next === undefined || next.at > target) break;
      this.pop();
      this.live.delete(next.id);
      if (next.at > this.current) this.current = next.at;
      next.fn();
      this.afterTimer?.();
    }
    if (target > this.current) this.current = target;
  }

  /** Fires only the timers already due at the current instant (delay 0 work). */
  runDue(): void {
    this.advanceTo(this.current);
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && !this.live.has(this.heap[0]!.id)) this.pop();
  }

  private static before(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(timer: Timer): void {
    const heap = this.heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!VirtualClock.before(heap[i]!, heap[parent]!)) break;
      // A plain swap: the destructuring one allocated an array per step (a heap operation per timer).
      const t = heap[i]!;
      heap[i] = heap[parent]!;
      heap[parent] = t;
      i = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < heap.length && VirtualClock.before(heap[l]!, heap[smallest]!)) smallest = l;
      if (r < heap.length && VirtualClock.before(heap[r]!, heap[smallest]!)) smallest = r;
      if (smallest === i) break;
      const t = heap[i]!;
      heap[i] = heap[smallest]!;
      heap[smallest] = t;
      i = smallest;
    }
  }
}
