/**
 * Tokens for the grammar: words, operators, redirections and newlines. Blanks, comments and
 * backslash-newline continuations are skipped here; here-document bodies are read when the lexer
 * passes the newline that ends the line holding their `<<`, as bash does.
 */
import type { HereDoc, RedirectOp, Word } from './ast';
import { NeedMore } from './errors';
import { PartsBuilder, WordScanner, type NestedParsers } from './words';

export type ControlOp = '&&' | '||' | '&' | ';' | ';;' | '|' | '|&' | '(' | ')';
export type RedirectToken = RedirectOp | '<<' | '<<-';

export type Token =
  | { readonly kind: 'word'; readonly word: Word; readonly start: number; readonly end: number }
  | { readonly kind: 'op'; readonly op: ControlOp; readonly start: number; readonly end: number }
  | { readonly kind: 'redir'; readonly op: RedirectToken; readonly fd: number | undefined; readonly start: number; readonly end: number }
  | { readonly kind: 'newline'; readonly start: number; readonly end: number }
  | { readonly kind: 'eof'; readonly start: number; readonly end: number };

// Longest first, so `&&` wins over `&` and `<<-` over `<<`.
const OPERATORS: readonly (ControlOp | RedirectToken)[] = [
  '&>>', '<<<', '<<-',
  '&&', '||', '|&', ';;', '&>', '<<', '<&', '<>', '>>', '>&', '>|',
  '&', ';', '|', '(', ')', '<', '>',
];
const CONTROL = new Set<string>(['&&', '||', '&', ';', ';;', '|', '|&', '(', ')']);

/** Bash's name for a token in "syntax error near unexpected token `…'". */
export function tokenText(t: Token): string {
  switch (t.kind) {
    case 'word': return t.word.raw;
    case 'op': return t.op;
    case 'redir': return t.op;
    case 'newline': return 'newline';
    case 'eof': return 'newline';
  }
}

export class Lexer extends WordScanner {
  /** Here-documents whose `<<` was seen on the current line, in order. */
  private readonly pendingDocs: HereDoc[] = [];
  /** Non-interactive shells (eval, source) accept a here-document cut short by the end of input. */
  constructor(src: string, nested: NestedParsers, private readonly lenientHeredocs: boolean) {
    super(src, nested);
  }

  get hasPendingHeredocs(): boolean {
    return this.pendingDocs.length > 0;
  }

  addHeredoc(doc: HereDoc): void {
    this.pendingDocs.push(doc);
  }

  /** The input ended on the line of a `<<`: a script takes what there is (bash warns and goes on). */
  flushHeredocs(): void {
    this.readHeredocBodies();
  }

  next(): Token {
    this.skipBlanks();
    const start = this.pos;
    const c = this.src[this.pos];
    if (c === undefined) return { kind: 'eof', start, end: start };
    if (c === '\n') {
      this.pos++;
      this.readHeredocBodies();
      return { kind: 'newline', start, end: start + 1 };
    }
    // An IO number: digits immediately followed by < or > ("2>&1").
    const fdMatch = /^[0-9]+(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 12));
    if (fdMatch) {
      this.pos += fdMatch[0].length;
      const op = this.matchOperator();
      if (op !== undefined && !CONTROL.has(op) && op !== '&>' && op !== '&>>') {
        return { kind: 'redir', op: op as RedirectToken, fd: Number(fdMatch[0]), start, end: this.pos };
      }
      this.pos = start;
    }
    const op = this.matchOperator();
    if (op !== undefined) {
      if (CONTROL.has(op)) return { kind: 'op', op: op as ControlOp, start, end: this.pos };
      return { kind: 'redir', op: op as RedirectToken, fd: undefined, start, end: this.pos };
    }
    const word = this.readWord();
    if (word === undefined) {
      // Unreachable: every non-meta character starts a word. Kept total for safety.
      this.pos++;
      return this.next();
    }
    return { kind: 'word', word, start, end: this.pos };
  }

  private matchOperator(): ControlOp | RedirectToken | undefined {
    for (const op of OPERATORS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return op;
      }
    }
    return undefined;
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') {
        this.pos++;
      } else if (c === '\\' && this.src[this.pos + 1] === '\n') {
        this.pos += 2;
      } else if (c === '\\' && this.src[this.pos + 1] === undefined) {
        throw new NeedMore('backslash', 'syntax error: unexpected end of file');
      } else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else {
        return;
      }
    }
  }

  /** Reads the bodies of the pending here-documents, line by line, up to each delimiter. */
  private readHeredocBodies(): void {
    while (this.pendingDocs.length > 0) {
      const doc = this.pendingDocs[0]!;
      let body = '';
      let found = false;
      while (this.pos < this.src.length) {
        const nl = this.src.indexOf('\n', this.pos);
        const lineEnd = nl < 0 ? this.src.length : nl;
        let line = this.src.slice(this.pos, lineEnd);
        if (doc.stripTabs) line = line.replace(/^\t+/, '');
        this.pos = nl < 0 ? this.src.length : nl + 1;
        if (line === doc.delimiter) {
          found = true;
          break;
        }
        if (nl < 0) {
          // A last line without its newline: more input may still complete it.
          if (!this.lenientHeredocs) throw new NeedMore('heredoc', heredocEof(doc.delimiter));
          body += line;
          break;
        }
        body += `${line}\n`;
      }
      if (!found && !this.lenientHeredocs) throw new NeedMore('heredoc', heredocEof(doc.delimiter));
      doc.body = doc.expand ? this.expandableBody(body) : { parts: [{ kind: 'literal', text: body, quoted: true }], raw: body };
      this.pendingDocs.shift();
    }
  }

  /** An unquoted delimiter: the body expands $ and backticks like double-quoted text. */
  private expandableBody(body: string): Word {
    const inner = new Lexer(body, this.nested, true);
    const b = new PartsBuilder();
    b.literal('', true);
    while (inner.pos < body.length) inner.readQuotedChar(b, false);
    return { parts: b.parts, raw: body };
  }
}

function heredocEof(delimiter: string): string {
  return `warning: here-document delimited by end-of-file (wanted \`${delimiter}')`;
}

