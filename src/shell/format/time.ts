/**
 * Wall-clock formats the Kubernetes tools print: Go's time.RFC1123Z (describe's "Start Time",
 * "CreationTimestamp", condition times) and klog's header ("E0601 09:00:05.123456    1234 file:line] ").
 * Machines on Play with Kubernetes run in UTC, so the zone is always +0000.
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "Thu, 01 Jun 2023 09:00:05 +0000" from epoch milliseconds. */
export function rfc1123z(epochMs: number): string {
  const d = new Date(epochMs);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** RFC1123Z of an API timestamp; Go prints the zero time for a missing one. */
export function rfc1123zOf(timestamp: string | undefined | null): string {
  const t = timestamp ? Date.parse(timestamp) : NaN;
  return Number.isNaN(t) ? 'Mon, 01 Jan 0001 00:00:00 +0000' : rfc1123z(t);
}

export type KlogSeverity = 'I' | 'W' | 'E' | 'F';

/**
 * A klog line: severity, MMDD, time with microseconds, the pid right-aligned in 7 columns,
 * file:line, then the message.
 */
export function klogLine(severity: KlogSeverity, epochMicros: number, pid: number, source: string, message: string): string {
  const ms = Math.floor(epochMicros / 1000);
  const micros = epochMicros % 1_000_000;
  const d = new Date(ms);
  const stamp = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(micros, 6)}`;
  return `${severity}${stamp} ${String(pid).padStart(7, ' ')} ${source}] ${message}`;
}
