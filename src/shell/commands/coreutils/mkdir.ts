/** mkdir (-p -v -m) and rmdir (-p -v), with GNU's messages. */
import { dirname, resolvePath } from '../../../engine';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { lq, shq } from './lib/quote';
import { errno } from './lib/text';
import { parseMode } from './lib/modes';
import { directoryCandidates } from './lib/complete';

export const mkdir = defineUtil({
  name: 'mkdir',
  summary: 'Create the DIRECTORY(ies), if they do not already exist.',
  usage: '[OPTION]... DIRECTORY...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'mkdir';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'p', short: 'p', long: 'parents' }, { key: 'v', short: 'v', long: 'verbose' }, { key: 'm', short: 'm', long: 'mode', arg: true },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    if (parsed.operands.length === 0) return usageError(ctx, `${prog}: missing operand`);
    const opts = new Options(parsed.opts);
    const fs = ctx.host.fs;
    let mode = 0o755;
    const modeText = opts.value('m');
    if (modeText !== undefined) {
      const m = parseMode(modeText, 0o777);
      if (m === undefined) {
        ctx.stderr.write(`${prog}: invalid mode ${lq(modeText)}\n`);
        return 1;
      }
      mode = m;
    }
    let status = 0;
    for (const name of parsed.operands) {
      const path = resolvePath(name, ctx.cwd);
      if (opts.has('p')) {
        // -p: create each missing ancestor, and say so for each with -v.
        const missing: string[] = [];
        for (let p = path; p !== '/' && !fs.exists(p); p = dirname(p)) missing.unshift(p);
        const r = fs.mkdir(path, { parents: true, mode });
        if (!r.ok) {
          ctx.stderr.write(`${prog}: cannot create directory ${lq(name)}: ${errno(r.error.code)}\n`);
          status = 1;
          continue;
        }
        if (opts.has('v')) {
          const rel = missing.map((p) => (name.startsWith('/') ? p : name.slice(0, name.length - (path.length - p.length))));
          for (const p of rel) ctx.stdout.write(`${prog}: created directory ${shq(p)}\n`);
        }
        continue;
      }
      const r = fs.mkdir(path, { mode });
      if (!r.ok) {
        ctx.stderr.write(`${prog}: cannot create directory ${lq(name)}: ${errno(r.error.code)}\n`);
        status = 1;
        continue;
      }
      if (opts.has('v')) ctx.stdout.write(`${prog}: created directory ${shq(name)}\n`);
    }
    return status;
  },
});

export const rmdir = defineUtil({
  name: 'rmdir',
  summary: 'Remove the DIRECTORY(ies), if they are empty.',
  usage: '[OPTION]... DIRECTORY...',
  complete: directoryCandidates,
  run(ctx) {
    const prog = ctx.argv[0] ?? 'rmdir';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'p', short: 'p', long: 'parents' }, { key: 'v', short: 'v', long: 'verbose' }, { key: 'ignore', long: 'ignore-fail-on-non-empty' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    if (parsed.operands.length === 0) return usageError(ctx, `${prog}: missing operand`);
    const opts = new Options(parsed.opts);
    let status = 0;
    for (const name of parsed.operands) {
      const chain = [name];
      if (opts.has('p')) for (let p = name.replace(/\/+$/, ''); p.includes('/'); ) chain.push((p = p.slice(0, p.lastIndexOf('/'))));
      for (const dir of chain.filter((d) => d !== '')) {
        if (opts.has('v')) ctx.stdout.write(`${prog}: removing directory, ${shq(dir)}\n`);
        const r = ctx.host.fs.remove(resolvePath(dir, ctx.cwd), { dirOnly: true });
        if (!r.ok) {
          if (!(r.error.code === 'ENOTEMPTY' && opts.has('ignore'))) {
            ctx.stderr.write(`${prog}: failed to remove ${shq(dir)}: ${errno(r.error.code)}\n`);
            status = 1;
          }
          break;
        }
      }
    }
    return status;
  },
});
