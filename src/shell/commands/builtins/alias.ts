/** alias and unalias; the table lives in the session, and the parser expands it as lines are read. */
import { compareC } from '../../interpreter/glob';
import type { Command } from '../../types';
import { singleQuote } from './util';

export const alias: Command = {
  name: 'alias',
  summary: 'Define or display aliases.',
  run(ctx) {
    const args = ctx.argv.slice(1).filter((a, i) => !(i === 0 && (a === '-p' || a === '--')));
    const table = ctx.session.aliases();
    const show = (name: string, value: string): void => ctx.stdout.write(`alias ${name}=${singleQuote(value)}\n`);
    if (args.length === 0) {
      for (const name of [...table.keys()].sort(compareC)) show(name, table.get(name)!);
      return 0;
    }
    let status = 0;
    for (const arg of args) {
      const eq = arg.indexOf('=');
      if (eq > 0) {
        const name = arg.slice(0, eq);
        if (/[\s/$`=|&;()<>'"\\]/.test(name)) {
          ctx.stderr.write(`bash: alias: \`${name}': invalid alias name\n`);
          status = 1;
          continue;
        }
        ctx.session.setAlias(name, arg.slice(eq + 1));
      } else {
        const value = table.get(arg);
        if (value === undefined) {
          ctx.stderr.write(`bash: alias: ${arg}: not found\n`);
          status = 1;
        } else show(arg, value);
      }
    }
    return status;
  },
};

export const unalias: Command = {
  name: 'unalias',
  summary: 'Remove each NAME from the list of defined aliases.',
  run(ctx) {
    const args = ctx.argv.slice(1);
    if (args[0] === '-a') {
      for (const name of [...ctx.session.aliases().keys()]) ctx.session.unsetAlias(name);
      return 0;
    }
    if (args.length === 0) {
      ctx.stderr.write('unalias: usage: unalias [-a] name [name ...]\n');
      return 2;
    }
    let status = 0;
    for (const name of args) {
      if (!ctx.session.unsetAlias(name)) {
        ctx.stderr.write(`bash: unalias: ${name}: not found\n`);
        status = 1;
      }
    }
    return status;
  },
};
