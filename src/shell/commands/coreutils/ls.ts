/**
 * ls: -l -a -A -1 -C -h -R -d -t -S -r -F -n, colour-free as on a CentOS node without its
 * profile aliases. One name per line into a pipe, columns on the terminal.
 */
import { resolvePath } from '../../../engine';
import type { CommandContext } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { blocks, groupName, humanSize, linkCount, userName } from './lib/files';
import { classify, columns, longRows, type Entry } from './lib/lsFormat';
import { shq } from './lib/quote';
import { errno } from './lib/text';

interface LsOptions {
  readonly long: boolean;
  readonly all: boolean;
  readonly almostAll: boolean;
  readonly onePerLine: boolean;
  readonly human: boolean;
  readonly recursive: boolean;
  readonly directory: boolean;
  readonly sort: 'name' | 'time' | 'size';
  readonly reverse: boolean;
  readonly classify: boolean;
  readonly numeric: boolean;
}

function entryFor(ctx: CommandContext, name: string, path: string, follow: boolean, o: LsOptions): Entry | undefined {
  const fs = ctx.host.fs;
  let st = fs.stat(path, false);
  if (st.ok && st.value.kind === 'symlink' && follow) {
    const target = fs.stat(path, true);
    if (target.ok) st = target;
  }
  if (!st.ok) return undefined;
  return {
    name, path, stat: st.value, links: linkCount(fs, path, st.value),
    owner: o.numeric ? String(st.value.uid) : userName(fs, st.value.uid),
    group: o.numeric ? String(st.value.gid) : groupName(fs, st.value.gid),
  };
}

function sortEntries(entries: Entry[], o: LsOptions): Entry[] {
  const byName = (a: Entry, b: Entry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const sorted = [...entries].sort((a, b) => {
    if (o.sort === 'time' && a.stat.mtimeMs !== b.stat.mtimeMs) return b.stat.mtimeMs - a.stat.mtimeMs;
    if (o.sort === 'size' && a.stat.size !== b.stat.size) return b.stat.size - a.stat.size;
    return byName(a, b);
  });
  return o.reverse ? sorted.reverse() : sorted;
}

function render(ctx: CommandContext, entries: readonly Entry[], o: LsOptions): string {
  if (entries.length === 0) return '';
  if (o.long) return `${longRows(entries, { human: o.human, now: ctx.world.wallNow(), classify: o.classify }).join('\n')}\n`;
  const names = entries.map((e) => e.name + (o.classify ? classify(e) : ''));
  if (o.onePerLine || !ctx.stdout.isTerminal) return `${names.join('\n')}\n`;
  return `${columns(names, ctx.columns).join('\n')}\n`;
}

function listDirectory(ctx: CommandContext, shown: string, path: string, o: LsOptions, out: string[], header: boolean): boolean {
  const fs = ctx.host.fs;
  const names = fs.readdir(path);
  if (!names.ok) {
    ctx.stderr.write(`${ctx.argv[0] ?? 'ls'}: cannot open directory ${shq(shown)}: ${errno(names.error.code)}\n`);
    return false;
  }
  const visible = names.value.filter((n) => o.all || o.almostAll || !n.startsWith('.'));
  const all = o.all ? ['.', '..', ...visible] : visible;
  const entries = sortEntries(all.map((n) => entryFor(ctx, n, n === '.' ? path : n === '..' ? resolvePath('..', path) : `${path === '/' ? '' : path}/${n}`, false, o)).filter((e): e is Entry => e !== undefined), o);
  let text = header ? `${shown}:\n` : '';
  if (o.long) {
    const total = entries.reduce((sum, e) => sum + blocks(e.stat), 0);
    text += `total ${o.human ? humanSize(total * 1024) : total}\n`;
  }
  text += render(ctx, entries, o);
  out.push(text);
  let ok = true;
  if (o.recursive) {
    for (const e of entries) {
      if (e.stat.kind !== 'dir' || e.name === '.' || e.name === '..') continue;
      if (!listDirectory(ctx, `${shown === '/' ? '' : shown.replace(/\/+$/, '')}/${e.name}`, e.path, o, out, true)) ok = false;
    }
  }
  return ok;
}

export const ls = defineUtil({
  name: 'ls',
  summary: 'List information about the FILEs (the current directory by default).',
  usage: '[OPTION]... [FILE]...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'ls';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'l', short: 'l' }, { key: 'a', short: 'a', long: 'all' }, { key: 'A', short: 'A', long: 'almost-all' }, { key: '1', short: '1' },
      { key: 'C', short: 'C' }, { key: 'h', short: 'h', long: 'human-readable' }, { key: 'R', short: 'R', long: 'recursive' },
      { key: 'd', short: 'd', long: 'directory' }, { key: 't', short: 't' }, { key: 'S', short: 'S' }, { key: 'r', short: 'r', long: 'reverse' },
      { key: 'F', short: 'F', long: 'classify' }, { key: 'n', short: 'n', long: 'numeric-uid-gid' }, { key: 'g', short: 'g' }, { key: 'o', short: 'o' },
      { key: 'U', short: 'U' }, { key: 'color', long: 'color', optionalArg: true },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message, 2);
    const opts = new Options(parsed.opts);
    const sortKey = opts.last(['t', 'S']);
    const o: LsOptions = {
      long: opts.has('l') || opts.has('n') || opts.has('g') || opts.has('o'),
      all: opts.last(['a', 'A']) === 'a', almostAll: opts.last(['a', 'A']) === 'A',
      onePerLine: opts.last(['1', 'C', 'l']) === '1', human: opts.has('h'), recursive: opts.has('R') && !opts.has('d'),
      directory: opts.has('d'), sort: sortKey === 't' ? 'time' : sortKey === 'S' ? 'size' : 'name', reverse: opts.has('r'),
      classify: opts.has('F'), numeric: opts.has('n'),
    };
    const fs = ctx.host.fs;
    const operands = parsed.operands.length > 0 ? parsed.operands : ['.'];
    let status = 0;
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const name of operands) {
      const path = resolvePath(name, ctx.cwd);
      // Operands that are symlinks to directories are entered, except with -l, -d or -F (GNU's rule).
      const follow = !o.long && !o.directory && !o.classify;
      const e = entryFor(ctx, name, path, follow || name.endsWith('/'), o);
      if (!e) {
        const st = fs.stat(path, false);
        ctx.stderr.write(`${prog}: cannot access ${shq(name)}: ${errno(st.ok ? 'ENOENT' : st.error.code)}\n`);
        status = 2;
        continue;
      }
      if (e.stat.kind === 'dir' && !o.directory) dirs.push(e);
      else files.push(e);
    }
    const out: string[] = [];
    if (files.length > 0) out.push(render(ctx, sortEntries(files, o), o));
    const sortedDirs = sortEntries(dirs, o);
    const headers = operands.length > 1 || o.recursive;
    for (const d of sortedDirs) {
      if (!listDirectory(ctx, d.name, d.path, o, out, headers)) status = 2;
    }
    ctx.stdout.write(out.filter((t) => t !== '').join('\n'));
    return status;
  },
});
