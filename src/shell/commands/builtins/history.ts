/** history: numbered like bash (`%5d  %s`), `history N`, `history -c`. */
import type { Command } from '../../types';

export const history: Command = {
  name: 'history',
  summary: 'Display or manipulate the history list.',
  run(ctx) {
    const args = ctx.argv.slice(1);
    if (args[0] === '-c') {
      ctx.session.clearHistory();
      return 0;
    }
    const entries = ctx.session.history;
    let first = 0;
    if (args[0] !== undefined) {
      if (!/^[0-9]+$/.test(args[0])) {
        ctx.stderr.write(args[0].startsWith('-') ? `bash: history: ${args[0].slice(0, 2)}: invalid option\n` : `bash: history: ${args[0]}: numeric argument required\n`);
        return args[0].startsWith('-') ? 2 : 1;
      }
      first = Math.max(0, entries.length - Number(args[0]));
    }
    let out = '';
    for (let i = first; i < entries.length; i++) out += `${String(i + 1).padStart(5)}  ${entries[i]}\n`;
    ctx.stdout.write(out);
    return 0;
  },
};
