/** How ls lays out what it lists: the long format's aligned columns, and the terminal's many-per-line grid. */
import type { Stat } from '../../../../engine';
import { strftime } from '../time';
import { humanSize, modeString } from './files';

export interface Entry {
  /** As shown: the name in its directory, or the operand as typed. */
  readonly name: string;
  readonly path: string;
  readonly stat: Stat;
  readonly links: number;
  readonly owner: string;
  readonly group: string;
}

const SIX_MONTHS_MS = 15_778_476_000;

/** `Jun  1 09:00` for recent files, `Jun  1  2022` for old ones (or ones from the future), as GNU ls. */
export function lsDate(mtimeMs: number, nowMs: number): string {
  const recent = mtimeMs <= nowMs + 60_000 && nowMs - mtimeMs < SIX_MONTHS_MS;
  return recent ? strftime('%b %e %H:%M', mtimeMs) : strftime('%b %e  %Y', mtimeMs);
}

export function classify(e: Pick<Entry, 'stat'>): string {
  if (e.stat.kind === 'dir') return '/';
  if (e.stat.kind === 'symlink') return '@';
  return (e.stat.mode & 0o111) !== 0 ? '*' : '';
}

export function longRows(entries: readonly Entry[], opts: { human: boolean; now: number; classify: boolean }): string[] {
  const cells = entries.map((e) => ({
    mode: modeString(e.stat),
    links: String(e.links),
    owner: e.owner,
    group: e.group,
    size: opts.human ? humanSize(e.stat.size) : String(e.stat.size),
    date: lsDate(e.stat.mtimeMs, opts.now),
    name: e.name + (e.stat.kind === 'symlink' ? ` -> ${e.stat.target ?? ''}` : opts.classify ? classify(e) : ''),
  }));
  const w = {
    links: Math.max(0, ...cells.map((c) => c.links.length)),
    owner: Math.max(0, ...cells.map((c) => c.owner.length)),
    group: Math.max(0, ...cells.map((c) => c.group.length)),
    size: Math.max(0, ...cells.map((c) => c.size.length)),
  };
  return cells.map((c) => `${c.mode} ${c.links.padStart(w.links)} ${c.owner.padEnd(w.owner)} ${c.group.padEnd(w.group)} ${c.size.padStart(w.size)} ${c.date} ${c.name}`);
}

/** GNU ls -C: as many columns as fit, filled top to bottom, two spaces between columns. */
export function columns(names: readonly string[], width: number): string[] {
  if (names.length === 0) return [];
  const lengths = names.map((n) => [...n].length);
  let best = { cols: 1, rows: names.length, widths: [Math.max(...lengths)] };
  for (let cols = 2; cols <= names.length; cols++) {
    const rows = Math.ceil(names.length / cols);
    const used = Math.ceil(names.length / rows);
    if (used < cols) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) widths.push(Math.max(0, ...lengths.slice(c * rows, (c + 1) * rows)));
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (cols - 1);
    if (total < width) best = { cols, rows, widths };
  }
  const lines: string[] = [];
  for (let r = 0; r < best.rows; r++) {
    let line = '';
    for (let c = 0; c < best.cols; c++) {
      const i = c * best.rows + r;
      const name = names[i];
      if (name === undefined) continue;
      const isLast = c === best.cols - 1 || (c + 1) * best.rows + r >= names.length;
      line += isLast ? name : name + ' '.repeat(best.widths[c]! - lengths[i]! + 2);
    }
    lines.push(line);
  }
  return lines;
}
