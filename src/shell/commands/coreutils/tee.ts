/** tee: copy stdin to stdout and to files (-a appends), as it arrives. */
import { resolvePath } from '../../../engine';
import type { Program } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { errno } from './lib/text';

export const tee = defineUtil({
  name: 'tee',
  summary: 'Copy standard input to each FILE, and also to standard output.',
  usage: '[OPTION]... [FILE]...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'tee';
    const parsed = getopt(prog, ctx.argv.slice(1), [{ key: 'a', short: 'a', long: 'append' }, { key: 'i', short: 'i', long: 'ignore-interrupts' }]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const append = new Options(parsed.opts).has('a');
    const fs = ctx.host.fs;
    let status = 0;
    const targets: string[] = [];
    for (const name of parsed.operands) {
      const path = resolvePath(name, ctx.cwd);
      const opened = fs.writeFile(path, '', append ? { append: true } : {});
      if (!opened.ok) {
        ctx.stderr.write(`${prog}: ${name}: ${errno(opened.error.code)}\n`);
        status = 1;
      } else targets.push(path);
    }
    return (function* (): Program {
      for (let chunk = yield* ctx.stdin.read(); chunk !== null; chunk = yield* ctx.stdin.read()) {
        ctx.stdout.write(chunk);
        for (const path of targets) fs.writeFile(path, chunk, { append: true });
      }
      return status;
    })();
  },
});
