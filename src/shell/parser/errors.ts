/**
 * How parsing stops early. Both are thrown inside the parser and caught by parse(): callers only
 * ever see a ParseResult value.
 */

/** Why a line needs another one; the session uses it to join lines into one history entry as bash does. */
export type ContinuationReason =
  /** Inside '...', "...", `...`, $(...) or ${...}: the newline belongs to the text. */
  | 'quote'
  /** The line ended with a backslash: bash drops the backslash-newline. */
  | 'backslash'
  /** After |, && or ||: the next line carries on the command. */
  | 'operator'
  /** Inside if/for/while, ( ... ) or { ... }. */
  | 'compound'
  /** A here-document's body has not reached its delimiter yet. */
  | 'heredoc';

/** The input ended where bash would print PS2 and read another line. */
export class NeedMore {
  constructor(
    readonly reason: ContinuationReason,
    /** What non-interactive bash (eval, source) says instead: "unexpected EOF while looking for matching `\"'". */
    readonly eofMessage: string,
  ) {}
}

/** A syntax error, worded as bash words it (without the "bash: " prefix). */
export class SyntaxFailure {
  constructor(readonly message: string) {}
}

export const UNEXPECTED_EOF = 'syntax error: unexpected end of file';

export function nearToken(token: string): SyntaxFailure {
  return new SyntaxFailure(`syntax error near unexpected token \`${token}'`);
}

export function matchingEof(opener: string): string {
  return `unexpected EOF while looking for matching \`${opener}'`;
}
