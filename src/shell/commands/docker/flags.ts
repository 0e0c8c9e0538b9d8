/**
 * Command-line flags as the docker CLI (cobra/pflag) and docker-compose v1 (docopt) take them:
 * `--name=x` or `--name x`, short flags bundled (`-it`, `-dp 80:80`, the last one may take a
 * value), repeatable flags (`-p`, `-e`), `--` ending the flags, and for commands like `run` and
 * `exec`, flags only before the first argument (what follows belongs to the container's command).
 */

export interface FlagDef {
  readonly long: string;
  readonly short?: string;
  /** Takes a value (`--name x`); otherwise a switch. */
  readonly value?: boolean;
  readonly description?: string;
}

export interface ParsedFlags {
  /** Switches that were given, by long name. */
  readonly bools: ReadonlySet<string>;
  /** Values by long name, in order given (repeatable flags keep them all). */
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly args: readonly string[];
}

export type FlagParse = { readonly ok: true; readonly parsed: ParsedFlags } | { readonly ok: false; readonly error: string };

export interface ParseOptions {
  /** Stop at the first argument: everything after it is an argument (docker run IMAGE cmd -x). */
  readonly stopAtFirstArg?: boolean;
}

export function parseFlags(argv: readonly string[], defs: readonly FlagDef[], opts: ParseOptions = {}): FlagParse {
  const bools = new Set<string>();
  const values = new Map<string, string[]>();
  const args: string[] = [];
  const add = (def: FlagDef, value: string): void => {
    const list = values.get(def.long) ?? [];
    list.push(value);
    values.set(def.long, list);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const def = defs.find((d) => d.long === name);
      if (!def) return { ok: false, error: `unknown flag: --${name}` };
      if (def.value) {
        const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) return { ok: false, error: `flag needs an argument: --${name}` };
        add(def, value);
      } else if (eq >= 0) {
        if (!/^(true|false|1|0)$/.test(a.slice(eq + 1))) return { ok: false, error: `invalid argument "${a.slice(eq + 1)}" for "--${name}" flag: strconv.ParseBool: parsing "${a.slice(eq + 1)}": invalid syntax` };
        if (/^(true|1)$/.test(a.slice(eq + 1))) bools.add(def.long);
      } else {
        bools.add(def.long);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j]!;
        const def = defs.find((d) => d.short === ch);
        if (!def) return { ok: false, error: `unknown shorthand flag: '${ch}' in ${a}` };
        if (!def.value) {
          bools.add(def.long);
          continue;
        }
        const rest = a.slice(j + 1).replace(/^=/, '');
        const value = rest !== '' ? rest : argv[++i];
        if (value === undefined) return { ok: false, error: `flag needs an argument: '${ch}' in -${ch}` };
        add(def, value);
        break;
      }
      continue;
    }
    args.push(a);
    if (opts.stopAtFirstArg) {
      args.push(...argv.slice(i + 1));
      break;
    }
  }
  return { ok: true, parsed: { bools, values, args } };
}

export function flagValue(parsed: ParsedFlags, long: string): string | undefined {
  const list = parsed.values.get(long);
  return list?.[list.length - 1];
}

export function flagValues(parsed: ParsedFlags, long: string): readonly string[] {
  return parsed.values.get(long) ?? [];
}
