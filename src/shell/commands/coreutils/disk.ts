/** df, du and free: plausible numbers for a PWK node (an overlay root on a 60 GB disk, 4 GB of memory). */
import { resolvePath, type VirtualFs } from '../../../engine';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { blocks, humanSize } from './lib/files';
import { shq } from './lib/quote';
import { errno } from './lib/text';

interface Mount {
  readonly fs: string;
  readonly size: number;
  readonly used: number;
  readonly on: string;
}

function mounts(vfs: VirtualFs): Mount[] {
  // The root's usage grows with what the learner stores, so `df` after a big download moves.
  const used = 9_876_540 + Math.floor(treeBlocks(vfs, '/') / 4) * 4;
  return [
    { fs: 'overlay', size: 61_252_420, used, on: '/' },
    { fs: 'tmpfs', size: 65_536, used: 0, on: '/dev' },
    { fs: 'tmpfs', size: 2_003_948, used: 0, on: '/sys/fs/cgroup' },
    { fs: 'shm', size: 65_536, used: 0, on: '/dev/shm' },
    { fs: '/dev/sda1', size: 61_252_420, used, on: '/etc/hosts' },
  ];
}

function treeBlocks(vfs: VirtualFs, path: string): number {
  const st = vfs.stat(path, false);
  if (!st.ok) return 0;
  let total = blocks(st.value);
  if (st.value.kind === 'dir') {
    const names = vfs.readdir(path);
    for (const n of names.ok ? names.value : []) total += treeBlocks(vfs, `${path === '/' ? '' : path}/${n}`);
  }
  return total;
}

export const df = defineUtil({
  name: 'df',
  summary: 'Show information about the file system on which each FILE resides, or all file systems by default.',
  usage: '[OPTION]... [FILE]...',
  run(ctx) {
    const parsed = getopt(ctx.argv[0] ?? 'df', ctx.argv.slice(1), [{ key: 'h', short: 'h', long: 'human-readable' }, { key: 'T', short: 'T', long: 'print-type' }, { key: 'k', short: 'k' }]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const human = new Options(parsed.opts).has('h');
    const rows = mounts(ctx.host.fs).map((m) => {
      const avail = m.size - m.used;
      const pct = m.size === 0 ? '-' : `${Math.ceil((m.used / m.size) * 100)}%`;
      const f = (k: number): string => (human ? humanSize(k * 1024) : String(k));
      return [m.fs, f(m.size), f(m.used), f(avail), pct, m.on];
    });
    const header = ['Filesystem', human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'];
    const all = [header, ...rows];
    // GNU df: the file system column is at least 14 wide, sizes at least 5 with -h.
    const widths = header.map((_, i) => Math.max(i === 0 ? 14 : human && i < 4 ? 5 : 0, ...all.map((r) => r[i]!.length)));
    ctx.stdout.write(all.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : i === 5 ? c : c.padStart(widths[i]!))).join(' ')).join('\n') + '\n');
    return 0;
  },
});

export const du = defineUtil({
  name: 'du',
  summary: 'Summarize disk usage of the set of FILEs, recursively for directories.',
  usage: '[OPTION]... [FILE]...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'du';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 's', short: 's', long: 'summarize' }, { key: 'h', short: 'h', long: 'human-readable' }, { key: 'a', short: 'a', long: 'all' }, { key: 'c', short: 'c', long: 'total' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const opts = new Options(parsed.opts);
    const fs = ctx.host.fs;
    const show = (k: number): string => (opts.has('h') ? (k === 0 ? '0' : humanSize(k * 1024)) : String(k));
    let status = 0;
    let grand = 0;
    const visit = (path: string, shown: string, top: boolean): number => {
      const st = fs.stat(path, false);
      if (!st.ok) return 0;
      let total = blocks(st.value);
      if (st.value.kind === 'dir') {
        const names = fs.readdir(path);
        for (const n of names.ok ? names.value : []) total += visit(`${path === '/' ? '' : path}/${n}`, `${shown.replace(/\/+$/, '')}/${n}`, false);
      }
      if (top || (!opts.has('s') && (st.value.kind === 'dir' || opts.has('a')))) ctx.stdout.write(`${show(total)}\t${shown}\n`);
      return total;
    };
    for (const name of parsed.operands.length > 0 ? parsed.operands : ['.']) {
      const path = resolvePath(name, ctx.cwd);
      const st = fs.stat(path, false);
      if (!st.ok) {
        ctx.stderr.write(`${prog}: cannot access ${shq(name)}: ${errno(st.error.code)}\n`);
        status = 1;
        continue;
      }
      grand += visit(path, name, true);
    }
    if (opts.has('c')) ctx.stdout.write(`${show(grand)}\ttotal\n`);
    return status;
  },
});

export const free = defineUtil({
  name: 'free',
  summary: 'Display amount of free and used memory in the system.',
  usage: '[options]',
  package: 'procps-ng',
  run(ctx) {
    const parsed = getopt(ctx.argv[0] ?? 'free', ctx.argv.slice(1), [
      { key: 'h', short: 'h', long: 'human' }, { key: 'm', short: 'm', long: 'mebi' }, { key: 'g', short: 'g', long: 'gibi' }, { key: 'k', short: 'k', long: 'kibi' }, { key: 'b', short: 'b', long: 'bytes' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const opts = new Options(parsed.opts);
    const kib = { total: 4_039_172, used: 1_215_888, free: 1_538_240, shared: 9_012, cache: 1_285_044, avail: 2_543_356 };
    const fmt = (k: number): string => {
      if (opts.has('h')) return k === 0 ? '0B' : humanSize(k * 1024).replace(/([KMGT])$/, '$1i');
      if (opts.has('m')) return String(Math.floor(k / 1024));
      if (opts.has('g')) return String(Math.floor(k / 1048576));
      if (opts.has('b')) return String(k * 1024);
      return String(k);
    };
    const row = (label: string, cells: number[]): string => label.padEnd(7) + cells.map((c) => fmt(c).padStart(12)).join('');
    ctx.stdout.write(`${'              total        used        free      shared  buff/cache   available'}\n${row('Mem:', [kib.total, kib.used, kib.free, kib.shared, kib.cache, kib.avail])}\n${row('Swap:', [0, 0, 0])}\n`);
    return 0;
  },
});
