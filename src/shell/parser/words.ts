/**
 * Reading one shell word from the source: quotes, backslashes, `$` expansions and backticks, the way
 * bash's reader splits them. Command substitutions are parsed recursively by the grammar through
 * the hooks, so `$(echo "$(date)")` nests to any depth.
 */
import type { ParamOp, ParamPart, Script, Word, WordPart } from './ast';
import { NeedMore, matchingEof } from './errors';

export interface NestedParsers {
  /** Parses a list up to the `)` that closes `$(`, leaving the position after it. */
  substitution(): Script;
  /** Parses the (already unescaped) text between backticks. */
  backquoted(text: string): Script;
}

/** Characters that end an unquoted word. */
export function isMeta(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '|' || c === '&' || c === ';' || c === '(' || c === ')' || c === '<' || c === '>';
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = '@*#?$!-0';

/** Collects parts, merging neighbouring literals with the same quoting. */
export class PartsBuilder {
  readonly parts: WordPart[] = [];

  literal(text: string, quoted: boolean): void {
    const last = this.parts[this.parts.length - 1];
    if (last !== undefined && last.kind === 'literal' && last.quoted === quoted && (text !== '' || !quoted)) {
      this.parts[this.parts.length - 1] = { kind: 'literal', text: last.text + text, quoted };
    } else {
      this.parts.push({ kind: 'literal', text, quoted });
    }
  }

  push(part: WordPart): void {
    this.parts.push(part);
  }
}

export class WordScanner {
  src: string;
  pos = 0;

  constructor(src: string, protected readonly nested: NestedParsers) {
    this.src = src;
  }

  protected peekChar(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  /** Reads an unquoted word at pos; undefined when pos is at a metacharacter or the end. */
  readWord(): Word | undefined {
    const start = this.pos;
    const b = new PartsBuilder();
    let first = true;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined || isMeta(c)) break;
      if (first && c === '~') {
        this.readTilde(b);
        first = false;
        continue;
      }
      first = false;
      if (c === '\\') {
        const next = this.src[this.pos + 1];
        if (next === undefined) throw new NeedMore('backslash', 'syntax error: unexpected end of file');
        this.pos += 2;
        if (next !== '\n') b.literal(next, true);
      } else if (c === "'") {
        b.literal(this.readSingleQuoted(), true);
      } else if (c === '"') {
        this.pos++;
        this.readDoubleQuoted(b);
      } else if (c === '$') {
        this.readDollar(b, false);
      } else if (c === '`') {
        b.push({ kind: 'command', script: this.readBackquote(), quoted: false });
      } else {
        b.literal(c, false);
        this.pos++;
      }
    }
    if (this.pos === start) return undefined;
    return { parts: b.parts, raw: this.src.slice(start, this.pos) };
  }

  private readTilde(b: PartsBuilder): void {
    let end = this.pos + 1;
    while (end < this.src.length && /[A-Za-z0-9._-]/.test(this.src[end]!)) end++;
    const after = this.src[end];
    if (after === undefined || after === '/' || isMeta(after)) {
      b.push({ kind: 'tilde', user: this.src.slice(this.pos + 1, end) });
      this.pos = end;
    } else {
      b.literal('~', false);
      this.pos++;
    }
  }

  /** At an opening single quote: returns the text up to the closing one. */
  protected readSingleQuoted(): string {
    const close = this.src.indexOf("'", this.pos + 1);
    if (close < 0) throw new NeedMore('quote', matchingEof("'"));
    const text = this.src.slice(this.pos + 1, close);
    this.pos = close + 1;
    return text;
  }

  /** After an opening double quote: reads up to and past the closing one. */
  protected readDoubleQuoted(b: PartsBuilder): void {
    b.literal('', true);
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) throw new NeedMore('quote', matchingEof('"'));
      if (c === '"') {
        this.pos++;
        return;
      }
      this.readQuotedChar(b);
    }
  }

  /**
   * One element of double-quoted text: `\`, `$`, backticks, text. Here-document bodies and `$((...))`
   * read the same way, except that `\"` keeps its backslash there.
   */
  protected readQuotedChar(b: PartsBuilder, inDoubleQuotes = true): void {
    const c = this.src[this.pos]!;
    if (c === '\\') {
      const next = this.src[this.pos + 1];
      if (next === undefined) {
        b.literal('\\', true);
        this.pos++;
        return;
      }
      this.pos += 2;
      if (next === '\n') return;
      if (next === '$' || next === '`' || next === '\\' || (inDoubleQuotes && next === '"')) b.literal(next, true);
      else b.literal(`\\${next}`, true);
    } else if (c === '$') {
      this.readDollar(b, true);
    } else if (c === '`') {
      b.push({ kind: 'command', script: this.readBackquote(), quoted: true });
    } else {
      b.literal(c, true);
      this.pos++;
    }
  }

  /** At a `$`. */
  protected readDollar(b: PartsBuilder, quoted: boolean): void {
    const next = this.src[this.pos + 1];
    if (next === '(' && this.src[this.pos + 2] === '(') {
      const arith = this.tryArithmetic(quoted);
      if (arith) {
        b.push(arith);
        return;
      }
    }
    if (next === '(') {
      this.pos += 2;
      b.push({ kind: 'command', script: this.nested.substitution(), quoted });
      return;
    }
    if (next === '{') {
      b.push(this.readBraceParam(quoted));
      return;
    }
    if (!quoted && next === "'") {
      this.pos++;
      b.literal(decodeAnsiC(this.readSingleQuoted()), true);
      return;
    }
    if (!quoted && next === '"') {
      this.pos += 2;
      this.readDoubleQuoted(b);
      return;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let end = this.pos + 2;
      while (end < this.src.length && NAME_CHAR.test(this.src[end]!)) end++;
      b.push({ kind: 'param', name: this.src.slice(this.pos + 1, end), quoted });
      this.pos = end;
      return;
    }
    if (next !== undefined && (/[0-9]/.test(next) || SPECIAL_PARAMS.includes(next))) {
      b.push({ kind: 'param', name: next, quoted });
      this.pos += 2;
      return;
    }
    b.literal('$', quoted);
    this.pos++;
  }

  /** `$((expr))`; undefined (position unchanged) when the parentheses do not close as `))`. */
  private tryArithmetic(quoted: boolean): WordPart | undefined {
    let depth = 0;
    let i = this.pos + 3;
    for (; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth > 0) depth--;
        else if (this.src[i + 1] === ')') break;
        else return undefined;
      }
    }
    if (i >= this.src.length) throw new NeedMore('quote', matchingEof('('));
    const text = this.src.slice(this.pos + 3, i);
    const inner = new WordScanner(text, this.nested);
    const b = new PartsBuilder();
    while (inner.pos < text.length) inner.readQuotedChar(b, false);
    this.pos = i + 2;
    return { kind: 'arith', expr: { parts: b.parts, raw: text }, quoted };
  }

  /** At `${`. */
  private readBraceParam(quoted: boolean): WordPart {
    const start = this.pos;
    this.pos += 2;
    let length = false;
    if (this.src[this.pos] === '#' && this.src[this.pos + 1] !== '}' && this.src[this.pos + 1] !== undefined) {
      length = true;
      this.pos++;
    }
    const name = this.readParamName();
    if (name === undefined) return this.badSubstitution(start);
    if (this.src[this.pos] === '}') {
      this.pos++;
      const part: ParamPart = length ? { kind: 'param', name, quoted, op: 'length' } : { kind: 'param', name, quoted };
      return part;
    }
    if (length) return this.badSubstitution(start);
    const op = this.readParamOp();
    if (op === undefined) return this.badSubstitution(start);
    if (op === '/' || op === '//') {
      const pattern = this.readParamWord(quoted, '/}');
      let replacement: Word = { parts: [], raw: '' };
      if (this.src[this.pos] === '/') {
        this.pos++;
        replacement = this.readParamWord(quoted, '}');
      }
      this.pos++;
      return { kind: 'param', name, quoted, op, arg: pattern, replacement };
    }
    const arg = this.readParamWord(quoted, '}');
    this.pos++;
    return { kind: 'param', name, quoted, op, arg };
  }

  private readParamName(): string | undefined {
    const c = this.src[this.pos];
    if (c === undefined) throw new NeedMore('quote', matchingEof('}'));
    if (NAME_START.test(c)) {
      let end = this.pos + 1;
      while (end < this.src.length && NAME_CHAR.test(this.src[end]!)) end++;
      const name = this.src.slice(this.pos, end);
      this.pos = end;
      return name;
    }
    if (/[0-9]/.test(c)) {
      let end = this.pos + 1;
      while (end < this.src.length && /[0-9]/.test(this.src[end]!)) end++;
      const name = this.src.slice(this.pos, end);
      this.pos = end;
      return name;
    }
    if (SPECIAL_PARAMS.includes(c)) {
      this.pos++;
      return c;
    }
    return undefined;
  }

  private readParamOp(): ParamOp | undefined {
    const two = this.src.slice(this.pos, this.pos + 2);
    for (const op of [':-', ':=', ':+', ':?', '##', '%%', '//'] as const) {
      if (two === op) {
        this.pos += 2;
        return op;
      }
    }
    const one = this.src[this.pos];
    for (const op of ['-', '=', '+', '?', '#', '%', '/'] as const) {
      if (one === op) {
        this.pos++;
        return op;
      }
    }
    return undefined;
  }

  /** The word inside `${name<op>...}`, up to one of the stop characters (left unconsumed). */
  private readParamWord(quoted: boolean, stops: string): Word {
    const start = this.pos;
    const b = new PartsBuilder();
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) throw new NeedMore('quote', matchingEof('}'));
      if (stops.includes(c)) break;
      if (c === '\\') {
        const next = this.src[this.pos + 1];
        if (next === undefined) throw new NeedMore('quote', matchingEof('}'));
        this.pos += 2;
        if (next !== '\n') b.literal(next, true);
      } else if (c === "'" && !quoted) {
        b.literal(this.readSingleQuoted(), true);
      } else if (c === '"') {
        this.pos++;
        this.readDoubleQuoted(b);
      } else if (c === '$') {
        this.readDollar(b, quoted);
      } else if (c === '`') {
        b.push({ kind: 'command', script: this.readBackquote(), quoted });
      } else {
        b.literal(c, quoted);
        this.pos++;
      }
    }
    return { parts: b.parts, raw: this.src.slice(start, this.pos) };
  }

  /** Skips to the `}` that closes a malformed `${...}`; bash reports it only when expanding. */
  private badSubstitution(start: number): WordPart {
    let depth = 0;
    for (let i = start + 2; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0) {
          this.pos = i + 1;
          return { kind: 'bad-subst', text: this.src.slice(start, i + 1) };
        }
        depth--;
      }
    }
    throw new NeedMore('quote', matchingEof('}'));
  }

  /** At a backtick: the unescaped text up to the closing one, parsed as a script. */
  protected readBackquote(): Script {
    let text = '';
    let i = this.pos + 1;
    for (;;) {
      const c = this.src[i];
      if (c === undefined) throw new NeedMore('quote', matchingEof('`'));
      if (c === '`') break;
      if (c === '\\') {
        const next = this.src[i + 1];
        if (next === '`' || next === '\\' || next === '$') {
          text += next;
          i += 2;
          continue;
        }
      }
      text += c;
      i++;
    }
    this.pos = i + 1;
    return this.nested.backquoted(text);
  }
}

/** Bash's `$'...'` quoting: C escapes. */
export function decodeAnsiC(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const e = text[++i]!;
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
    if (simple[e] !== undefined) {
      out += simple[e];
    } else if (e === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\x';
    } else if (/[0-7]/.test(e)) {
      const m = /^[0-7]{1,3}/.exec(text.slice(i))!;
      out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
      i += m[0].length - 1;
    } else {
      out += `\\${e}`;
    }
  }
  return out;
}

