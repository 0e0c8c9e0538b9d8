/**
 * A container's log: the lines its process wrote, with their times. Docker's json-file driver keeps
 * everything; a page that runs DockerCoins for an afternoon cannot, so this is a ring that keeps the
 * most recent lines (what `logs --tail`, compose's attach and the UI look at) and forgets the rest.
 */
import type { LogEntry } from './types';

/** Lines kept per container: hours of a worker's output, minutes of a busy rng's access log. */
export const LOG_CAPACITY = 2000;

export class LogRing {
  private readonly buf: (LogEntry | undefined)[];
  private start = 0;
  private count = 0;
  private nextSeq = 1;

  constructor(private readonly capacity = LOG_CAPACITY) {
    this.buf = new Array<LogEntry | undefined>(capacity);
  }

  push(time: number, stream: LogEntry['stream'], line: string): LogEntry {
    const entry: LogEntry = { seq: this.nextSeq++, time, stream, line };
    if (this.count < this.capacity) {
      this.buf[(this.start + this.count) % this.capacity] = entry;
      this.count++;
    } else {
      this.buf[this.start] = entry;
      this.start = (this.start + 1) % this.capacity;
    }
    return entry;
  }

  get size(): number {
    return this.count;
  }

  /** The last `n` entries (all when n is undefined), oldest first. */
  tail(n?: number): LogEntry[] {
    const take = n === undefined ? this.count : Math.max(0, Math.min(n, this.count));
    const out: LogEntry[] = [];
    for (let i = this.count - take; i < this.count; i++) out.push(this.buf[(this.start + i) % this.capacity]!);
    return out;
  }

  /** Entries written after sequence number `seq`. */
  after(seq: number): LogEntry[] {
    return this.tail().filter((e) => e.seq > seq);
  }

  /** The sequence number the next line will get. */
  get next(): number {
    return this.nextSeq;
  }
}
