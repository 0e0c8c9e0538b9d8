/**
 * The timestamps each program's log lines carry, from the world's wall clock (UTC, as containers
 * run). Formatting a date per line would dominate the model's cost, so each format keeps the text
 * of the current second.
 */
import { MONTHS } from '../net/http';

const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function cachedBySecond(format: (d: Date) => string): (wallMs: number) => string {
  let second = -1;
  let text = '';
  return (wallMs) => {
    const s = Math.floor(wallMs / 1000);
    if (s !== second) {
      second = s;
      text = format(new Date(s * 1000));
    }
    return text;
  };
}

const dmy = (d: Date, sep: string): string => `${p2(d.getUTCDate())}${sep}${MONTHS[d.getUTCMonth()]}${sep}${d.getUTCFullYear()}`;
const hms = (d: Date): string => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;

/** Werkzeug's access log: "01/Jun/2023 09:00:05". */
export const werkzeugTime = cachedBySecond((d) => `${dmy(d, '/')} ${hms(d)}`);

/** Rack::CommonLogger: "01/Jun/2023:09:00:05 +0000". */
export const rackTime = cachedBySecond((d) => `${dmy(d, '/')}:${hms(d)} +0000`);

/** Thin 1.8's log prefix: "2023-06-01 09:00:05 +0000". */
export const thinTime = cachedBySecond((d) => `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${hms(d)} +0000`);

const redisSecond = cachedBySecond((d) => `${dmy(d, ' ')} ${hms(d)}`);

/** Redis' log: "01 Jun 2023 09:00:05.123". */
export function redisTime(wallMs: number): string {
  const ms = Math.floor(wallMs) % 1000;
  return `${redisSecond(wallMs)}.${ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : ms}`;
}
