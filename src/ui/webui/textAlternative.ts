/**
 * The chart's text alternative. The speed the page prints is jagged by nature (4, 4, 0, 4 for one
 * worker), so announcing it every second would be noise: screen readers hear the mean of the last
 * ten seconds, at most once every ten answers, and only when it moved by more than 10 %. The table
 * gives the last minute in six ten-second steps.
 */
import type { SpeedPoint } from '../../store';

/** Answers between two announcements, and the smoothing window (seconds). */
export const ANNOUNCE_EVERY = 10;
/** Relative change that is worth saying out loud. */
export const ANNOUNCE_CHANGE = 0.1;

export interface Announced {
  readonly value: number;
  /** The answer count when it was announced. */
  readonly at: number;
}

/** Mean speed over the last `seconds` of the graph. */
export function smoothedSpeed(points: readonly SpeedPoint[], seconds = ANNOUNCE_EVERY): number | undefined {
  const last = points.at(-1);
  if (last === undefined) return undefined;
  const recent = points.filter((p) => p.x > last.x - seconds);
  return recent.reduce((sum, p) => sum + p.y, 0) / recent.length;
}

/** What to announce now, if anything, given the last announcement and the answers received so far. */
export function nextAnnouncement(last: Announced | undefined, received: number, smoothed: number | undefined): Announced | undefined {
  if (smoothed === undefined || received < ANNOUNCE_EVERY) return undefined;
  if (last !== undefined) {
    if (received - last.at < ANNOUNCE_EVERY) return undefined;
    if (Math.abs(smoothed - last.value) <= Math.max(ANNOUNCE_CHANGE * last.value, 0.05)) return undefined;
  }
  return { value: smoothed, at: received };
}

export interface Bucket {
  /** Seconds before the latest sample where the bucket starts and ends: 60 → 50, …, 10 → 0. */
  readonly from: number;
  readonly to: number;
  /** Mean speed of the points in it, or undefined when none fell in it. */
  readonly mean: number | undefined;
}

/** The last `seconds` in steps of `step` seconds, oldest first. */
export function buckets(points: readonly SpeedPoint[], seconds = 60, step = 10): readonly Bucket[] {
  const last = points.at(-1);
  if (last === undefined) return [];
  const out: Bucket[] = [];
  for (let from = seconds; from > 0; from -= step) {
    const to = from - step;
    const inside = points.filter((p) => p.x > last.x - from && p.x <= last.x - to);
    out.push({ from, to, mean: inside.length === 0 ? undefined : inside.reduce((s, p) => s + p.y, 0) / inside.length });
  }
  return out;
}
