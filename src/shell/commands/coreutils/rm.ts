/** rm: -r -f -i -I -d -v, asking before each removal with -i as GNU rm does. */
import { resolvePath } from '../../../engine';
import type { CommandContext, Effect, Program } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { ask } from './lib/prompt';
import { shq } from './lib/quote';
import { errno } from './lib/text';

interface RmOptions {
  readonly force: boolean;
  readonly interactive: boolean;
  readonly recursive: boolean;
  readonly dirs: boolean;
  readonly verbose: boolean;
}

function* removeOne(ctx: CommandContext, prog: string, name: string, o: RmOptions): Generator<Effect, boolean, unknown> {
  const fs = ctx.host.fs;
  const path = resolvePath(name, ctx.cwd);
  const st = fs.stat(path, false);
  if (!st.ok) {
    if (o.force) return true;
    ctx.stderr.write(`${prog}: cannot remove ${shq(name)}: ${errno(st.error.code)}\n`);
    return false;
  }
  if (st.value.kind === 'dir') {
    const children = fs.readdir(path);
    const empty = children.ok && children.value.length === 0;
    if (!o.recursive && !(o.dirs && empty)) {
      ctx.stderr.write(`${prog}: cannot remove ${shq(name)}: Is a directory\n`);
      return false;
    }
    if (o.recursive && !empty) {
      if (o.interactive && !(yield* ask(ctx, `${prog}: descend into directory ${shq(name)}? `))) return true;
      let ok = true;
      for (const child of children.ok ? children.value : []) {
        if (!(yield* removeOne(ctx, prog, `${name.replace(/\/+$/, '')}/${child}`, o))) ok = false;
      }
      if (!ok) return false;
    }
    if (o.interactive && !(yield* ask(ctx, `${prog}: remove directory ${shq(name)}? `))) return true;
    const left = fs.readdir(path);
    if (left.ok && left.value.length > 0) return true;
    const r = fs.remove(path, { recursive: true });
    if (!r.ok) {
      ctx.stderr.write(`${prog}: cannot remove ${shq(name)}: ${errno(r.error.code)}\n`);
      return false;
    }
    if (o.verbose) ctx.stdout.write(`removed directory ${shq(name)}\n`);
    return true;
  }
  if (o.interactive) {
    const what = st.value.kind === 'symlink' ? 'symbolic link' : st.value.size === 0 ? 'regular empty file' : 'regular file';
    if (!(yield* ask(ctx, `${prog}: remove ${what} ${shq(name)}? `))) return true;
  }
  const r = fs.remove(path);
  if (!r.ok) {
    ctx.stderr.write(`${prog}: cannot remove ${shq(name)}: ${errno(r.error.code)}\n`);
    return false;
  }
  if (o.verbose) ctx.stdout.write(`removed ${shq(name)}\n`);
  return true;
}

export const rm = defineUtil({
  name: 'rm',
  summary: 'Remove (unlink) the FILE(s).',
  usage: '[OPTION]... FILE...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'rm';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'f', short: 'f', long: 'force' }, { key: 'i', short: 'i' }, { key: 'I', short: 'I' },
      { key: 'r', short: 'r', long: 'recursive' }, { key: 'r', short: 'R' }, { key: 'd', short: 'd', long: 'dir' },
      { key: 'v', short: 'v', long: 'verbose' }, { key: 'npr', long: 'no-preserve-root' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const opts = new Options(parsed.opts);
    // The last of -f and -i wins, so `rm -rf` still works under the `rm -i` alias.
    const mode = opts.last(['f', 'i', 'I']);
    const o: RmOptions = { force: mode === 'f', interactive: mode === 'i', recursive: opts.has('r'), dirs: opts.has('d'), verbose: opts.has('v') };
    if (parsed.operands.length === 0) {
      if (o.force) return 0;
      return usageError(ctx, `${prog}: missing operand`);
    }
    return (function* (): Program {
      let status = 0;
      for (const name of parsed.operands) {
        if (o.recursive && resolvePath(name, ctx.cwd) === '/' && !opts.has('npr')) {
          ctx.stderr.write(`${prog}: it is dangerous to operate recursively on ${shq('/')}\n${prog}: use --no-preserve-root to override this failsafe\n`);
          status = 1;
          continue;
        }
        const base = name.replace(/\/+$/, '').split('/').pop();
        if (base === '.' || base === '..') {
          ctx.stderr.write(`${prog}: refusing to remove '.' or '..' directory: skipping ${shq(name)}\n`);
          status = 1;
          continue;
        }
        if (!(yield* removeOne(ctx, prog, name, o))) status = 1;
      }
      return status;
    })();
  },
});
