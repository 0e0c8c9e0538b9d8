/**
 * POSIX regular expressions (grep's basic and extended syntax, GNU extensions included) translated
 * to JavaScript ones: in BRE, \( \) \{ \} \| \+ \? are the operators and ( ) { } | + ? are plain.
 */
const CLASSES: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: '\\x20-\\x7e', graph: '\\x21-\\x7e',
};

/** Copies a bracket expression at src[i] === '['; returns the JS source and the index of its `]`. */
function bracket(src: string, i: number): { out: string; end: number } | undefined {
  let j = i + 1;
  let out = '[';
  if (src[j] === '^') {
    out += '^';
    j++;
  }
  if (src[j] === ']') {
    out += '\\]';
    j++;
  }
  for (; j < src.length; j++) {
    const c = src[j]!;
    if (c === ']') return { out: `${out}]`, end: j };
    if (c === '[' && src[j + 1] === ':') {
      const close = src.indexOf(':]', j + 2);
      const cls = close < 0 ? undefined : CLASSES[src.slice(j + 2, close)];
      if (cls !== undefined) {
        out += cls;
        j = close + 1;
        continue;
      }
    }
    out += c === '\\' || c === '[' ? `\\${c}` : c;
  }
  return undefined;
}

export function posixToJs(pattern: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const atStart = out === '' || out.endsWith('(') || out.endsWith('|');
    if (c === '[') {
      const b = bracket(pattern, i);
      if (!b) throw new SyntaxError('Unmatched [, [^, [:, [., or [=');
      out += b.out;
      i = b.end;
      continue;
    }
    if (c === '\\') {
      const e = pattern[++i];
      if (e === undefined) throw new SyntaxError('Trailing backslash');
      if (e === '<' || e === '>') out += '\\b';
      else if (!extended && '(){}|+?'.includes(e)) out += e;
      else if ('bBwWsS'.includes(e) || /[1-9]/.test(e)) out += `\\${e}`;
      else out += /[A-Za-z0-9]/.test(e) ? e : `\\${e}`;
      continue;
    }
    if (!extended && '(){}|+?'.includes(c)) {
      out += `\\${c}`;
      continue;
    }
    if (c === '*' && atStart) {
      out += '\\*';
      continue;
    }
    if (c === '^' && !atStart && !extended) {
      out += '\\^';
      continue;
    }
    if (c === '$' && !extended && !(i === pattern.length - 1 || pattern.startsWith('\\)', i + 1) || pattern.startsWith('\\|', i + 1))) {
      out += '\\$';
      continue;
    }
    if (c === '/') {
      out += '\\/';
      continue;
    }
    out += c;
  }
  return out;
}

export interface GrepPattern {
  readonly regex: RegExp;
}

export function compilePatterns(patterns: readonly string[], opts: { extended: boolean; fixed: boolean; ignoreCase: boolean; word: boolean; line: boolean }): RegExp {
  const sources = patterns.map((p) => (opts.fixed ? p.replace(/[\\^$.*+?()[\]{}|/-]/g, (x) => `\\${x}`) : posixToJs(p, opts.extended)));
  let source = sources.map((s) => `(?:${s})`).join('|');
  if (opts.word) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  if (opts.line) source = `^(?:${source})$`;
  return new RegExp(source, opts.ignoreCase ? 'gi' : 'g');
}
