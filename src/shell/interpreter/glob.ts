/**
 * Shell patterns (`*`, `?`, `[...]`) for pathname expansion and `${VAR#pattern}`. A backslash
 * makes the next character literal: the expander escapes quoted text that way, so `"*"` never globs.
 */
import type { VirtualFs } from '../../engine';

const CLASSES: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: '\\x20-\\x7e', graph: '\\x21-\\x7e', word: 'A-Za-z0-9_',
};

export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** The literal text a pattern stands for when nothing matches (bash keeps the word as typed). */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

export function escapePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, (c) => `\\${c}`);
}

function escapeRegExp(c: string): string {
  return c.replace(/[\\^$.*+?()[\]{}|/-]/g, (x) => `\\${x}`);
}

/** A range out of order ("[z-a]") matches no character in bash; as a JS class it would not compile. */
function bracketSource(body: string, negate: boolean): string {
  try {
    new RegExp(`[${body}]`);
  } catch {
    return negate ? '[\\s\\S]' : '(?!)';
  }
  return `[${negate ? '^' : ''}${body}]`;
}

/** Reads a bracket expression at pattern[i] === '['; undefined when it does not close (then `[` is literal). */
function bracket(pattern: string, i: number): { source: string; end: number } | undefined {
  let j = i + 1;
  let negate = false;
  if (pattern[j] === '!' || pattern[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  let first = true;
  for (; j < pattern.length; j++) {
    const c = pattern[j]!;
    if (c === ']' && !first) return { source: bracketSource(body, negate), end: j };
    first = false;
    if (c === '[' && pattern[j + 1] === ':') {
      const close = pattern.indexOf(':]', j + 2);
      const cls = close < 0 ? undefined : CLASSES[pattern.slice(j + 2, close)];
      if (cls !== undefined) {
        body += cls;
        j = close + 1;
        continue;
      }
    }
    if (c === '\\' && j + 1 < pattern.length) {
      body += escapeRegExp(pattern[++j]!);
    } else if (c === '-' && body !== '' && pattern[j + 1] !== ']' && pattern[j + 1] !== undefined) {
      body += '-';
    } else {
      body += escapeRegExp(c);
    }
  }
  return undefined;
}

/** The regular expression source for a shell pattern (unanchored). */
export function patternSource(pattern: string, opts: { slashes?: boolean } = {}): string {
  const any = opts.slashes === false ? '[^/]' : '[\\s\\S]';
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) out += escapeRegExp(pattern[++i]!);
    else if (c === '*') out += `${any}*`;
    else if (c === '?') out += any;
    else if (c === '[') {
      const b = bracket(pattern, i);
      if (b) {
        out += b.source;
        i = b.end;
      } else out += '\\[';
    } else out += escapeRegExp(c);
  }
  return out;
}

export function matchesPattern(pattern: string, text: string): boolean {
  return new RegExp(`^${patternSource(pattern)}$`).test(text);
}

/**
 * Pathname expansion: every existing path matching the pattern, sorted; empty when none does.
 * Hidden names only match a component that starts with a dot, as in bash.
 */
export function globPaths(fs: VirtualFs, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const components = pattern.split('/').filter((c, i) => c !== '' || i === 0);
  let found: string[] = [absolute ? '/' : ''];
  for (let i = absolute ? 1 : 0; i < components.length; i++) {
    const component = components[i]!;
    const last = i === components.length - 1;
    const next: string[] = [];
    for (const base of found) {
      const dir = base === '' ? cwd : base.startsWith('/') ? base : `${cwd}/${base}`;
      const join = (name: string): string => (base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`);
      if (!hasGlobChars(component)) {
        const path = join(unescapePattern(component));
        if (last ? fs.exists(resolveIn(cwd, path)) : fs.isDir(resolveIn(cwd, path))) next.push(path);
        continue;
      }
      const names = fs.readdir(dir);
      if (!names.ok) continue;
      const re = new RegExp(`^${patternSource(component, { slashes: false })}$`);
      const dotOk = component.startsWith('.') || component.startsWith('\\.');
      for (const name of names.value) {
        if (name.startsWith('.') && !dotOk) continue;
        if (!re.test(name)) continue;
        const path = join(name);
        if (last || fs.isDir(resolveIn(cwd, path))) next.push(path);
      }
    }
    found = next;
    if (found.length === 0) return [];
  }
  if (pattern.endsWith('/')) found = found.filter((p) => fs.isDir(resolveIn(cwd, p))).map((p) => `${p}/`);
  return found.sort(compareC);
}

function resolveIn(cwd: string, path: string): string {
  return path.startsWith('/') ? path : `${cwd}/${path}`;
}

/** Byte order, as bash sorts in the C locale. */
export function compareC(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
