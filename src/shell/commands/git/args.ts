/**
 * git's option parsing (parse-options): `-q`, `--quiet`, `-b name`, `-bname`, `--branch=name`,
 * `--branch name`, options mixed with operands, `--` to stop. Errors carry git's wording, and the
 * command then prints its usage and exits with 129.
 */
import type { CommandContext } from '../../types';

export interface GitOption {
  /** The key results use. */
  readonly key: string;
  readonly short?: string;
  readonly long?: string;
  /** Placeholder in the usage ("<branch>"); the option takes a value when set. */
  readonly value?: string;
  readonly help: string;
}

export type GitArgs =
  | { readonly ok: true; readonly opts: ReadonlyMap<string, string>; readonly operands: readonly string[] }
  | { readonly ok: false; readonly message: string };

export function parseGitArgs(args: readonly string[], options: readonly GitOption[]): GitArgs {
  const opts = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const spec = options.find((o) => o.long === name);
      if (!spec) return { ok: false, message: `error: unknown option \`${name}'` };
      if (spec.value === undefined) {
        if (eq >= 0) return { ok: false, message: `error: option \`${name}' takes no value` };
        opts.set(spec.key, '');
        continue;
      }
      const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined) return { ok: false, message: `error: option \`${name}' requires a value` };
      opts.set(spec.key, value);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const spec = options.find((o) => o.short === a[j]);
        if (!spec) return { ok: false, message: `error: unknown switch \`${a[j]}'` };
        if (spec.value === undefined) {
          opts.set(spec.key, '');
          continue;
        }
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) return { ok: false, message: `error: switch \`${a[j]}' requires a value` };
        opts.set(spec.key, value);
        break;
      }
      continue;
    }
    operands.push(a);
  }
  return { ok: true, opts, operands };
}

/** `git <cmd> -h`: the usage line, then the options; descriptions start at column 26, or below a longer option. */
export function usageText(usage: string, options: readonly GitOption[]): string {
  let out = `usage: ${usage}\n\n`;
  for (const o of options) {
    const names = [o.short ? `-${o.short}` : '', o.long ? `--${o.long}` : ''].filter(Boolean).join(', ');
    const left = `    ${names}${o.value ? ` ${o.value}` : ''}`;
    out += left.length <= 24 ? `${left.padEnd(26)}${o.help}\n` : `${left}\n${' '.repeat(26)}${o.help}\n`;
  }
  return `${out}\n`;
}

/** Prints a parse error and the usage, as parse-options does; returns git's status 129. */
export function usageError(ctx: CommandContext, message: string, usage: string, options: readonly GitOption[]): number {
  ctx.stderr.write(`${message}\n${usageText(usage, options)}`);
  return 129;
}

/** `-h` anywhere before `--` asks for the usage (exit 129, on stdout, as git does). */
export function wantsUsage(args: readonly string[]): boolean {
  const stop = args.indexOf('--');
  return (stop < 0 ? args : args.slice(0, stop)).some((a) => a === '-h' || a === '--help');
}
