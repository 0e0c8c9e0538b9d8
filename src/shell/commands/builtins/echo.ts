/** echo (-n -e -E, as bash's builtin parses them) and printf. */
import type { Command } from '../../types';
import { backslashEscapes, formatPrintf } from './printfFormat';
import { isName, shellFor } from './util';

export const echo: Command = {
  name: 'echo',
  summary: 'Write arguments to the standard output.',
  run(ctx) {
    const args = ctx.argv.slice(1);
    let newline = true;
    let escapes = false;
    // Leading words made only of n, e and E are options; anything else is text (`echo -x` prints -x).
    while (args.length > 0 && /^-[neE]+$/.test(args[0]!)) {
      for (const c of args.shift()!.slice(1)) {
        if (c === 'n') newline = false;
        else if (c === 'e') escapes = true;
        else escapes = false;
      }
    }
    let text = args.join(' ');
    if (escapes) {
      const r = backslashEscapes(text, true);
      text = r.text;
      if (r.stop) newline = false;
    }
    ctx.stdout.write(newline ? `${text}\n` : text);
    return 0;
  },
};

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
