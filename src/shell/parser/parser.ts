/**
 * The grammar: lists, and-or chains, pipelines, simple commands with assignments and redirections,
 * and the compound commands a learner types (subshells, groups, if, for, while, until). Recursive
 * descent with one token of lookahead; aliases are expanded here, when the line is read, as bash does.
 */
import type { AndOr, Assignment, Command, ForCommand, HereDoc, IfCommand, ListItem, LoopCommand, Pipeline, Redirect, Script, SimpleCommand, Word } from './ast';
import { NeedMore, SyntaxFailure, UNEXPECTED_EOF, matchingEof, nearToken } from './errors';
import { Lexer, tokenText, type Token } from './lexer';
import type { NestedParsers } from './words';

export interface ParserOptions {
  /** Interactive input asks for another line when a construct is unfinished (PS2); scripts fail instead. */
  readonly interactive: boolean;
  /** Alias lookup for the first word of each simple command. */
  readonly aliases: ((name: string) => string | undefined) | undefined;
}

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'while', 'until', 'do', 'done', '{', '}', '!']);
/** Reserved words that can only close something: seen where a command starts, they are errors. */
const CLOSERS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', '}']);
const EMPTY_WORD: Word = { parts: [], raw: '' };
const NO_TERMS: ReadonlySet<string> = new Set();

/** The text of a word that is one unquoted literal (a candidate reserved word, alias or name). */
export function plainWord(word: Word): string | undefined {
  const only = word.parts[0];
  if (word.parts.length !== 1 || only === undefined || only.kind !== 'literal' || only.quoted) return undefined;
  return only.text;
}

function reservedOf(t: Token): string | undefined {
  if (t.kind !== 'word') return undefined;
  const text = plainWord(t.word);
  return text !== undefined && RESERVED.has(text) ? text : undefined;
}

export class Parser implements NestedParsers {
  private readonly lexer: Lexer;
  private peeked: Token | undefined;
  private lastEnd = 0;
  private readonly aliasGuard = { names: new Set<string>(), until: -1 };

  constructor(src: string, private readonly opts: ParserOptions) {
    this.lexer = new Lexer(src, this, !opts.interactive);
  }

  parseScript(): Script {
    const script = this.parseList(NO_TERMS);
    const t = this.peek();
    if (t.kind !== 'eof') throw nearToken(tokenText(t));
    if (this.lexer.hasPendingHeredocs) {
      if (this.opts.interactive) throw new NeedMore('heredoc', UNEXPECTED_EOF);
      this.lexer.flushHeredocs();
    }
    return script;
  }

  // NestedParsers: `$(...)` shares this parser's lexer; backticks get a parser of their own.
  substitution(): Script {
    const saved = this.peeked;
    this.peeked = undefined;
    const script = this.parseList(NO_TERMS);
    const t = this.peek();
    if (t.kind === 'eof') throw new NeedMore('quote', matchingEof(')'));
    if (t.kind !== 'op' || t.op !== ')') throw nearToken(tokenText(t));
    this.take();
    this.peeked = saved;
    return script;
  }

  backquoted(text: string): Script {
    const inner = new Parser(text, { interactive: false, aliases: this.opts.aliases });
    try {
      return inner.parseScript();
    } catch (e) {
      if (e instanceof NeedMore) throw new SyntaxFailure(e.eofMessage);
      throw e;
    }
  }

  private peek(): Token {
    if (this.peeked === undefined) this.peeked = this.lexer.next();
    return this.peeked;
  }

  private take(): Token {
    const t = this.peek();
    this.peeked = undefined;
    this.lastEnd = t.end;
    return t;
  }

  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.take();
  }

  /** Commands separated by ; & or newlines, up to the end, a `)` or one of the closing words. */
  private parseList(terms: ReadonlySet<string>): Script {
    const items: ListItem[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof' || (t.kind === 'op' && t.op === ')')) break;
      if (t.kind === 'newline') {
        this.take();
        continue;
      }
      const r = reservedOf(t);
      if (r !== undefined && terms.has(r)) break;
      const start = t.start;
      const command = this.parseAndOr();
      const text = this.lexer.src.slice(start, this.lastEnd);
      const sep = this.peek();
      let background = false;
      if (sep.kind === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.take();
        background = sep.op === '&';
      } else if (sep.kind === 'newline') {
        this.take();
      } else if (!(sep.kind === 'eof' || (sep.kind === 'op' && sep.op === ')'))) {
        throw nearToken(tokenText(sep));
      }
      items.push({ command, background, text });
    }
    return { items };
  }

  /** A list that must hold at least one command, closed by one of terms. */
  private parseBody(terms: ReadonlySet<string>): Script {
    const body = this.parseList(terms);
    const t = this.peek();
    if (t.kind === 'eof') throw new NeedMore('compound', UNEXPECTED_EOF);
    if (body.items.length === 0) throw nearToken(tokenText(t));
    return body;
  }

  private expectWord(word: string): void {
    const t = this.peek();
    if (t.kind === 'eof') throw new NeedMore('compound', UNEXPECTED_EOF);
    if (reservedOf(t) !== word) throw nearToken(tokenText(t));
    this.take();
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: { op: '&&' | '||'; pipeline: Pipeline }[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.take();
      this.skipNewlines();
      if (this.peek().kind === 'eof') throw new NeedMore('operator', UNEXPECTED_EOF);
      rest.push({ op: t.op, pipeline: this.parsePipeline() });
    }
    return { first, rest };
  }

  private parsePipeline(): Pipeline {
    let negated = false;
    if (reservedOf(this.peek()) === '!') {
      this.take();
      negated = true;
    }
    const commands: Command[] = [this.parseCommand()];
    const pipeStderr: boolean[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || (t.op !== '|' && t.op !== '|&')) break;
      this.take();
      pipeStderr.push(t.op === '|&');
      this.skipNewlines();
      if (this.peek().kind === 'eof') throw new NeedMore('operator', UNEXPECTED_EOF);
      commands.push(this.parseCommand());
    }
    return { negated, commands, pipeStderr };
  }

  private parseCommand(): Command {
    while (this.expandAlias()) { /* an alias may name another alias */ }
    const t = this.peek();
    if (t.kind === 'eof') throw new NeedMore('operator', UNEXPECTED_EOF);
    if (t.kind === 'op') {
      if (t.op !== '(') throw nearToken(t.op);
      this.take();
      const body = this.parseList(NO_TERMS);
      const close = this.peek();
      if (close.kind === 'eof') throw new NeedMore('compound', UNEXPECTED_EOF);
      if (body.items.length === 0 || close.kind !== 'op' || close.op !== ')') throw nearToken(tokenText(close));
      this.take();
      return { kind: 'subshell', body, redirects: this.parseRedirects() };
    }
    if (t.kind === 'newline') throw nearToken('newline');
    const r = reservedOf(t);
    if (r !== undefined && CLOSERS.has(r)) throw nearToken(r);
    switch (r) {
      case '{': {
        this.take();
        const body = this.parseBody(new Set(['}']));
        this.expectWord('}');
        return { kind: 'group', body, redirects: this.parseRedirects() };
      }
      case 'if': return this.parseIf();
      case 'while':
      case 'until': return this.parseLoop(r);
      case 'for': return this.parseFor();
      default: return this.parseSimple();
    }
  }

  private parseIf(): IfCommand {
    this.take();
    const clauses: { condition: Script; body: Script }[] = [];
    let elseBody: Script | undefined;
    for (;;) {
      const condition = this.parseBody(new Set(['then']));
      this.expectWord('then');
      const body = this.parseBody(new Set(['elif', 'else', 'fi']));
      clauses.push({ condition, body });
      const next = reservedOf(this.take());
      if (next === 'elif') continue;
      if (next === 'else') {
        elseBody = this.parseBody(new Set(['fi']));
        this.expectWord('fi');
      }
      break;
    }
    return { kind: 'if', clauses, elseBody, redirects: this.parseRedirects() };
  }

  private parseLoop(kind: 'while' | 'until'): LoopCommand {
    this.take();
    const condition = this.parseBody(new Set(['do']));
    this.expectWord('do');
    const body = this.parseBody(new Set(['done']));
    this.expectWord('done');
    return { kind, condition, body, redirects: this.parseRedirects() };
  }

  private parseFor(): ForCommand {
    this.take();
    const nameTok = this.peek();
    if (nameTok.kind === 'eof') throw new NeedMore('compound', UNEXPECTED_EOF);
    const variable = nameTok.kind === 'word' ? plainWord(nameTok.word) : undefined;
    if (variable === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
      if (nameTok.kind === 'word') throw new SyntaxFailure(`\`${nameTok.word.raw}': not a valid identifier`);
      throw nearToken(tokenText(nameTok));
    }
    this.take();
    this.skipNewlines();
    let items: Word[] | undefined;
    const afterName = this.peek();
    if (afterName.kind === 'word' && plainWord(afterName.word) === 'in') {
      this.take();
      items = [];
      for (let t = this.peek(); t.kind === 'word'; t = this.peek()) {
        this.take();
        items.push(t.word);
      }
      const sep = this.peek();
      if (sep.kind === 'eof') throw new NeedMore('compound', UNEXPECTED_EOF);
      if (!(sep.kind === 'newline' || (sep.kind === 'op' && sep.op === ';'))) throw nearToken(tokenText(sep));
      this.take();
    } else if (afterName.kind === 'op' && afterName.op === ';') {
      this.take();
    }
    this.skipNewlines();
    this.expectWord('do');
    const body = this.parseBody(new Set(['done']));
    this.expectWord('done');
    return { kind: 'for', variable, items, body, redirects: this.parseRedirects() };
  }

  private parseSimple(): SimpleCommand {
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'redir') {
        redirects.push(this.parseRedirect());
        continue;
      }
      if (t.kind === 'word') {
        if (words.length === 0) {
          const a = asAssignment(t.word);
          if (a !== undefined) {
            this.take();
            assignments.push(a);
            continue;
          }
          if (assignments.length > 0 && this.expandAlias()) continue;
        }
        this.take();
        words.push(t.word);
        continue;
      }
      if (t.kind === 'op' && t.op === '(' && words.length > 0) {
        // `name ( ) { ...; }` defines a function; anything else after `(` is bash's syntax error.
        this.take();
        const n = this.peek();
        if (n.kind === 'op' && n.op === ')') throw new SyntaxFailure('shell functions are not supported here');
        throw nearToken(tokenText(n));
      }
      break;
    }
    if (assignments.length === 0 && words.length === 0 && redirects.length === 0) throw nearToken(tokenText(this.peek()));
    return { kind: 'simple', assignments, words, redirects };
  }

  private parseRedirects(): Redirect[] {
    const out: Redirect[] = [];
    while (this.peek().kind === 'redir') out.push(this.parseRedirect());
    return out;
  }

  private parseRedirect(): Redirect {
    const t = this.take();
    if (t.kind !== 'redir') throw nearToken(tokenText(t));
    const target = this.peek();
    if (target.kind !== 'word') throw nearToken(tokenText(target));
    this.take();
    if (t.op === '<<' || t.op === '<<-') {
      const { text, quoted } = delimiterOf(target.word);
      const doc: HereDoc = { delimiter: text, stripTabs: t.op === '<<-', expand: !quoted, body: EMPTY_WORD };
      this.lexer.addHeredoc(doc);
      return { kind: 'heredoc', fd: t.fd ?? 0, doc };
    }
    const fd = t.fd ?? (t.op === '<' || t.op === '<&' || t.op === '<>' || t.op === '<<<' ? 0 : 1);
    return { kind: 'file', fd, op: t.op, target: target.word };
  }

  /** Replaces an alias at the start of a command by its value, in the source, as bash's reader does. */
  private expandAlias(): boolean {
    const lookup = this.opts.aliases;
    if (lookup === undefined) return false;
    const t = this.peek();
    if (t.kind !== 'word') return false;
    const name = plainWord(t.word);
    if (name === undefined) return false;
    if (t.start >= this.aliasGuard.until) this.aliasGuard.names.clear();
    if (this.aliasGuard.names.has(name)) return false;
    const value = lookup(name);
    if (value === undefined) return false;
    const src = this.lexer.src;
    this.lexer.src = src.slice(0, t.start) + value + src.slice(t.end);
    this.lexer.pos = t.start;
    this.peeked = undefined;
    this.aliasGuard.names.add(name);
    this.aliasGuard.until = Math.max(this.aliasGuard.until, t.start + value.length);
    return true;
  }
}

/** `NAME=value` (or `NAME+=value`) before the command name is an assignment, when NAME is unquoted. */
function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (first === undefined || first.kind !== 'literal' || first.quoted) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.text);
  if (!m) return undefined;
  const rest = first.text.slice(m[0].length);
  const parts = [...(rest === '' ? [] : tildeAfterEquals(rest)), ...word.parts.slice(1)];
  return { name: m[1]!, append: m[2] === '+', value: { parts, raw: word.raw.slice(m[0].length) } };
}

/** `A=~/x`: the tilde right after `=` expands, as in bash. */
function tildeAfterEquals(text: string): Word['parts'][number][] {
  const m = /^~([A-Za-z0-9._-]*)(?=\/|:|$)/.exec(text);
  if (!m) return [{ kind: 'literal', text, quoted: false }];
  const rest = text.slice(m[0].length);
  return [{ kind: 'tilde', user: m[1]! }, ...(rest === '' ? [] : [{ kind: 'literal' as const, text: rest, quoted: false }])];
}

function delimiterOf(word: Word): { text: string; quoted: boolean } {
  let text = '';
  let quoted = false;
  for (const part of word.parts) {
    if (part.kind === 'literal') {
      text += part.text;
      if (part.quoted) quoted = true;
    } else {
      return { text: word.raw.replace(/["'\\]/g, ''), quoted: /["'\\]/.test(word.raw) };
    }
  }
  return { text, quoted };
}
