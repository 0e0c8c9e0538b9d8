/** cp (-i -r -R -a -f -n -p -v -P -L -t) and mv (-i -f -n -v), with GNU's checks and prompts. */
import { basename, resolvePath } from '../../../engine';
import type { CommandContext, Effect, Program } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { ask } from './lib/prompt';
import { shq } from './lib/quote';
import { errno } from './lib/text';

interface CopyOptions {
  readonly prog: string;
  readonly move: boolean;
  readonly recursive: boolean;
  readonly interactive: boolean;
  readonly noClobber: boolean;
  readonly preserve: boolean;
  readonly verbose: boolean;
  /** Copy symbolic links as links (cp -P, -d, -a, and always for mv). */
  readonly keepLinks: boolean;
}

type Outcome = 'done' | 'skipped' | 'failed';

function* copyPath(ctx: CommandContext, srcName: string, destName: string, o: CopyOptions, top: boolean): Generator<Effect, Outcome, unknown> {
  const fs = ctx.host.fs;
  const src = resolvePath(srcName, ctx.cwd);
  const dest = resolvePath(destName, ctx.cwd);
  const st = fs.stat(src, !(o.keepLinks || !top));
  if (!st.ok) {
    ctx.stderr.write(`${o.prog}: cannot stat ${shq(srcName)}: ${errno(st.error.code)}\n`);
    return 'failed';
  }
  const destSt = fs.stat(dest, false);
  const srcReal = fs.realpath(src);
  const destReal = fs.realpath(dest);
  if (destSt.ok && srcReal.ok && destReal.ok && srcReal.value === destReal.value && (st.value.kind !== 'symlink' || destSt.value.kind !== 'symlink')) {
    ctx.stderr.write(`${o.prog}: ${shq(srcName)} and ${shq(destName)} are the same file\n`);
    return 'failed';
  }
  if (st.value.kind === 'dir') {
    if (!o.recursive) {
      ctx.stderr.write(`${o.prog}: -r not specified; omitting directory ${shq(srcName)}\n`);
      return 'failed';
    }
    if (srcReal.ok && (dest === srcReal.value || dest.startsWith(`${srcReal.value}/`))) {
      ctx.stderr.write(o.move
        ? `${o.prog}: cannot move ${shq(srcName)} to a subdirectory of itself, ${shq(destName)}\n`
        : `${o.prog}: cannot copy a directory, ${shq(srcName)}, into itself, ${shq(destName)}\n`);
      return 'failed';
    }
    if (destSt.ok && destSt.value.kind !== 'dir') {
      ctx.stderr.write(`${o.prog}: cannot overwrite non-directory ${shq(destName)} with directory ${shq(srcName)}\n`);
      return 'failed';
    }
    if (!destSt.ok) {
      const made = fs.mkdir(dest, { mode: st.value.mode });
      if (!made.ok) {
        ctx.stderr.write(`${o.prog}: cannot create directory ${shq(destName)}: ${errno(made.error.code)}\n`);
        return 'failed';
      }
      if (o.verbose) ctx.stdout.write(`${shq(srcName)} -> ${shq(destName)}\n`);
    }
    if (o.preserve) fs.chown(dest, st.value.uid, st.value.gid);
    const children = fs.readdir(src);
    let outcome: Outcome = 'done';
    for (const child of children.ok ? children.value : []) {
      const r = yield* copyPath(ctx, `${srcName.replace(/\/+$/, '')}/${child}`, `${destName.replace(/\/+$/, '')}/${child}`, o, false);
      if (r === 'failed' || outcome === 'done') outcome = r === 'done' ? outcome : r;
    }
    return outcome;
  }
  if (destSt.ok) {
    if (destSt.value.kind === 'dir') {
      ctx.stderr.write(`${o.prog}: cannot overwrite directory ${shq(destName)} with non-directory\n`);
      return 'failed';
    }
    if (o.noClobber) return 'skipped';
    if (o.interactive && !(yield* ask(ctx, `${o.prog}: overwrite ${shq(destName)}? `))) return 'skipped';
  }
  if (st.value.kind === 'symlink') {
    if (destSt.ok) fs.remove(dest);
    const linked = fs.symlink(st.value.target ?? '', dest);
    if (!linked.ok) {
      ctx.stderr.write(`${o.prog}: cannot create symbolic link ${shq(destName)}: ${errno(linked.error.code)}\n`);
      return 'failed';
    }
  } else {
    const content = fs.readFile(src);
    if (!content.ok) {
      ctx.stderr.write(`${o.prog}: cannot open ${shq(srcName)} for reading: ${errno(content.error.code)}\n`);
      return 'failed';
    }
    // A destination symlink is written through, as open(2) would.
    const written = fs.writeFile(dest, content.value, { mode: o.preserve || o.move ? st.value.mode : st.value.mode & ~0o022 });
    if (!written.ok) {
      ctx.stderr.write(`${o.prog}: cannot create regular file ${shq(destName)}: ${errno(written.error.code)}\n`);
      return 'failed';
    }
    if (o.preserve || o.move) {
      fs.chmod(dest, st.value.mode);
      fs.chown(dest, st.value.uid, st.value.gid);
    }
  }
  if (o.verbose && !o.move) ctx.stdout.write(`${shq(srcName)} -> ${shq(destName)}\n`);
  return 'done';
}

function copyCommand(name: 'cp' | 'mv') {
  return defineUtil({
    name,
    summary: name === 'cp' ? 'Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.' : 'Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.',
    usage: '[OPTION]... [-T] SOURCE DEST',
    run(ctx) {
      const prog = ctx.argv[0] ?? name;
      const parsed = getopt(prog, ctx.argv.slice(1), [
        { key: 'i', short: 'i', long: 'interactive' }, { key: 'f', short: 'f', long: 'force' }, { key: 'n', short: 'n', long: 'no-clobber' },
        { key: 'v', short: 'v', long: 'verbose' }, { key: 't', short: 't', long: 'target-directory', arg: true }, { key: 'T', short: 'T', long: 'no-target-directory' },
        ...(name === 'cp'
          ? [{ key: 'r', short: 'r', long: 'recursive' }, { key: 'r', short: 'R' }, { key: 'a', short: 'a', long: 'archive' }, { key: 'p', short: 'p' },
            { key: 'P', short: 'P', long: 'no-dereference' }, { key: 'P', short: 'd' }, { key: 'L', short: 'L', long: 'dereference' }, { key: 'u', short: 'u', long: 'update' }]
          : [{ key: 'u', short: 'u', long: 'update' }]),
      ]);
      if (!parsed.ok) return usageError(ctx, parsed.message);
      const opts = new Options(parsed.opts);
      const operands = [...parsed.operands];
      let target = opts.value('t');
      if (operands.length === 0) return usageError(ctx, `${prog}: missing file operand`);
      if (target === undefined) {
        if (operands.length === 1) return usageError(ctx, `${prog}: missing destination file operand after ${shq(operands[0]!)}`);
        target = operands.pop()!;
      }
      const fs = ctx.host.fs;
      const targetIsDir = !opts.has('T') && fs.isDir(resolvePath(target, ctx.cwd));
      if (operands.length > 1 && !targetIsDir) {
        ctx.stderr.write(`${prog}: target ${shq(target)} is not a directory\n`);
        return 1;
      }
      const last = opts.last(['i', 'f', 'n']);
      const o: CopyOptions = {
        prog,
        move: name === 'mv',
        recursive: name === 'mv' || opts.has('r') || opts.has('a'),
        interactive: last === 'i',
        noClobber: last === 'n',
        preserve: opts.has('p') || opts.has('a'),
        verbose: opts.has('v'),
        keepLinks: name === 'mv' || opts.has('a') || (opts.has('P') && !opts.has('L')),
      };
      const dirName = target;
      return (function* (): Program {
        let status = 0;
        for (const src of operands) {
          const dest = targetIsDir ? `${dirName.replace(/\/+$/, '')}/${basename(resolvePath(src, ctx.cwd))}` : dirName;
          const outcome = yield* copyPath(ctx, src, dest, o, true);
          if (outcome === 'failed') status = 1;
          // mv removes the source only when all of it arrived (a declined prompt keeps it).
          if (o.move && outcome === 'done') {
            fs.remove(resolvePath(src, ctx.cwd), { recursive: true });
            if (o.verbose) ctx.stdout.write(`renamed ${shq(src)} -> ${shq(dest)}\n`);
          }
        }
        return status;
      })();
    },
  });
}

export const cp = copyCommand('cp');
export const mv = copyCommand('mv');
