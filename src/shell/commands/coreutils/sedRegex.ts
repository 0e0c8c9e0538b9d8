/**
 * The regular expressions and replacements of sed scripts: sed's own escapes (\n, \t, an escaped
 * delimiter) on top of POSIX's BRE/ERE (lib/regex.ts), and the parts of an `s` command's RHS
 * (`&`, `\1`-`\9`, GNU's case conversions).
 */
import { posixToJs } from './lib/regex';

export type ReplacementPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'group'; readonly n: number }
  /** GNU's \U \L \u \l \E */
  | { readonly kind: 'case'; readonly op: 'U' | 'L' | 'u' | 'l' | 'E' };

export type CompiledRegex = { readonly ok: true; readonly re: RegExp } | { readonly ok: false; readonly message: string };

export function compileSedRegex(body: string, delim: string, extended: boolean, flags: string): CompiledRegex {
  let pattern = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\' || i + 1 >= body.length) {
      pattern += ch;
      continue;
    }
    const e = body[++i]!;
    if (e === 'n') pattern += '\n';
    else if (e === 't') pattern += '\t';
    // An escaped delimiter is the character itself, whatever it means to regular expressions.
    else if (e === delim && delim !== '\n') pattern += extended || '.*[]^$\\'.includes(e) ? `\\${e}` : e;
    else pattern += `\\${e}`;
  }
  // A leading `*` is literal in a BRE (also after `^`); in an ERE it has nothing to repeat.
  if (extended && /(^|[^\\][(|])\*|^\^?\*/.test(pattern)) return { ok: false, message: 'Invalid preceding regular expression' };
  if (!extended && pattern.startsWith('^*')) pattern = `^\\*${pattern.slice(2)}`;
  try {
    return { ok: true, re: new RegExp(posixToJs(pattern, extended), `g${flags}`) };
  } catch (e) {
    return { ok: false, message: regexMessage(e, pattern) };
  }
}

export function parseReplacement(rhs: string, delim: string): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < rhs.length; i++) {
    const c = rhs[i]!;
    if (c === '&') {
      flush();
      parts.push({ kind: 'group', n: 0 });
      continue;
    }
    if (c !== '\\' || i + 1 >= rhs.length) {
      text += c;
      continue;
    }
    const e = rhs[++i]!;
    if (/\d/.test(e)) {
      flush();
      parts.push({ kind: 'group', n: Number(e) });
    } else if ('ULulE'.includes(e)) {
      flush();
      parts.push({ kind: 'case', op: e as 'U' | 'L' | 'u' | 'l' | 'E' });
    } else if (e === 'n') text += '\n';
    else if (e === 't') text += '\t';
    else if (e === delim || e === '&' || e === '\\' || e === '\n') text += e;
    else text += e;
  }
  flush();
  return parts;
}

function regexMessage(e: unknown, pattern: string): string {
  const text = e instanceof Error ? e.message : String(e);
  if (/Unmatched \[/.test(text) || /Unterminated character class/.test(text)) return 'Unmatched [ or [^';
  if (/Unterminated group|Unmatched '\('/.test(text) || (pattern.includes('\\(') && !pattern.includes('\\)'))) return 'Unmatched ( or \\(';
  if (/Unmatched '\)'/.test(text)) return 'Unmatched ) or \\)';
  if (/Nothing to repeat/.test(text)) return 'Invalid preceding regular expression';
  if (/Incomplete quantifier|numbers out of order/.test(text)) return 'Invalid content of \\{\\}';
  if (/Trailing backslash|\\ at end of pattern/.test(text)) return 'Trailing backslash';
  return 'Invalid regular expression';
}

