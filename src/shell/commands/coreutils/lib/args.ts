/**
 * GNU-style option parsing (getopt_long): clustered short options, `-n5` and `-n 5`, `--long=value`,
 * unambiguous long prefixes, options after operands, `--` to stop. Errors carry GNU's wording; the
 * caller adds "Try 'cmd --help' for more information."
 */
export interface OptSpec {
  /** The key the result uses; defaults to the long name or the short letter. */
  readonly key: string;
  readonly short?: string;
  readonly long?: string;
  readonly arg?: boolean;
  /** `--color` or `--color=auto`: a value only after `=`. */
  readonly optionalArg?: boolean;
}

export type ParsedArgs =
  | { readonly ok: true; readonly opts: ReadonlyArray<readonly [string, string]>; readonly operands: readonly string[] }
  | { readonly ok: false; readonly message: string };

export function getopt(cmd: string, args: readonly string[], specs: readonly OptSpec[]): ParsedArgs {
  const opts: [string, string][] = [];
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
      const exact = specs.find((s) => s.long === name);
      const prefixed = exact ? [exact] : specs.filter((s) => s.long?.startsWith(name));
      if (prefixed.length !== 1) {
        return { ok: false, message: prefixed.length === 0 ? `${cmd}: unrecognized option '${a}'` : `${cmd}: option '${a}' is ambiguous` };
      }
      const spec = prefixed[0]!;
      if (spec.arg) {
        let value = eq < 0 ? undefined : a.slice(eq + 1);
        if (value === undefined) value = args[++i];
        if (value === undefined) return { ok: false, message: `${cmd}: option '--${spec.long}' requires an argument` };
        opts.push([spec.key, value]);
      } else if (spec.optionalArg) {
        opts.push([spec.key, eq < 0 ? '' : a.slice(eq + 1)]);
      } else {
        if (eq >= 0) return { ok: false, message: `${cmd}: option '--${spec.long}' doesn't allow an argument` };
        opts.push([spec.key, '']);
      }
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const spec = specs.find((s) => s.short === c);
        if (!spec) return { ok: false, message: `${cmd}: invalid option -- '${c}'` };
        if (spec.arg) {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (value === undefined) return { ok: false, message: `${cmd}: option requires an argument -- '${c}'` };
          opts.push([spec.key, value]);
          break;
        }
        opts.push([spec.key, '']);
      }
      continue;
    }
    operands.push(a);
  }
  return { ok: true, opts, operands };
}

/** Convenience reads over the parsed list. */
export class Options {
  constructor(private readonly list: ReadonlyArray<readonly [string, string]>) {}
  has(key: string): boolean {
    return this.list.some(([k]) => k === key);
  }
  value(key: string): string | undefined {
    let v: string | undefined;
    for (const [k, val] of this.list) if (k === key) v = val;
    return v;
  }
  /** Which of the keys came last (`rm -i -f`: -f wins). */
  last(keys: readonly string[]): string | undefined {
    let found: string | undefined;
    for (const [k] of this.list) if (keys.includes(k)) found = k;
    return found;
  }
}

/** The usual trailer of a usage error. */
export function tryHelp(cmd: string): string {
  return `Try '${cmd} --help' for more information.\n`;
}
