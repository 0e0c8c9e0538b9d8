/** The printf builtin: loaded on first use (its formatter is not needed for the first prompt). */
import type { Command } from '../../types';
import { formatPrintf } from './printfFormat';
import { isName, shellFor } from './util';

export const printf: Command = {
  name: 'printf',
  summary: 'Formats and prints ARGUMENTS under control of the FORMAT.',
  run(ctx) {
    let args = ctx.argv.slice(1);
    let variable: string | undefined;
    if (args[0] === '-v') {
      variable = args[1];
      args = args.slice(2);
      if (variable === undefined || !isName(variable)) {
        ctx.stderr.write(`bash: printf: \`${variable ?? ''}': not a valid identifier\n`);
        return 2;
      }
    }
    if (args[0] === '--') args = args.slice(1);
    if (args.length === 0) {
      ctx.stderr.write('printf: usage: printf [-v var] format [arguments]\n');
      return 2;
    }
    const r = formatPrintf(args[0]!, args.slice(1));
    for (const e of r.errors) ctx.stderr.write(`bash: printf: ${e}\n`);
    if (variable !== undefined) {
      const sh = shellFor(ctx);
      if (!sh) return 1;
      sh.env.set(variable, r.text);
    } else {
      ctx.stdout.write(r.text);
    }
    return r.errors.length > 0 ? 1 : 0;
  },
};
