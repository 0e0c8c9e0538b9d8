/**
 * A Dockerfile as the legacy builder reads it: one instruction per logical line (a trailing
 * backslash continues it), `#` comments, keywords in any case. `Step N/M : <original>` shows the
 * logical line with its continuations joined, which is what `original` holds.
 */

export type Keyword =
  | 'FROM' | 'RUN' | 'CMD' | 'ENTRYPOINT' | 'COPY' | 'ADD' | 'EXPOSE' | 'ENV' | 'WORKDIR' | 'LABEL' | 'USER'
  | 'HEALTHCHECK' | 'ARG' | 'VOLUME' | 'MAINTAINER' | 'STOPSIGNAL' | 'SHELL' | 'ONBUILD';

const KEYWORDS: ReadonlySet<string> = new Set<Keyword>([
  'FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'EXPOSE', 'ENV', 'WORKDIR', 'LABEL', 'USER',
  'HEALTHCHECK', 'ARG', 'VOLUME', 'MAINTAINER', 'STOPSIGNAL', 'SHELL', 'ONBUILD',
]);

export interface Instruction {
  readonly keyword: Keyword;
  /** Everything after the keyword, continuations joined. */
  readonly args: string;
  /** The logical line as written: "RUN pip install Flask". */
  readonly original: string;
  /** 1-based line where it starts. */
  readonly line: number;
}

export type DockerfileParse =
  | { readonly ok: true; readonly instructions: readonly Instruction[] }
  | { readonly ok: false; readonly message: string };

export function parseDockerfile(text: string, name = 'Dockerfile'): DockerfileParse {
  const instructions: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let logical = lines[i]!.replace(/\r$/, '');
    if (/^\s*(#|$)/.test(logical)) continue;
    while (/\\\s*$/.test(logical) && i + 1 < lines.length) {
      logical = logical.replace(/\\\s*$/, '');
      i++;
      const next = lines[i]!.replace(/\r$/, '');
      // Comment lines inside a continued instruction are dropped, as the builder does.
      if (!/^\s*#/.test(next)) logical += next;
    }
    const trimmed = logical.trim();
    const m = /^(\S+)\s*(.*)$/.exec(trimmed);
    if (!m) continue;
    const keyword = m[1]!.toUpperCase();
    if (!KEYWORDS.has(keyword)) return { ok: false, message: `dockerfile parse error line ${start + 1}: unknown instruction: ${m[1]!.toUpperCase()}` };
    instructions.push({ keyword: keyword as Keyword, args: m[2]!.trim(), original: trimmed, line: start + 1 });
  }
  if (instructions.length === 0) return { ok: false, message: `the Dockerfile (${name}) cannot be empty` };
  if (instructions[0]!.keyword !== 'FROM' && instructions[0]!.keyword !== 'ARG') {
    return { ok: false, message: 'No build stage in current context' };
  }
  return { ok: true, instructions };
}

/** CMD/ENTRYPOINT/RUN arguments: the JSON (exec) form, or the shell form wrapped in `/bin/sh -c`. */
export function commandForm(args: string): string[] {
  if (args.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(args);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed as string[];
    } catch {
      // Not valid JSON: the builder then treats it as the shell form.
    }
  }
  return ['/bin/sh', '-c', args];
}

/** ENV and LABEL: `KEY=value KEY2="two words"`, or the legacy `KEY value` form. */
export function keyValues(args: string): Array<readonly [string, string]> {
  if (!/^[^\s=]+=/.test(args)) {
    const m = /^(\S+)\s+(.*)$/.exec(args);
    return m ? [[m[1]!, m[2]!]] : [];
  }
  const out: Array<readonly [string, string]> = [];
  const re = /([^\s=]+)=("((?:[^"\\]|\\.)*)"|'([^']*)'|(\S*))/g;
  for (let m = re.exec(args); m; m = re.exec(args)) {
    out.push([m[1]!, m[3] !== undefined ? m[3].replace(/\\(.)/g, '$1') : m[4] ?? m[5] ?? '']);
  }
  return out;
}

/** COPY/ADD sources and destination, flags (--chown=…) dropped. */
export function copyArgs(args: string): { readonly sources: readonly string[]; readonly dest: string } | undefined {
  const parts = args.startsWith('[') ? commandForm(args) : args.split(/\s+/).filter((p) => p !== '' && !p.startsWith('--'));
  if (parts.length < 2 || parts[0] === '/bin/sh') return undefined;
  return { sources: parts.slice(0, -1), dest: parts[parts.length - 1]! };
}
