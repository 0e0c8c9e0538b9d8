/** touch and ln (-s -f -n -v -T). The filesystem has no hard links: `ln` without -s copies the file. */
import { basename, resolvePath } from '../../../engine';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { shq } from './lib/quote';
import { errno } from './lib/text';

export const touch = defineUtil({
  name: 'touch',
  summary: 'Update the access and modification times of each FILE to the current time.',
  usage: '[OPTION]... FILE...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'touch';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'c', short: 'c', long: 'no-create' }, { key: 'a', short: 'a' }, { key: 'm', short: 'm' },
      { key: 'd', short: 'd', long: 'date', arg: true }, { key: 't', short: 't', arg: true },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    if (parsed.operands.length === 0) return usageError(ctx, `${prog}: missing file operand`);
    const noCreate = new Options(parsed.opts).has('c');
    const fs = ctx.host.fs;
    let status = 0;
    for (const name of parsed.operands) {
      const path = resolvePath(name, ctx.cwd);
      if (fs.isDir(path)) continue;
      if (noCreate && !fs.exists(path)) continue;
      // Appending nothing creates the file or moves its modification time to now.
      const r = fs.writeFile(path, '', { append: true });
      if (!r.ok) {
        ctx.stderr.write(`${prog}: cannot touch ${shq(name)}: ${errno(r.error.code)}\n`);
        status = 1;
      }
    }
    return status;
  },
});

export const ln = defineUtil({
  name: 'ln',
  summary: 'Create a link to TARGET with the name LINK_NAME.',
  usage: '[OPTION]... [-T] TARGET LINK_NAME',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'ln';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 's', short: 's', long: 'symbolic' }, { key: 'f', short: 'f', long: 'force' }, { key: 'n', short: 'n', long: 'no-dereference' },
      { key: 'v', short: 'v', long: 'verbose' }, { key: 'T', short: 'T', long: 'no-target-directory' }, { key: 'i', short: 'i', long: 'interactive' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const opts = new Options(parsed.opts);
    const operands = [...parsed.operands];
    if (operands.length === 0) return usageError(ctx, `${prog}: missing file operand`);
    const fs = ctx.host.fs;
    const symbolic = opts.has('s');
    let linkDir: string | undefined;
    if (operands.length === 1) linkDir = '.';
    else {
      const last = operands[operands.length - 1]!;
      const lastPath = resolvePath(last, ctx.cwd);
      // -n: a symlink to a directory is replaced, not entered.
      const isDir = !opts.has('T') && fs.isDir(lastPath) && !(opts.has('n') && isLink(lastPath));
      if (isDir) {
        linkDir = last;
        operands.pop();
      } else if (operands.length > 2) {
        ctx.stderr.write(`${prog}: target ${shq(last)} is not a directory\n`);
        return 1;
      }
    }
    function isLink(p: string): boolean {
      const st = fs.stat(p, false);
      return st.ok && st.value.kind === 'symlink';
    }
    const pairs: [string, string][] = linkDir !== undefined
      ? operands.map((t) => [t, `${linkDir === '.' ? '' : `${linkDir.replace(/\/+$/, '')}/`}${basename(t.replace(/\/+$/, '') || '/')}`])
      : [[operands[0]!, operands[1]!]];
    let status = 0;
    for (const [target, link] of pairs) {
      const linkPath = resolvePath(link, ctx.cwd);
      const kind = symbolic ? 'symbolic link' : 'hard link';
      if (fs.stat(linkPath, false).ok) {
        if (!opts.has('f')) {
          ctx.stderr.write(`${prog}: failed to create ${kind} ${shq(link)}: File exists\n`);
          status = 1;
          continue;
        }
        fs.remove(linkPath);
      }
      if (symbolic) {
        const r = fs.symlink(target, linkPath);
        if (!r.ok) {
          ctx.stderr.write(`${prog}: failed to create symbolic link ${shq(link)}: ${errno(r.error.code)}\n`);
          status = 1;
          continue;
        }
      } else {
        const targetPath = resolvePath(target, ctx.cwd);
        const content = fs.readFile(targetPath);
        if (!content.ok) {
          ctx.stderr.write(content.error.code === 'EISDIR'
            ? `${prog}: ${shq(target)}: hard link not allowed for directory\n`
            : `${prog}: failed to access ${shq(target)}: ${errno(content.error.code)}\n`);
          status = 1;
          continue;
        }
        const st = fs.stat(targetPath);
        fs.writeFile(linkPath, content.value, st.ok ? { mode: st.value.mode, uid: st.value.uid, gid: st.value.gid } : {});
      }
      if (opts.has('v')) ctx.stdout.write(`${shq(link)} ${symbolic ? '->' : '=>'} ${shq(target)}\n`);
    }
    return status;
  },
});
