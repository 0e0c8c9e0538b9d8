/** stat: GNU's default layout, and -c FORMAT with the common directives. */
import { fnv32a, resolvePath, type Stat } from '../../../engine';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { blocks, groupName, linkCount, modeString, userName } from './lib/files';
import { shq } from './lib/quote';
import { errno } from './lib/text';
import { strftime } from './time';

function typeName(st: Stat): string {
  if (st.kind === 'dir') return 'directory';
  if (st.kind === 'symlink') return 'symbolic link';
  return st.size === 0 ? 'regular empty file' : 'regular file';
}

/** A stable inode number per path, so repeated runs agree. */
function inode(path: string): number {
  return 100000 + (fnv32a(path) % 9000000);
}

const stamp = (ms: number): string => `${strftime('%Y-%m-%d %H:%M:%S', ms)}.${String((ms % 1000) * 1000000).padStart(9, '0')} +0000`;

export const stat = defineUtil({
  name: 'stat',
  summary: 'Display file or file system status.',
  usage: '[OPTION]... FILE...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'stat';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'L', short: 'L', long: 'dereference' }, { key: 'c', short: 'c', long: 'format', arg: true }, { key: 'c', long: 'printf', arg: true },
      { key: 't', short: 't', long: 'terse' }, { key: 'f', short: 'f', long: 'file-system' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    if (parsed.operands.length === 0) return usageError(ctx, `${prog}: missing operand`);
    const opts = new Options(parsed.opts);
    const fs = ctx.host.fs;
    let status = 0;
    for (const name of parsed.operands) {
      const path = resolvePath(name, ctx.cwd);
      const r = fs.stat(path, opts.has('L'));
      if (!r.ok) {
        ctx.stderr.write(`${prog}: cannot stat ${shq(name)}: ${errno(r.error.code)}\n`);
        status = 1;
        continue;
      }
      const st = r.value;
      const links = linkCount(fs, path, st);
      const user = userName(fs, st.uid);
      const group = groupName(fs, st.gid);
      const octal = (st.mode & 0o7777).toString(8).padStart(4, '0');
      const format = opts.value('c');
      if (format !== undefined) {
        const map: Record<string, () => string> = {
          n: () => name, N: () => (st.kind === 'symlink' ? `${shq(name)} -> ${shq(st.target ?? '')}` : shq(name)), s: () => String(st.size),
          a: () => (st.mode & 0o7777).toString(8), A: () => modeString(st), U: () => user, G: () => group, u: () => String(st.uid), g: () => String(st.gid),
          F: () => typeName(st), h: () => String(links), i: () => String(inode(path)), b: () => String(blocks(st) * 2), B: () => '512',
          y: () => stamp(st.mtimeMs), Y: () => String(Math.floor(st.mtimeMs / 1000)), x: () => stamp(st.mtimeMs), X: () => String(Math.floor(st.mtimeMs / 1000)),
          z: () => stamp(st.mtimeMs), Z: () => String(Math.floor(st.mtimeMs / 1000)), '%': () => '%',
        };
        ctx.stdout.write(`${format.replace(/%([A-Za-z%])/g, (all, c: string) => (map[c] ? map[c]() : all))}\n`);
        continue;
      }
      const file = st.kind === 'symlink' ? `${name} -> ${st.target ?? ''}` : name;
      ctx.stdout.write([
        `  File: ${file}`,
        `  Size: ${String(st.size).padEnd(10)}\tBlocks: ${String(blocks(st) * 2).padEnd(10)} IO Block: 4096   ${typeName(st)}`,
        `Device: 0,${st.kind === 'dir' ? 48 : 49}\tInode: ${String(inode(path)).padEnd(11)} Links: ${links}`,
        `Access: (${octal}/${modeString(st)})  Uid: (${String(st.uid).padStart(5)}/${user.padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${group.padStart(8)})`,
        `Access: ${stamp(st.mtimeMs)}`,
        `Modify: ${stamp(st.mtimeMs)}`,
        `Change: ${stamp(st.mtimeMs)}`,
        ' Birth: -',
        '',
      ].join('\n'));
    }
    return status;
  },
});
