/**
 * Flag parsing with spf13/pflag's rules, which kubectl inherits from cobra: flags may appear
 * anywhere among the arguments (interspersed), `--name=value` or `--name value`, `-n value`,
 * `-nvalue`, `-n=value`, bundled booleans (`-Aw`), and `--` ends flag parsing. Errors use pflag's
 * own wording ("unknown flag: --foo", "flag needs an argument: 'n' in -n").
 */
export type FlagKind = 'bool' | 'string' | 'int' | 'strings';

export interface FlagDef {
  /** Long name without dashes: "namespace". */
  readonly name: string;
  /** One letter: "n". */
  readonly short?: string;
  readonly kind: FlagKind;
  readonly description: string;
  /** Shown in help as the default ("''", "false", "-1"). */
  readonly defaultText?: string;
  /** Completion candidates for the value. */
  readonly values?: readonly string[];
}

export type FlagValue = string | boolean | number | readonly string[];

export interface ParsedFlags {
  readonly values: ReadonlyMap<string, FlagValue>;
  /** Positional arguments, in order. */
  readonly args: readonly string[];
  /** Arguments after a bare "--" (kubectl exec/run take them as a command). */
  readonly afterDash: readonly string[] | undefined;
}

export type FlagParse = { readonly ok: true; readonly flags: ParsedFlags } | { readonly ok: false; readonly error: string };

export function parseFlags(argv: readonly string[], defs: readonly FlagDef[]): FlagParse {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short!, d]));
  const values = new Map<string, FlagValue>();
  const args: string[] = [];
  const set = (def: FlagDef, raw: string, shown: string): string | undefined => {
    switch (def.kind) {
      case 'bool': {
        const b = parseBool(raw);
        if (b === undefined) return `invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`;
        values.set(def.name, b);
        return undefined;
      }
      case 'int': {
        if (!/^[-+]?\d+$/.test(raw)) return `invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`;
        values.set(def.name, Number(raw));
        return undefined;
      }
      case 'string':
        values.set(def.name, raw);
        return undefined;
      case 'strings': {
        const prev = (values.get(def.name) as readonly string[] | undefined) ?? [];
        values.set(def.name, [...prev, raw]);
        return undefined;
      }
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return { ok: true, flags: { values, args, afterDash: argv.slice(i + 1) } };
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const def = byName.get(name);
      if (!def) return { ok: false, error: `unknown flag: --${name}` };
      let raw: string;
      if (eq >= 0) raw = arg.slice(eq + 1);
      else if (def.kind === 'bool') raw = 'true';
      else if (i + 1 < argv.length) raw = argv[++i]!;
      else return { ok: false, error: `flag needs an argument: --${name}` };
      const err = set(def, raw, `--${name}`);
      if (err) return { ok: false, error: err };
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1 && arg !== '-') {
      // A run of shorthand flags: booleans may be bundled, a value-taking flag ends the run.
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j]!;
        const def = byShort.get(letter);
        if (!def) return { ok: false, error: `unknown shorthand flag: '${letter}' in ${arg}` };
        const rest = arg.slice(j + 1);
        if (def.kind === 'bool') {
          if (rest.startsWith('=')) {
            const err = set(def, rest.slice(1), `-${letter}, --${def.name}`);
            if (err) return { ok: false, error: err };
            break;
          }
          values.set(def.name, true);
          continue;
        }
        let raw: string;
        if (rest.startsWith('=')) raw = rest.slice(1);
        else if (rest !== '') raw = rest;
        else if (i + 1 < argv.length) raw = argv[++i]!;
        else return { ok: false, error: `flag needs an argument: '${letter}' in -${letter}` };
        const err = set(def, raw, `-${letter}, --${def.name}`);
        if (err) return { ok: false, error: err };
        break;
      }
      continue;
    }
    args.push(arg);
  }
  return { ok: true, flags: { values, args, afterDash: undefined } };
}

function parseBool(raw: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(raw)) return false;
  return undefined;
}

export function flagString(flags: ParsedFlags, name: string): string | undefined {
  const v = flags.values.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function flagBool(flags: ParsedFlags, name: string): boolean {
  return flags.values.get(name) === true;
}

export function flagInt(flags: ParsedFlags, name: string): number | undefined {
  const v = flags.values.get(name);
  return typeof v === 'number' ? v : undefined;
}

export function flagStrings(flags: ParsedFlags, name: string): readonly string[] {
  const v = flags.values.get(name);
  return Array.isArray(v) ? (v as readonly string[]) : [];
}

/** Flags every kubectl command takes (kubectl options). */
export const GLOBAL_FLAGS: readonly FlagDef[] = [
  { name: 'kubeconfig', kind: 'string', description: 'Path to the kubeconfig file to use for CLI requests.', defaultText: "''" },
  { name: 'namespace', short: 'n', kind: 'string', description: 'If present, the namespace scope for this CLI request', defaultText: "''" },
  { name: 'context', kind: 'string', description: 'The name of the kubeconfig context to use', defaultText: "''" },
  { name: 'cluster', kind: 'string', description: 'The name of the kubeconfig cluster to use', defaultText: "''" },
  { name: 'user', kind: 'string', description: 'The name of the kubeconfig user to use', defaultText: "''" },
  { name: 'server', short: 's', kind: 'string', description: 'The address and port of the Kubernetes API server', defaultText: "''" },
  { name: 'insecure-skip-tls-verify', kind: 'bool', description: "If true, the server's certificate will not be checked for validity.", defaultText: 'false' },
  { name: 'request-timeout', kind: 'string', description: 'The length of time to wait before giving up on a single server request.', defaultText: "'0'" },
  { name: 'v', short: 'v', kind: 'string', description: 'number for the log level verbosity', defaultText: '0' },
  { name: 'help', short: 'h', kind: 'bool', description: 'help for this command', defaultText: 'false' },
];

/** Global flags that take a value: needed to find the verb in `kubectl -n x get pods`. */
export function takesValue(arg: string): boolean {
  if (arg.includes('=')) return false;
  const def = arg.startsWith('--')
    ? GLOBAL_FLAGS.find((d) => d.name === arg.slice(2))
    : arg.length === 2 ? GLOBAL_FLAGS.find((d) => d.short === arg[1]) : undefined;
  return def !== undefined && def.kind !== 'bool';
}
