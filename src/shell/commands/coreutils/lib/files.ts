/** File metadata as ls and stat show it: mode strings, owners, sizes. */
import type { Stat, VirtualFs } from '../../../../engine';

export function modeString(st: Pick<Stat, 'kind' | 'mode'>): string {
  const type = st.kind === 'dir' ? 'd' : st.kind === 'symlink' ? 'l' : '-';
  const m = st.mode;
  const bit = (mask: number, c: string): string => (m & mask ? c : '-');
  let s = type + bit(0o400, 'r') + bit(0o200, 'w') + bit(0o100, 'x') + bit(0o40, 'r') + bit(0o20, 'w') + bit(0o10, 'x') + bit(0o4, 'r') + bit(0o2, 'w') + bit(0o1, 'x');
  if (m & 0o4000) s = s.slice(0, 3) + (m & 0o100 ? 's' : 'S') + s.slice(4);
  if (m & 0o2000) s = s.slice(0, 6) + (m & 0o10 ? 's' : 'S') + s.slice(7);
  if (m & 0o1000) s = s.slice(0, 9) + (m & 0o1 ? 't' : 'T');
  return s;
}

function table(fs: VirtualFs, file: string): Map<number, string> {
  const out = new Map<number, string>();
  const r = fs.readFile(file);
  if (!r.ok) return out;
  for (const line of r.value.split('\n')) {
    const [name, , id] = line.split(':');
    if (name && id !== undefined && /^[0-9]+$/.test(id)) out.set(Number(id), name);
  }
  return out;
}

export function userName(fs: VirtualFs, uid: number): string {
  return table(fs, '/etc/passwd').get(uid) ?? String(uid);
}

export function groupName(fs: VirtualFs, gid: number): string {
  return table(fs, '/etc/group').get(gid) ?? String(gid);
}

/** A user or group by name or number; undefined when unknown. */
export function lookupId(fs: VirtualFs, file: '/etc/passwd' | '/etc/group', nameOrId: string): number | undefined {
  if (/^[0-9]+$/.test(nameOrId)) return Number(nameOrId);
  for (const [id, name] of table(fs, file)) if (name === nameOrId) return id;
  return undefined;
}

/** Number of links ls shows: 1 for files, 2 + subdirectories for directories. */
export function linkCount(fs: VirtualFs, path: string, st: Pick<Stat, 'kind'>): number {
  if (st.kind !== 'dir') return 1;
  const names = fs.readdir(path);
  if (!names.ok) return 2;
  const base = path === '/' ? '' : path;
  return 2 + names.value.filter((n) => {
    const child = fs.stat(`${base}/${n}`, false);
    return child.ok && child.value.kind === 'dir';
  }).length;
}

/** 1K blocks a file occupies (4K allocation units), for `ls -s`, `ls -l`'s total and du. */
export function blocks(st: Pick<Stat, 'kind' | 'size'>): number {
  if (st.kind === 'symlink') return 0;
  return Math.ceil(st.size / 4096) * 4;
}

/** ls -h / df -h: 1023, 1.0K, 4.0K, 12K, 1.5M (one decimal below 10, rounded up as GNU does). */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    return r >= 10 ? `${Math.ceil(r)}${units[u]}` : `${r.toFixed(1)}${units[u]}`;
  }
  return `${Math.ceil(v)}${units[u]}`;
}
