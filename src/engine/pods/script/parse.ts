/**
 * The POSIX shell subset container commands are written in (`sh -c 'while true; do echo …; sleep
 * 1; done'`): words with quotes, `$VAR`, `${VAR:-x}`, `$(…)`, `` `…` `` and `$((…))`; `;`, `&&`,
 * `||`, `|`, `&`; `>`, `>>`, `<`, `2>&1`; `while`/`until`, `for`, `if`/`elif`/`else`, `{ …; }` and
 * `( … )`. The engine cannot use the shell layer's parser (layers point down), and a container's
 * /bin/sh is a smaller language than the learner's bash anyway. Syntax errors come back as
 * busybox ash words them.
 */
export type WordPart =
  | { readonly kind: 'lit'; readonly text: string; readonly quoted: boolean }
  | { readonly kind: 'var'; readonly name: string; readonly op?: string; readonly arg?: Word; readonly quoted: boolean }
  | { readonly kind: 'sub'; readonly script: List; readonly quoted: boolean }
  | { readonly kind: 'arith'; readonly expr: string; readonly quoted: boolean };
export interface Word { readonly parts: readonly WordPart[] }

export type Redirect =
  | { readonly fd: 0 | 1 | 2; readonly op: '>' | '>>' | '<'; readonly target: Word }
  | { readonly fd: 1 | 2; readonly op: 'dup'; readonly to: 1 | 2 };

export type Command =
  | { readonly kind: 'simple'; readonly assigns: readonly (readonly [string, Word])[]; readonly words: readonly Word[]; readonly redirects: readonly Redirect[] }
  | { readonly kind: 'loop'; readonly until: boolean; readonly cond: List; readonly body: List }
  | { readonly kind: 'for'; readonly name: string; readonly items: readonly Word[] | undefined; readonly body: List }
  | { readonly kind: 'if'; readonly branches: readonly (readonly [List, List])[]; readonly otherwise: List | undefined }
  | { readonly kind: 'group'; readonly body: List };
export interface Pipeline { readonly negate: boolean; readonly commands: readonly Command[] }
export interface AndOr { readonly first: Pipeline; readonly rest: readonly (readonly ['&&' | '||', Pipeline])[]; readonly background: boolean }
export type List = readonly AndOr[];

export type ParseResult = { readonly ok: true; readonly list: List } | { readonly ok: false; readonly message: string };

type Token = { readonly kind: 'word'; readonly word: Word; readonly raw: string } | { readonly kind: 'op'; readonly op: string };

const OPS = ['&&', '||', '>>', '2>&1', '1>&2', '>&2', '2>>', '2>', '&', '|', ';', '\n', '(', ')', '<', '>'];
const RESERVED = new Set(['do', 'done', 'then', 'elif', 'else', 'fi', '}', 'in']);

class SyntaxError extends Error {}

export function parseScript(text: string): ParseResult {
  try {
    const parser = new Parser(lex(text));
    const list = parser.list(new Set());
    if (!parser.done()) throw new SyntaxError(parser.unexpected());
    return { ok: true, list };
  } catch (e) {
    if (e instanceof SyntaxError) return { ok: false, message: `syntax error: ${e.message}` };
    throw e;
  }
}

/** Tokens of a script: words keep their parts, operators their text. */
function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '\\' && src[i + 1] === '\n') { i += 2; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    // "2>" is an operator only where a word starts: "a2>b" is the word "a2" and a redirection.
    const atWordStart = i === 0 || /[\s;&|()<>]/.test(src[i - 1]!);
    const op = OPS.find((o) => src.startsWith(o, i) && (!/^[12]/.test(o) || atWordStart));
    if (op) {
      out.push({ kind: 'op', op });
      i += op.length;
      continue;
    }
    const start = i;
    const [word, end] = lexWord(src, i);
    out.push({ kind: 'word', word, raw: src.slice(start, end) });
    i = end;
  }
  return out;
}

function isWordEnd(c: string): boolean {
  return /[\s;&|()<>]/.test(c);
}

function lexWord(src: string, from: number): [Word, number] {
  const parts: WordPart[] = [];
  let lit = '';
  let litQuoted = false;
  const flush = (): void => {
    if (lit !== '') parts.push({ kind: 'lit', text: lit, quoted: litQuoted });
    lit = '';
  };
  const addLit = (text: string, quoted: boolean): void => {
    if (quoted !== litQuoted) flush();
    litQuoted = quoted;
    lit += text;
  };
  let i = from;
  while (i < src.length && !isWordEnd(src[i]!)) {
    const c = src[i]!;
    if (c === "'") {
      const close = src.indexOf("'", i + 1);
      if (close < 0) throw new SyntaxError('unterminated quoted string');
      addLit(src.slice(i + 1, close), true);
      if (close === i + 1) { flush(); parts.push({ kind: 'lit', text: '', quoted: true }); }
      i = close + 1;
    } else if (c === '"') {
      i++;
      let any = false;
      while (i < src.length && src[i] !== '"') {
        any = true;
        const d = src[i]!;
        if (d === '\\' && /[$`"\\\n]/.test(src[i + 1] ?? '')) { addLit(src[i + 1]!, true); i += 2; continue; }
        if (d === '$' || d === '`') {
          const [part, end] = lexDollar(src, i, true);
          if (part) { flush(); parts.push(part); i = end; continue; }
        }
        addLit(d, true);
        i++;
      }
      if (i >= src.length) throw new SyntaxError('unterminated quoted string');
      if (!any) { flush(); parts.push({ kind: 'lit', text: '', quoted: true }); }
      i++;
    } else if (c === '\\') {
      addLit(src[i + 1] ?? '', true);
      i += 2;
    } else if (c === '$' || c === '`') {
      const [part, end] = lexDollar(src, i, false);
      if (part) { flush(); parts.push(part); i = end; } else { addLit(c, false); i++; }
    } else {
      addLit(c, false);
      i++;
    }
  }
  flush();
  return [{ parts }, i];
}

/** `$NAME`, `${NAME…}`, `$(…)`, `$((…))` or a backquoted command at src[i]. */
function lexDollar(src: string, i: number, quoted: boolean): [WordPart | undefined, number] {
  if (src[i] === '`') {
    const close = src.indexOf('`', i + 1);
    if (close < 0) throw new SyntaxError('unterminated quoted string');
    return [{ kind: 'sub', script: subScript(src.slice(i + 1, close)), quoted }, close + 1];
  }
  const next = src[i + 1] ?? '';
  if (src.startsWith('$((', i)) {
    const close = matching(src, i + 1);
    return [{ kind: 'arith', expr: src.slice(i + 3, close - 1), quoted }, close + 1];
  }
  if (next === '(') {
    const close = matching(src, i + 1);
    return [{ kind: 'sub', script: subScript(src.slice(i + 2, close)), quoted }, close + 1];
  }
  if (next === '{') {
    const close = src.indexOf('}', i + 2);
    if (close < 0) throw new SyntaxError('missing }');
    const body = src.slice(i + 2, close);
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#$@*!])(?::?[-=+?])?/.exec(body);
    if (!m) throw new SyntaxError('bad substitution');
    const op = body.slice(m[1]!.length, m[0].length);
    return [{ kind: 'var', name: m[1]!, ...(op ? { op, arg: lexWord(body.slice(m[0].length).replace(/[\s;&|()<>]/g, (x) => `\\${x}`), 0)[0] } : {}), quoted }, close + 1];
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#$@*!])/.exec(src.slice(i + 1));
  if (!m) return [undefined, i];
  return [{ kind: 'var', name: m[1]!, quoted }, i + 1 + m[1]!.length];
}

/** Index of the parenthesis closing the one at src[open], skipping quotes. */
function matching(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i]!;
    if (c === "'") { i = src.indexOf("'", i + 1); if (i < 0) break; continue; }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new SyntaxError('unterminated $(');
}

function subScript(text: string): List {
  const parsed = parseScript(text);
  if (!parsed.ok) throw new SyntaxError(parsed.message.replace(/^syntax error: /, ''));
  return parsed.list;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  done(): boolean {
    this.skipNewlines();
    return this.pos >= this.tokens.length;
  }

  /** ash's words for the token it stopped at. */
  unexpected(): string {
    const t = this.tokens[this.pos];
    if (t === undefined) return 'unexpected end of file';
    const text = t.kind === 'op' ? (t.op === '\n' ? 'newline' : t.op) : t.raw;
    return `unexpected "${text}"`;
  }

  /** A list up to one of the `stop` words (not consumed). */
  list(stop: ReadonlySet<string>): List {
    const out: AndOr[] = [];
    for (;;) {
      this.skipNewlines(true);
      const t = this.tokens[this.pos];
      if (t === undefined || (t.kind === 'word' && stop.has(t.raw)) || (t.kind === 'op' && t.op === ')')) return out;
      const first = this.pipeline();
      const rest: (readonly ['&&' | '||', Pipeline])[] = [];
      for (let op = this.op(); op === '&&' || op === '||'; op = this.op()) {
        this.pos++;
        this.skipNewlines();
        rest.push([op, this.pipeline()]);
      }
      const sep = this.op();
      const background = sep === '&';
      out.push({ first, rest, background });
      if (sep === ';' || sep === '&' || sep === '\n') this.pos++;
      else if (!(sep === ')' || this.pos >= this.tokens.length || (this.tokens[this.pos]?.kind === 'word' && stop.has((this.tokens[this.pos] as { raw: string }).raw)))) {
        throw new SyntaxError(this.unexpected());
      }
    }
  }

  private pipeline(): Pipeline {
    let negate = false;
    if (this.wordIs('!')) { negate = true; this.pos++; }
    const commands = [this.command()];
    while (this.op() === '|') {
      this.pos++;
      this.skipNewlines();
      commands.push(this.command());
    }
    return { negate, commands };
  }

  private command(): Command {
    const t = this.tokens[this.pos];
    if (t === undefined) throw new SyntaxError('unexpected end of file');
    if (t.kind === 'op' && t.op === '(') {
      this.pos++;
      const body = this.list(new Set());
      this.expectOp(')');
      return { kind: 'group', body };
    }
    if (t.kind === 'word') {
      switch (t.raw) {
        case 'while':
        case 'until': {
          this.pos++;
          const cond = this.list(new Set(['do']));
          this.expectWord('do');
          const body = this.list(new Set(['done']));
          this.expectWord('done');
          return { kind: 'loop', until: t.raw === 'until', cond, body };
        }
        case 'for': {
          this.pos++;
          const name = this.tokens[this.pos];
          if (name?.kind !== 'word' || !/^[A-Za-z_]\w*$/.test(name.raw)) throw new SyntaxError(`bad for loop variable`);
          this.pos++;
          this.skipNewlines();
          let items: Word[] | undefined;
          if (this.wordIs('in')) {
            this.pos++;
            items = [];
            for (let w = this.tokens[this.pos]; w?.kind === 'word' && w.raw !== 'do'; w = this.tokens[this.pos]) { items.push(w.word); this.pos++; }
          }
          if (this.op() === ';' || this.op() === '\n') this.pos++;
          this.skipNewlines();
          this.expectWord('do');
          const body = this.list(new Set(['done']));
          this.expectWord('done');
          return { kind: 'for', name: name.raw, items, body };
        }
        case 'if': {
          this.pos++;
          const branches: [List, List][] = [];
          let otherwise: List | undefined;
          for (;;) {
            const cond = this.list(new Set(['then']));
            this.expectWord('then');
            const body = this.list(new Set(['elif', 'else', 'fi']));
            branches.push([cond, body]);
            if (this.wordIs('elif')) { this.pos++; continue; }
            if (this.wordIs('else')) { this.pos++; otherwise = this.list(new Set(['fi'])); }
            this.expectWord('fi');
            return { kind: 'if', branches, otherwise };
          }
        }
        case '{': {
          this.pos++;
          const body = this.list(new Set(['}']));
          this.expectWord('}');
          return { kind: 'group', body };
        }
        default:
          if (RESERVED.has(t.raw)) throw new SyntaxError(`unexpected "${t.raw}"`);
      }
    }
    return this.simple();
  }

  private simple(): Command {
    const assigns: [string, Word][] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const t = this.tokens[this.pos];
      if (t === undefined) break;
      if (t.kind === 'op') {
        const r = this.redirect(t.op);
        if (!r) break;
        redirects.push(r);
        continue;
      }
      const eq = /^([A-Za-z_]\w*)=/.exec(t.raw);
      if (eq && words.length === 0) {
        assigns.push([eq[1]!, dropPrefix(t.word, eq[0].length)]);
      } else words.push(t.word);
      this.pos++;
    }
    if (words.length === 0 && assigns.length === 0 && redirects.length === 0) throw new SyntaxError(this.unexpected());
    return { kind: 'simple', assigns, words, redirects };
  }

  private redirect(op: string): Redirect | undefined {
    const fileOps: Record<string, [0 | 1 | 2, '>' | '>>' | '<']> = { '>': [1, '>'], '>>': [1, '>>'], '<': [0, '<'], '2>': [2, '>'], '2>>': [2, '>>'] };
    if (op === '2>&1') { this.pos++; return { fd: 2, op: 'dup', to: 1 }; }
    if (op === '1>&2' || op === '>&2') { this.pos++; return { fd: 1, op: 'dup', to: 2 }; }
    const spec = fileOps[op];
    if (!spec) return undefined;
    this.pos++;
    const target = this.tokens[this.pos];
    if (target?.kind !== 'word') throw new SyntaxError(this.unexpected());
    this.pos++;
    return { fd: spec[0], op: spec[1], target: target.word };
  }

  private op(): string | undefined {
    const t = this.tokens[this.pos];
    return t?.kind === 'op' ? t.op : undefined;
  }

  private wordIs(text: string): boolean {
    const t = this.tokens[this.pos];
    return t?.kind === 'word' && t.raw === text;
  }

  private expectWord(text: string): void {
    this.skipNewlines(true);
    if (!this.wordIs(text)) throw new SyntaxError(`${this.unexpected()} (expecting "${text}")`);
    this.pos++;
  }

  private expectOp(op: string): void {
    if (this.op() !== op) throw new SyntaxError(`${this.unexpected()} (expecting "${op}")`);
    this.pos++;
  }

  private skipNewlines(semicolons = false): void {
    while (this.op() === '\n' || (semicolons && this.op() === ';')) this.pos++;
  }
}

/** The word after `NAME=`: its first literal part loses the prefix. */
function dropPrefix(word: Word, n: number): Word {
  const [first, ...rest] = word.parts;
  if (first?.kind !== 'lit') return word;
  const text = first.text.slice(n);
  return { parts: text === '' && rest.length > 0 ? rest : [{ ...first, text }, ...rest] };
}
