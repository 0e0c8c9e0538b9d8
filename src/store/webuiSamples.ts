/**
 * What DockerCoins' web page (webui/files/index.html) does with the `/json` answers it polls once a
 * second, as plain functions: parse an answer, keep a rolling series of 250 samples (the first one
 * back-filled 249 times, one second apart, so the graph starts as a flat zero line), and turn each
 * pair of consecutive samples into an instantaneous speed. Being faithful here is the point: one
 * worker adds 4 to the counter every ~1.2 s while the page samples every second, so the speed it
 * shows reads 4, 4, 4, 4, 0, 4… around a true rate of 3.33/s.
 */

/** One `/json` answer: `{"coins": <HLEN wallet>, "hashes": "<GET hashes>", "now": <server epoch seconds>}`. */
export interface WebuiSample {
  readonly coins: number;
  /** Redis GET returns a string (or null when the key is missing); the page's arithmetic coerces it. */
  readonly hashes: number;
  /** The server's clock in seconds (a float), which is what the page divides by. */
  readonly now: number;
}

/** The page keeps this many samples, about four minutes of history. */
export const SERIES_LENGTH = 250;

export type ParsedAnswer =
  | { readonly ok: true; readonly sample: WebuiSample }
  | { readonly ok: false; readonly reason: 'not-json' | 'not-a-sample' };

/**
 * Reads a `/json` body the way the page's arithmetic sees it: `hashes` may be a string or null (JS
 * coerces "12" - "8" to 4 and null to 0), `now` must be a number. Anything else is not the web UI.
 */
export function parseAnswer(body: string): ParsedAnswer {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not-a-sample' };
  const record = value as Record<string, unknown>;
  const now = record.now;
  const hashes = coerce(record.hashes);
  const coins = coerce(record.coins);
  if (typeof now !== 'number' || !Number.isFinite(now) || hashes === undefined || coins === undefined) return { ok: false, reason: 'not-a-sample' };
  return { ok: true, sample: { coins, hashes, now } };
}

function coerce(value: unknown): number | undefined {
  if (value === null) return 0;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const n = value.trim() === '' ? 0 : Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * The series after one more answer. The first answer is back-filled with copies stepping back one
 * second each, up to SERIES_LENGTH; then the oldest sample drops off as each new one arrives.
 */
export function pushSample(series: readonly WebuiSample[], sample: WebuiSample): readonly WebuiSample[] {
  const next = [...series, sample];
  if (series.length === 0) {
    for (let back = 1; next.length < SERIES_LENGTH; back++) next.unshift({ ...sample, now: sample.now - back });
  }
  return next.length > SERIES_LENGTH ? next.slice(next.length - SERIES_LENGTH) : next;
}

/** A point of the graph: x is the later sample's server time (s), y the speed (hashes/second). */
export interface SpeedPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * Instantaneous speed between each pair of consecutive samples, (hashes₂ − hashes₁) / (now₂ − now₁).
 * Two answers stamped with the same instant (requests that queued up behind a stalled Redis and
 * were answered together) would divide by zero, which the real page prints as "~NaN"; they count
 * as no progress here instead.
 */
export function speedPoints(series: readonly WebuiSample[]): readonly SpeedPoint[] {
  const points: SpeedPoint[] = [];
  for (let i = 1; i < series.length; i++) {
    const before = series[i - 1]!;
    const after = series[i]!;
    const dt = after.now - before.now;
    points.push({ x: after.now, y: dt > 0 ? (after.hashes - before.hashes) / dt : 0 });
  }
  return points;
}

/** The speed the page prints: the last pair's, or undefined before the first answer. */
export function currentSpeed(points: readonly SpeedPoint[]): number | undefined {
  return points.at(-1)?.y;
}

/** "~3.3": the page prints one decimal after a tilde. */
export function formatSpeed(speed: number): string {
  return `~${speed.toFixed(1)}`;
}

export interface SpeedSummary {
  /** How many speed points fell in the window. */
  readonly count: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

/** Mean, min and max speed over the last `seconds` of the graph (the text alternative to the chart). */
export function summarize(points: readonly SpeedPoint[], seconds: number): SpeedSummary | undefined {
  const last = points.at(-1);
  if (last === undefined) return undefined;
  const recent = points.filter((p) => p.x > last.x - seconds);
  const ys = recent.map((p) => p.y);
  return { count: ys.length, mean: ys.reduce((a, b) => a + b, 0) / ys.length, min: Math.min(...ys), max: Math.max(...ys) };
}
