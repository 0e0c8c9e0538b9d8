/**
 * curl 7.29's command line (CentOS 7): short options cluster (-sS, -sv), a short option's value may
 * follow it directly (-ofile) or be the next word, long options never take `=value`, and every
 * other word is a URL. Errors read as curl's.
 */
export interface CurlOptions {
  readonly urls: readonly string[];
  readonly silent: boolean;
  readonly showError: boolean;
  readonly verbose: boolean;
  readonly include: boolean;
  readonly head: boolean;
  readonly output: string | undefined;
  readonly remoteName: boolean;
  readonly writeOut: string | undefined;
  readonly location: boolean;
  readonly method: string | undefined;
  /** -d/--data pieces, joined with "&" (--data-binary keeps newlines). */
  readonly data: readonly { readonly value: string; readonly binary: boolean }[];
  readonly headers: readonly string[];
  readonly fail: boolean;
  readonly insecure: boolean;
  readonly maxTimeMs: number | undefined;
  readonly userAgent: string | undefined;
  readonly get: boolean;
  readonly dumpHeader: string | undefined;
  readonly help: boolean;
  readonly version: boolean;
}

type Key = keyof Omit<CurlOptions, 'urls' | 'data' | 'headers'> | 'data' | 'data-binary' | 'header' | 'url' | 'ignored';

interface Spec {
  readonly short?: string;
  readonly long: string;
  readonly key: Key;
  readonly arg?: boolean;
}

const SPECS: readonly Spec[] = [
  { short: 's', long: 'silent', key: 'silent' },
  { short: 'S', long: 'show-error', key: 'showError' },
  { short: 'v', long: 'verbose', key: 'verbose' },
  { short: 'i', long: 'include', key: 'include' },
  { short: 'I', long: 'head', key: 'head' },
  { short: 'o', long: 'output', key: 'output', arg: true },
  { short: 'O', long: 'remote-name', key: 'remoteName' },
  { short: 'w', long: 'write-out', key: 'writeOut', arg: true },
  { short: 'L', long: 'location', key: 'location' },
  { short: 'X', long: 'request', key: 'method', arg: true },
  { short: 'd', long: 'data', key: 'data', arg: true },
  { long: 'data-ascii', key: 'data', arg: true },
  { long: 'data-binary', key: 'data-binary', arg: true },
  { short: 'H', long: 'header', key: 'header', arg: true },
  { short: 'f', long: 'fail', key: 'fail' },
  { short: 'k', long: 'insecure', key: 'insecure' },
  { short: 'm', long: 'max-time', key: 'maxTimeMs', arg: true },
  { long: 'connect-timeout', key: 'ignored', arg: true },
  { short: 'A', long: 'user-agent', key: 'userAgent', arg: true },
  { short: 'G', long: 'get', key: 'get' },
  { short: 'D', long: 'dump-header', key: 'dumpHeader', arg: true },
  { long: 'url', key: 'url', arg: true },
  { short: '4', long: 'ipv4', key: 'ignored' },
  { short: 'N', long: 'no-buffer', key: 'ignored' },
  { short: '#', long: 'progress-bar', key: 'ignored' },
  { long: 'compressed', key: 'ignored' },
  { short: 'q', long: 'disable', key: 'ignored' },
  { short: 'h', long: 'help', key: 'help' },
  { short: 'V', long: 'version', key: 'version' },
];

export type CurlArgs = { readonly ok: true; readonly options: CurlOptions } | { readonly ok: false; readonly message: string };

/** The options curl 7.29 knows: for completion and --help. */
export const CURL_LONG_OPTIONS: readonly string[] = SPECS.map((s) => `--${s.long}`);

export function parseCurlArgs(args: readonly string[]): CurlArgs {
  const flags = new Set<Key>();
  const values = new Map<Key, string>();
  const urls: string[] = [];
  const data: { value: string; binary: boolean }[] = [];
  const headers: string[] = [];
  const take = (spec: Spec, value: string): string | undefined => {
    if (spec.key === 'maxTimeMs' && !/^\d+(\.\d+)?$/.test(value)) return `curl: option --${spec.long}: expected a proper numerical parameter`;
    if (spec.key === 'data' || spec.key === 'data-binary') data.push({ value, binary: spec.key === 'data-binary' });
    else if (spec.key === 'header') headers.push(value);
    else if (spec.key === 'url') urls.push(value);
    else values.set(spec.key, value);
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--') && a.length > 2) {
      const spec = SPECS.find((s) => s.long === a.slice(2));
      if (!spec) return { ok: false, message: `curl: option ${a}: is unknown` };
      if (spec.arg) {
        const value = args[++i];
        if (value === undefined) return { ok: false, message: `curl: option ${a}: requires parameter` };
        const problem = take(spec, value);
        if (problem) return { ok: false, message: problem };
      } else flags.add(spec.key);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const spec = SPECS.find((s) => s.short === a[j]);
        if (!spec) return { ok: false, message: `curl: option ${a}: is unknown` };
        if (!spec.arg) {
          flags.add(spec.key);
          continue;
        }
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) return { ok: false, message: `curl: option -${a[j]}: requires parameter` };
        const problem = take(spec, value);
        if (problem) return { ok: false, message: problem };
        break;
      }
      continue;
    }
    urls.push(a);
  }
  const maxTime = values.get('maxTimeMs');
  return {
    ok: true,
    options: {
      urls, data, headers,
      silent: flags.has('silent'), showError: flags.has('showError'), verbose: flags.has('verbose'), include: flags.has('include'),
      head: flags.has('head'), output: values.get('output'), remoteName: flags.has('remoteName'), writeOut: values.get('writeOut'),
      location: flags.has('location'), method: values.get('method'), fail: flags.has('fail'), insecure: flags.has('insecure'),
      maxTimeMs: maxTime === undefined ? undefined : Number(maxTime) * 1000, userAgent: values.get('userAgent'), get: flags.has('get'),
      dumpHeader: values.get('dumpHeader'), help: flags.has('help'), version: flags.has('version'),
    },
  };
}
