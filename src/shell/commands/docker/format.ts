/**
 * How the docker CLI (20.10) words times, sizes, ports, statuses and commands, and lays out its
 * tables (Go's tabwriter with a minimum cell width of 10 and 3 spaces of padding).
 */
import type { ContainerInfo, HealthStatus, PortBinding } from '../../../engine';
import { tabwrite } from '../../format/tabwriter';

/** go-units HumanDuration: "Less than a second", "5 seconds", "About a minute", "3 hours", "2 weeks". */
export function goHumanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

export function ago(thenMs: number, nowMs: number): string {
  return `${goHumanDuration(nowMs - thenMs)} ago`;
}

/** go-units HumanSizeWithPrecision: decimal units, `precision` significant digits ("57.4MB", "130MB"). */
export function humanSize(bytes: number, precision = 3): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < units.length - 1) {
    size /= 1000;
    i++;
  }
  return `${formatG(size, precision)}${units[i]}`;
}

/** Go's %.Ng: N significant digits, trailing zeros dropped. */
function formatG(value: number, digits: number): string {
  if (value === 0) return '0';
  return String(Number(value.toPrecision(digits)));
}

/** "0.0.0.0:8001->80/tcp, 6379/tcp": published ports, then exposed ones that are not. */
export function portsText(c: ContainerInfo): string {
  if (c.state !== 'running') return '';
  const published = [...c.ports].sort((a, b) => a.containerPort - b.containerPort).map(portText);
  const bound = new Set(c.ports.map((p) => `${p.containerPort}/${p.protocol}`));
  const exposed = c.exposed.filter((e) => !bound.has(e));
  return [...published, ...exposed].join(', ');
}

export function portText(p: PortBinding): string {
  return `${p.hostIp || '0.0.0.0'}:${p.hostPort}->${p.containerPort}/${p.protocol}`;
}

/** `docker ps`'s STATUS column. */
export function statusText(c: ContainerInfo, nowMs: number, health: HealthStatus | undefined): string {
  switch (c.state) {
    case 'created':
      return 'Created';
    case 'running': {
      const suffix = health === undefined ? '' : health === 'starting' ? ' (health: starting)' : ` (${health})`;
      return `Up ${goHumanDuration(nowMs - c.startedAt)}${suffix}`;
    }
    case 'restarting':
      return `Restarting (${c.exitCode}) ${ago(c.finishedAt, nowMs)}`;
    case 'exited':
      return `Exited (${c.exitCode}) ${ago(c.finishedAt, nowMs)}`;
  }
}

/** The command as the daemon joins it: arguments with spaces in single quotes. */
export function commandLine(command: readonly string[]): string {
  return command.map((a, i) => (i > 0 && /\s/.test(a) ? `'${a}'` : a)).join(' ');
}

/** The CLI's Ellipsis: at most `width` characters, the last one "…" when cut. */
export function ellipsis(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

/** A docker table: cells joined by tabs, laid out as the CLI's tabwriter does. */
export function dockerTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return tabwrite(`${rows.map((r) => r.join('\t')).join('\n')}\n`, { minWidth: 10, padding: 3 });
}

/** RFC 3339 with nanoseconds, as `docker logs -t` and inspect print times. */
export function rfc3339Nano(epochMs: number): string {
  if (epochMs <= 0) return '0001-01-01T00:00:00Z';
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 23)}000000Z`;
}
