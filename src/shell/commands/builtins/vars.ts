/** export, unset, set and shift: the builtins that change the shell's variables and options. */
import type { Command } from '../../types';
import type { Shell } from '../../interpreter/shell';
import { compareC } from '../../interpreter/glob';
import { doubleQuote, isName, setQuote, shellFor } from './util';

function printExports(sh: Shell, write: (t: string) => void): void {
  const list = [...sh.env.exportedNames()].sort((a, b) => compareC(a[0], b[0]));
  for (const [name, value] of list) write(value === undefined ? `declare -x ${name}\n` : `declare -x ${name}=${doubleQuote(value)}\n`);
}

export const exportBuiltin: Command = {
  name: 'export',
  summary: 'Set export attribute for shell variables.',
  run(ctx) {
    const sh = shellFor(ctx);
    if (!sh) return 1;
    const args = ctx.argv.slice(1);
    let remove = false;
    while (args[0]?.startsWith('-') && args[0] !== '-') {
      const opt = args.shift()!;
      if (opt === '--') break;
      for (const c of opt.slice(1)) {
        if (c === 'n') remove = true;
        else if (c !== 'p' && c !== 'f') {
          ctx.stderr.write(`bash: export: -${c}: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n`);
          return 2;
        }
      }
    }
    if (args.length === 0) {
      printExports(sh, (t) => ctx.stdout.write(t));
      return 0;
    }
    let status = 0;
    for (const arg of args) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (!isName(name)) {
        ctx.stderr.write(`bash: export: \`${arg}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      if (eq >= 0) sh.env.set(name, arg.slice(eq + 1));
      if (remove) sh.env.unexport(name);
      else sh.env.export(name);
    }
    return status;
  },
};

export const unset: Command = {
  name: 'unset',
  summary: 'Unset values and attributes of shell variables and functions.',
  run(ctx) {
    const sh = shellFor(ctx);
    if (!sh) return 1;
    let status = 0;
    for (const arg of ctx.argv.slice(1)) {
      if (arg === '-v' || arg === '-f' || arg === '--') continue;
      if (!isName(arg)) {
        ctx.stderr.write(`bash: unset: \`${arg}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      sh.env.unset(arg);
    }
    return status;
  },
};

const OPTION_LETTERS: Readonly<Record<string, keyof Shell['options']>> = { e: 'errexit', x: 'xtrace', u: 'nounset', f: 'noglob' };
const OPTION_NAMES = ['errexit', 'noglob', 'nounset', 'pipefail', 'xtrace'] as const;

export const set: Command = {
  name: 'set',
  summary: 'Set or unset values of shell options and positional parameters.',
  run(ctx) {
    const sh = shellFor(ctx);
    if (!sh) return 1;
    const args = ctx.argv.slice(1);
    if (args.length === 0) {
      const vars = [...sh.env.entries()].sort((a, b) => compareC(a[0], b[0]));
      for (const [name, value] of vars) ctx.stdout.write(`${name}=${setQuote(value)}\n`);
      return 0;
    }
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '--' || arg === '-') {
        sh.positional = args.slice(i + 1);
        return 0;
      }
      const on = arg.startsWith('-');
      if (!on && !arg.startsWith('+')) {
        sh.positional = args.slice(i);
        return 0;
      }
      for (const c of arg.slice(1)) {
        if (c === 'o') {
          const name = args[++i];
          if (name === undefined) {
            for (const n of OPTION_NAMES) ctx.stdout.write(`${n.padEnd(15)}\t${sh.options[n] ? 'on' : 'off'}\n`);
            continue;
          }
          if (!(OPTION_NAMES as readonly string[]).includes(name)) {
            ctx.stderr.write(`bash: set: ${name}: invalid option name\n`);
            return 1;
          }
          sh.options[name as (typeof OPTION_NAMES)[number]] = on;
        } else if (OPTION_LETTERS[c] !== undefined) {
          sh.options[OPTION_LETTERS[c]] = on;
        } else if (!'hmBHCvnab'.includes(c)) {
          ctx.stderr.write(`bash: set: ${on ? '-' : '+'}${c}: invalid option\n`);
          return 2;
        }
      }
    }
    return 0;
  },
};

export const shift: Command = {
  name: 'shift',
  summary: 'Shift positional parameters.',
  run(ctx) {
    const sh = shellFor(ctx);
    if (!sh) return 1;
    const arg = ctx.argv[1] ?? '1';
    if (!/^[0-9]+$/.test(arg)) {
      ctx.stderr.write(`bash: shift: ${arg}: numeric argument required\n`);
      return 1;
    }
    const n = Number(arg);
    if (n > sh.positional.length) return 1;
    sh.positional = sh.positional.slice(n);
    return 0;
  },
};
