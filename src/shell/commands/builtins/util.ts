/**
 * Helpers shared by the builtins: reaching the shell that runs them, names, bash's quoting in
 * listings (`declare -x`, `alias`, `set`).
 */
import { shellOf } from '../../interpreter/commandApi';
import type { Shell } from '../../interpreter/shell';
import type { CommandContext } from '../../types';

/** The running shell; builtins get it through their SessionApi. */
export function shellFor(ctx: CommandContext): Shell | undefined {
  const sh = shellOf(ctx.session);
  if (!sh) ctx.stderr.write(`bash: ${ctx.argv[0] ?? 'builtin'}: only available inside the shell\n`);
  return sh;
}

export function isName(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text);
}

/** 'value' with embedded quotes as '\'' — how `alias` and `set` print values. */
export function singleQuote(value: string): string {
  return `'${value.replace(/'/g, "'\\''")}'`;
}

/** How `set` shows a value: bare when it needs no quoting. */
export function setQuote(value: string): string {
  return /^[A-Za-z0-9_/.,:=@%+-]*$/.test(value) ? value : singleQuote(value);
}

/** "value" with \ " $ ` escaped — how `declare -x` (export -p) prints values. */
export function doubleQuote(value: string): string {
  return `"${value.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
}

/** Splits leading options (`-x`, `-abc`) from operands, stopping at `--` or the first operand. */
export function splitOptions(args: readonly string[], known: string): { flags: Set<string>; operands: string[]; bad?: string } {
  const flags = new Set<string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (const c of a.slice(1)) {
      if (!known.includes(c)) return { flags, operands: args.slice(i + 1), bad: `-${c}` };
      flags.add(c);
    }
  }
  return { flags, operands: args.slice(i) };
}
