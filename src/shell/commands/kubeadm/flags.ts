/**
 * kubeadm's flags, parsed with pflag's rules (cobra): `--name=value`, `--name value`, `-x value`,
 * booleans that take no value (or `--flag=false`), `--` ends flags, and an unknown flag is an error
 * kubeadm reports as `unknown flag: --foo`.
 */
import type { FlagSpec } from '../../types';

export interface KubeadmFlag extends FlagSpec {
  /** May be given several times (values accumulate, as for --ignore-preflight-errors). */
  readonly repeatable?: boolean;
}

export interface ParsedFlags {
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly args: readonly string[];
}

export type FlagParse = { readonly ok: true; readonly parsed: ParsedFlags } | { readonly ok: false; readonly error: string };

export const HELP_FLAG: KubeadmFlag = { name: '--help', short: '-h', takesValue: false, description: 'help for this command' };
export const GLOBAL_FLAGS: readonly KubeadmFlag[] = [
  { name: '--add-dir-header', takesValue: false, description: 'If true, adds the file directory to the header of the log messages' },
  { name: '--log-file', takesValue: true, description: 'If non-empty, use this log file' },
  { name: '--rootfs', takesValue: true, description: '[EXPERIMENTAL] The path to the \'real\' host root filesystem.' },
  { name: '--skip-headers', takesValue: false, description: 'If true, avoid header prefixes in the log messages' },
  { name: '--v', short: '-v', takesValue: true, description: 'number for the log level verbosity' },
];

export function parseFlags(argv: readonly string[], specs: readonly KubeadmFlag[]): FlagParse {
  const all = [...specs, HELP_FLAG, ...GLOBAL_FLAGS];
  const values = new Map<string, string[]>();
  const args: string[] = [];
  const put = (spec: KubeadmFlag, value: string) => {
    const list = values.get(spec.name) ?? [];
    list.push(value);
    values.set(spec.name, spec.repeatable ? list : [value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      args.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    const spec = a.startsWith('--') ? all.find((s) => s.name === name) : all.find((s) => s.short === name);
    if (!spec) {
      return { ok: false, error: a.startsWith('--') ? `unknown flag: ${name}` : `unknown shorthand flag: '${name.slice(1, 2)}' in ${a}` };
    }
    if (!spec.takesValue) {
      const v = eq < 0 ? 'true' : a.slice(eq + 1);
      if (!['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(v)) {
        return { ok: false, error: `invalid argument "${v}" for "${spec.short ? `${spec.short}, ` : ''}${spec.name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax` };
      }
      put(spec, ['true', '1', 't', 'TRUE', 'True'].includes(v) ? 'true' : 'false');
      continue;
    }
    if (eq >= 0) {
      put(spec, a.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    if (next === undefined) return { ok: false, error: `flag needs an argument: ${a.startsWith('--') ? name : `'${name.slice(1)}' in ${name}`}` };
    put(spec, next);
    i++;
  }
  return { ok: true, parsed: { values, args } };
}

export function flagValue(parsed: ParsedFlags, name: string): string | undefined {
  const list = parsed.values.get(name);
  return list?.[list.length - 1];
}

export function flagValues(parsed: ParsedFlags, name: string): readonly string[] {
  return parsed.values.get(name) ?? [];
}

export function flagBool(parsed: ParsedFlags, name: string): boolean {
  return flagValue(parsed, name) === 'true';
}

/** Go's time.ParseDuration for what --ttl takes ("24h", "1h30m", "0"). */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1e3, m: 6e4, h: 3.6e6 };
  let total = 0;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    if (m.index !== consumed) return undefined;
    total += Number(m[1]) * unit[m[2]!]!;
    consumed += m[0].length;
  }
  return consumed === text.length && consumed > 0 ? Math.round(total) : undefined;
}
