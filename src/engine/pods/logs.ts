/**
 * Container logs as the kubelet keeps them for `kubectl logs`: one log per container instance
 * (containerd's /var/log/pods/<ns>_<pod>_<uid>/<container>/<restart>.log), the current one and the
 * one before it (`--previous`); older instances are forgotten, as the kubelet's log GC does.
 *
 * Each log is a ring of the most recent lines (the kubelet rotates at 10 MiB; a page that runs a
 * pod for an afternoon cannot keep that much), grown on demand so an idle container costs little.
 * Lines carry their wall-clock time; `--timestamps` prints them in RFC 3339 with nanoseconds, as
 * the CRI log format stores them.
 */
import type { Unsubscribe } from '../emitter';
import type { LogEntry } from '../containers/types';

/** Lines kept per container instance (docker's ring keeps as many). */
export const POD_LOG_CAPACITY = 2000;

export type PodLogEntry = LogEntry;

export interface LogFollower {
  line(entry: PodLogEntry): void;
  /** The instance's process exited: `kubectl logs -f` returns. */
  end(): void;
}

/** The log of one container instance. */
export class InstanceLog {
  private buf: PodLogEntry[] = [];
  private start = 0;
  private nextSeq = 1;
  private readonly followers = new Set<LogFollower>();
  private finished = false;

  constructor(
    /** The container id it belongs to (64 hex). */
    readonly containerId: string,
    readonly restartCount: number,
    private readonly capacity = POD_LOG_CAPACITY,
  ) {}

  /** The process has exited; no more lines will come. */
  get ended(): boolean {
    return this.finished;
  }

  get size(): number {
    return this.buf.length;
  }

  push(time: number, stream: PodLogEntry['stream'], line: string): void {
    if (this.finished) return;
    const entry: PodLogEntry = { seq: this.nextSeq++, time, stream, line };
    if (this.buf.length < this.capacity) this.buf.push(entry);
    else {
      this.buf[this.start] = entry;
      this.start = (this.start + 1) % this.capacity;
    }
    // A copy, as a follower may unsubscribe while called; most logs have none (no copy per line).
    if (this.followers.size > 0) for (const f of [...this.followers]) f.line(entry);
  }

  end(): void {
    if (this.finished) return;
    this.finished = true;
    for (const f of [...this.followers]) f.end();
    this.followers.clear();
  }

  /** Lines oldest first: the last `tail` of them, only those at or after `sinceWallMs`. */
  entries(opts: { readonly tail?: number; readonly sinceWallMs?: number } = {}): PodLogEntry[] {
    const n = this.buf.length;
    let out: PodLogEntry[] = [];
    for (let i = 0; i < n; i++) out.push(this.buf[(this.start + i) % n]!);
    if (opts.sinceWallMs !== undefined) out = out.filter((e) => e.time >= opts.sinceWallMs!);
    if (opts.tail !== undefined && opts.tail >= 0) out = out.slice(Math.max(0, out.length - opts.tail));
    return out;
  }

  /** Lines written from now on; `end` fires at once when the instance already exited. */
  follow(follower: LogFollower): Unsubscribe {
    if (this.finished) {
      follower.end();
      return () => undefined;
    }
    this.followers.add(follower);
    return () => {
      this.followers.delete(follower);
    };
  }
}

/**
 * A log line's time as the CRI log and `kubectl logs --timestamps` print it: RFC 3339 with Go's
 * RFC3339Nano (trailing zeros of the fraction dropped). Our clock counts milliseconds; the
 * sub-millisecond digits are derived from the line's sequence number, so they are stable.
 */
export function rfc3339Nano(entry: Pick<PodLogEntry, 'time' | 'seq'>): string {
  const iso = new Date(Math.floor(entry.time)).toISOString();
  const ms = String(Math.floor(entry.time) % 1000).padStart(3, '0');
  const sub = String((Math.imul(entry.seq, 2654435761) >>> 0) % 1_000_000).padStart(6, '0');
  const fraction = `${ms}${sub}`.replace(/0+$/, '');
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}
