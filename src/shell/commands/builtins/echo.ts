/** echo (-n -e -E, as bash's builtin parses them). */
import type { Command } from '../../types';
import { backslashEscapes } from './backslashEscapes';

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
