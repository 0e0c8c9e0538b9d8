/** chmod, chown and chgrp (-R), with numeric ids and the users and groups of /etc/passwd and /etc/group. */
import { resolvePath } from '../../../engine';
import type { CommandContext } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { lookupId } from './lib/files';
import { parseMode } from './lib/modes';
import { lq, shq } from './lib/quote';
import { errno } from './lib/text';

/** Applies fn to a path and, with -R, to everything under it. */
function walk(ctx: CommandContext, name: string, recursive: boolean, fn: (path: string, name: string) => boolean): boolean {
  const fs = ctx.host.fs;
  const path = resolvePath(name, ctx.cwd);
  let ok = fn(path, name);
  const own = fs.stat(path, false);
  // -R does not follow symbolic links to directories (GNU's default -P).
  if (recursive && own.ok && own.value.kind === 'dir') {
    const children = fs.readdir(path);
    for (const child of children.ok ? children.value : []) if (!walk(ctx, `${name.replace(/\/+$/, '')}/${child}`, true, fn)) ok = false;
  }
  return ok;
}

export const chmod = defineUtil({
  name: 'chmod',
  summary: 'Change the mode of each FILE to MODE.',
  usage: '[OPTION]... MODE[,MODE]... FILE...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'chmod';
    // Modes like -w or -x look like options: GNU chmod takes them as the mode when they parse as one.
    const args = ctx.argv.slice(1);
    const modeIndex = args.findIndex((a) => !/^-[Rvcf]+$/.test(a) && a !== '--' && !a.startsWith('--'));
    const parsed = getopt(prog, args.filter((_, i) => i !== modeIndex), [
      { key: 'R', short: 'R', long: 'recursive' }, { key: 'v', short: 'v', long: 'verbose' }, { key: 'c', short: 'c', long: 'changes' }, { key: 'f', short: 'f', long: 'silent' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const modeText = args[modeIndex];
    if (modeText === undefined) return usageError(ctx, `${prog}: missing operand`);
    if (parsed.operands.length === 0) return usageError(ctx, `${prog}: missing operand after ${lq(modeText)}`);
    if (parseMode(modeText, 0) === undefined) return usageError(ctx, `${prog}: invalid mode: ${lq(modeText)}`);
    const opts = new Options(parsed.opts);
    const fs = ctx.host.fs;
    let status = 0;
    for (const name of parsed.operands) {
      const ok = walk(ctx, name, opts.has('R'), (path, shown) => {
        const st = fs.stat(path);
        if (!st.ok) {
          if (!opts.has('f')) ctx.stderr.write(`${prog}: cannot access ${shq(shown)}: ${errno(st.error.code)}\n`);
          return false;
        }
        fs.chmod(path, parseMode(modeText, st.value.mode, st.value.kind === 'dir') ?? st.value.mode);
        return true;
      });
      if (!ok) status = 1;
    }
    return status;
  },
});

function ownerCommand(name: 'chown' | 'chgrp') {
  return defineUtil({
    name,
    summary: name === 'chown' ? 'Change the owner and/or group of each FILE to OWNER and/or GROUP.' : 'Change the group of each FILE to GROUP.',
    usage: name === 'chown' ? '[OPTION]... [OWNER][:[GROUP]] FILE...' : '[OPTION]... GROUP FILE...',
    run(ctx) {
      const prog = ctx.argv[0] ?? name;
      const parsed = getopt(prog, ctx.argv.slice(1), [
        { key: 'R', short: 'R', long: 'recursive' }, { key: 'v', short: 'v', long: 'verbose' }, { key: 'h', short: 'h', long: 'no-dereference' },
        { key: 'f', short: 'f', long: 'silent' }, { key: 'c', short: 'c', long: 'changes' },
      ]);
      if (!parsed.ok) return usageError(ctx, parsed.message);
      const [spec, ...files] = parsed.operands;
      if (spec === undefined) return usageError(ctx, `${prog}: missing operand`);
      if (files.length === 0) return usageError(ctx, `${prog}: missing operand after ${lq(spec)}`);
      const fs = ctx.host.fs;
      let uid: number | undefined;
      let gid: number | undefined;
      if (name === 'chgrp') {
        gid = lookupId(fs, '/etc/group', spec);
        if (gid === undefined) {
          ctx.stderr.write(`${prog}: invalid group: ${lq(spec)}\n`);
          return 1;
        }
      } else {
        const m = /^([^:.]*)(?:[:.](.*))?$/.exec(spec)!;
        const user = m[1]!;
        const group = m[2];
        if (user !== '') {
          uid = lookupId(fs, '/etc/passwd', user);
          if (uid === undefined) {
            ctx.stderr.write(`${prog}: invalid user: ${lq(spec)}\n`);
            return 1;
          }
        }
        if (group !== undefined && group !== '') {
          gid = lookupId(fs, '/etc/group', group);
          if (gid === undefined) {
            ctx.stderr.write(`${prog}: invalid group: ${lq(spec)}\n`);
            return 1;
          }
        } else if (group === '' && uid !== undefined) {
          gid = uid;
        }
      }
      const opts = new Options(parsed.opts);
      let status = 0;
      for (const file of files) {
        const ok = walk(ctx, file, opts.has('R'), (path, shown) => {
          const st = fs.stat(path);
          if (!st.ok) {
            if (!opts.has('f')) ctx.stderr.write(`${prog}: cannot access ${shq(shown)}: ${errno(st.error.code)}\n`);
            return false;
          }
          fs.chown(path, uid ?? st.value.uid, gid ?? st.value.gid);
          return true;
        });
        if (!ok) status = 1;
      }
      return status;
    },
  });
}

export const chown = ownerCommand('chown');
export const chgrp = ownerCommand('chgrp');
