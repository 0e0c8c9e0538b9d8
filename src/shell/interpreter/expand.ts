/**
 * Word expansion in bash's order: tilde, parameters, command substitution and arithmetic (left to
 * right), then word splitting of the unquoted results on IFS, then pathname expansion against the
 * host's filesystem (a pattern that matches nothing stays as typed).
 */
import type { ParamPart, Script, Word, WordPart } from '../parser/ast';
import type { ShellGen } from '../runtime/effects';
import { ArithError, evaluateArithmetic } from './arith';
import { escapePattern, globPaths, hasGlobChars, patternSource } from './glob';
import type { Shell } from './shell';

/** An expansion that stops the command: "bad substitution", `${X:?}`, a division by zero. */
export class ExpansionError {
  constructor(readonly message: string) {}
}

export interface ExpandContext {
  readonly sh: Shell;
  /** Runs `$(...)` and returns what it printed, trailing newlines removed. */
  substitute(script: Script): ShellGen<string>;
}

interface Segment {
  readonly text: string;
  readonly quoted: boolean;
  /** Unquoted expansion results are split on IFS; literal text never is. */
  readonly splittable: boolean;
}
/** "$@" separates its parameters into fields of their own. */
type Piece = Segment | 'break';

const DEFAULT_IFS = ' \t\n';

export function* expandWords(ctx: ExpandContext, words: readonly Word[]): ShellGen<string[]> {
  const out: string[] = [];
  for (const word of words) out.push(...(yield* expandWord(ctx, word)));
  return out;
}

/** One word to its fields (zero, one or many). */
export function* expandWord(ctx: ExpandContext, word: Word): ShellGen<string[]> {
  const pieces = yield* expandParts(ctx, word.parts);
  if (isEmptyQuotedAt(ctx, word)) return [];
  return toFields(ctx.sh, pieces);
}

/** A word to one string, without splitting or globbing: assignments, here-documents, `${X:-word}`. */
export function* expandString(ctx: ExpandContext, word: Word): ShellGen<string> {
  const pieces = yield* expandParts(ctx, word.parts);
  return pieces.map((p) => (p === 'break' ? ' ' : p.text)).join('');
}

/** A word as a pattern for `${X#pattern}`: quoted parts match literally. */
function* expandPattern(ctx: ExpandContext, word: Word): ShellGen<string> {
  const pieces = yield* expandParts(ctx, word.parts);
  return pieces.map((p) => (p === 'break' ? ' ' : p.quoted ? escapePattern(p.text) : p.text)).join('');
}

/** `"$@"` with no positional parameters expands to no word at all, quotes notwithstanding. */
function isEmptyQuotedAt(ctx: ExpandContext, word: Word): boolean {
  if (ctx.sh.positional.length > 0) return false;
  let sawAt = false;
  for (const p of word.parts) {
    if (p.kind === 'param' && p.name === '@' && p.quoted && p.op === undefined) sawAt = true;
    else if (!(p.kind === 'literal' && p.quoted && p.text === '')) return false;
  }
  return sawAt;
}

function* expandParts(ctx: ExpandContext, parts: readonly WordPart[]): ShellGen<Piece[]> {
  const out: Piece[] = [];
  for (const part of parts) {
    switch (part.kind) {
      case 'literal':
        out.push({ text: part.text, quoted: part.quoted, splittable: false });
        break;
      case 'tilde':
        out.push(tilde(ctx.sh, part.user));
        break;
      case 'param':
        out.push(...(yield* expandParam(ctx, part)));
        break;
      case 'command': {
        const text = yield* ctx.substitute(part.script);
        out.push({ text, quoted: part.quoted, splittable: !part.quoted });
        break;
      }
      case 'arith': {
        const expr = yield* expandString(ctx, part.expr);
        let value: number;
        try {
          value = evaluateArithmetic(expr, ctx.sh.env);
        } catch (e) {
          if (e instanceof ArithError) throw new ExpansionError(e.message);
          throw e;
        }
        out.push({ text: String(value), quoted: part.quoted, splittable: !part.quoted });
        break;
      }
      case 'bad-subst':
        throw new ExpansionError(`${part.text}: bad substitution`);
    }
  }
  return out;
}

function tilde(sh: Shell, user: string): Segment {
  if (user === '') return { text: sh.home, quoted: true, splittable: false };
  if (user === 'root') return { text: '/root', quoted: true, splittable: false };
  if (user === '+') return { text: sh.cwd, quoted: true, splittable: false };
  return { text: `~${user}`, quoted: false, splittable: false };
}

/** The value of a parameter without operators; undefined when unset. */
export function paramValue(sh: Shell, name: string): string | undefined {
  switch (name) {
    case '?': return String(sh.lastStatus);
    case '$': return String(sh.core.pid);
    case '#': return String(sh.positional.length);
    case '@':
    case '*': return sh.positional.join(name === '*' ? (sh.env.get('IFS') ?? DEFAULT_IFS).slice(0, 1) : ' ');
    case '0': return sh.arg0;
    case '!': return undefined;
    case '-': return sh.flags();
    default:
      if (/^[0-9]+$/.test(name)) return sh.positional[Number(name) - 1];
      if (name === 'RANDOM' && sh.env.get('RANDOM') === undefined) return String(sh.core.random());
      return sh.env.get(name);
  }
}

function* expandParam(ctx: ExpandContext, part: ParamPart): ShellGen<Piece[]> {
  const { sh } = ctx;
  const value = paramValue(sh, part.name);
  const piece = (text: string): Piece[] => [{ text, quoted: part.quoted, splittable: !part.quoted }];
  const op = part.op;
  if (op === undefined) {
    if (value === undefined && sh.options.nounset && part.name !== '@' && part.name !== '*') throw new ExpansionError(`${part.name}: unbound variable`);
    if (part.name === '@' && part.quoted) {
      const pieces: Piece[] = [];
      sh.positional.forEach((p, i) => {
        if (i > 0) pieces.push('break');
        pieces.push({ text: p, quoted: true, splittable: false });
      });
      return pieces;
    }
    return piece(value ?? '');
  }
  const arg = part.arg ?? { parts: [], raw: '' };
  const unsetOrNull = value === undefined || (op.startsWith(':') && value === '');
  switch (op) {
    case 'length':
      return piece(String(part.name === '@' || part.name === '*' ? sh.positional.length : [...(value ?? '')].length));
    case '-':
    case ':-':
      return unsetOrNull ? piece(yield* expandString(ctx, arg)) : piece(value);
    case '=':
    case ':=': {
      if (!unsetOrNull) return piece(value);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(part.name)) throw new ExpansionError(`$${part.name}: cannot assign in this way`);
      const assigned = yield* expandString(ctx, arg);
      sh.env.set(part.name, assigned);
      return piece(assigned);
    }
    case '+':
    case ':+':
      return unsetOrNull ? piece('') : piece(yield* expandString(ctx, arg));
    case '?':
    case ':?': {
      if (!unsetOrNull) return piece(value);
      const message = yield* expandString(ctx, arg);
      throw new ExpansionError(`${part.name}: ${message === '' ? 'parameter null or not set' : message}`);
    }
    case '#':
    case '##':
    case '%':
    case '%%':
      return piece(trimPattern(value ?? '', yield* expandPattern(ctx, arg), op));
    case '/':
    case '//': {
      const pattern = yield* expandPattern(ctx, arg);
      const replacement = yield* expandString(ctx, part.replacement ?? { parts: [], raw: '' });
      return piece(replacePattern(value ?? '', pattern, replacement, op === '//'));
    }
  }
}

function trimPattern(value: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  const re = new RegExp(`^${patternSource(pattern)}$`);
  if (op === '#' || op === '##') {
    const lengths = [...Array(value.length + 1).keys()];
    if (op === '##') lengths.reverse();
    for (const n of lengths) if (re.test(value.slice(0, n))) return value.slice(n);
  } else {
    const starts = [...Array(value.length + 1).keys()].reverse();
    if (op === '%%') starts.reverse();
    for (const s of starts) if (re.test(value.slice(s))) return value.slice(0, s);
  }
  return value;
}

function replacePattern(value: string, pattern: string, replacement: string, all: boolean): string {
  let anchor: 'start' | 'end' | undefined;
  if (pattern.startsWith('#')) {
    anchor = 'start';
    pattern = pattern.slice(1);
  } else if (pattern.startsWith('%')) {
    anchor = 'end';
    pattern = pattern.slice(1);
  }
  if (pattern === '') return value;
  const source = patternSource(pattern);
  // Shell patterns match the longest text at the leftmost position; JS quantifiers are greedy too.
  const re = new RegExp(anchor === 'start' ? `^(?:${source})` : anchor === 'end' ? `(?:${source})$` : source, all && anchor === undefined ? 'g' : '');
  return value.replace(re, () => replacement);
}

interface Field {
  text: string;
  pattern: string;
  glob: boolean;
}

/** Splitting on IFS, then globbing, as bash does after the expansions. */
function toFields(sh: Shell, pieces: readonly Piece[]): string[] {
  const ifs = sh.env.get('IFS') ?? DEFAULT_IFS;
  const white = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').join('');
  const fields: Field[] = [];
  let cur: Field | undefined;
  let afterWhite = false;
  const ensure = (): Field => (cur ??= { text: '', pattern: '', glob: false });
  const end = (): void => {
    if (cur) fields.push(cur);
    cur = undefined;
  };
  for (const piece of pieces) {
    if (piece === 'break') {
      ensure();
      end();
      continue;
    }
    if (piece.quoted) {
      const f = ensure();
      f.text += piece.text;
      f.pattern += escapePattern(piece.text);
      afterWhite = false;
      continue;
    }
    if (!piece.splittable || ifs === '') {
      if (piece.text === '' && !piece.splittable) continue;
      const f = ensure();
      f.text += piece.text;
      f.pattern += piece.text;
      if (hasGlobChars(piece.text)) f.glob = true;
      afterWhite = false;
      continue;
    }
    for (const ch of piece.text) {
      if (white.includes(ch)) {
        if (cur) {
          end();
          afterWhite = true;
        }
      } else if (ifs.includes(ch)) {
        if (cur) end();
        else if (!afterWhite) fields.push({ text: '', pattern: '', glob: false });
        afterWhite = false;
      } else {
        const f = ensure();
        f.text += ch;
        f.pattern += ch;
        if (ch === '*' || ch === '?' || ch === '[') f.glob = true;
        afterWhite = false;
      }
    }
  }
  end();
  const out: string[] = [];
  for (const f of fields) {
    if (f.glob && !sh.options.noglob) {
      const matches = globPaths(sh.core.host.fs, sh.cwd, f.pattern);
      if (matches.length > 0) {
        out.push(...matches);
        continue;
      }
    }
    out.push(f.text);
  }
  return out;
}
