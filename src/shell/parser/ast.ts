/**
 * The syntax tree of the bash subset the playground speaks. The parser builds it from a line (or a
 * script), the interpreter walks it. Plain data: no methods, so trees compare and print easily.
 */

/** A piece of a word, before expansion. `quoted` parts are not split on IFS nor globbed. */
export type WordPart =
  | { readonly kind: 'literal'; readonly text: string; readonly quoted: boolean }
  /** `~` or `~user` at the start of a word (or after `=`/`:` in an assignment). */
  | { readonly kind: 'tilde'; readonly user: string }
  | ParamPart
  /** `$(...)` or backticks. */
  | { readonly kind: 'command'; readonly script: Script; readonly quoted: boolean }
  /** `$((...))`: the expression text is expanded like a double-quoted word, then evaluated. */
  | { readonly kind: 'arith'; readonly expr: Word; readonly quoted: boolean }
  /** `${...}` bash cannot make sense of: "bad substitution" when the word is expanded. */
  | { readonly kind: 'bad-subst'; readonly text: string };

export type ParamOp =
  | '-' | ':-' | '=' | ':=' | '+' | ':+' | '?' | ':?'
  | '#' | '##' | '%' | '%%' | '/' | '//' | 'length';

export interface ParamPart {
  readonly kind: 'param';
  /** A name, a positional digit string, or one of @ * # ? $ ! - 0. */
  readonly name: string;
  readonly quoted: boolean;
  readonly op?: ParamOp;
  /** The word after the operator (`${A:-word}`), the pattern for # % /. */
  readonly arg?: Word;
  /** The replacement of `${A/pattern/replacement}`. */
  readonly replacement?: Word;
}

export interface Word {
  readonly parts: readonly WordPart[];
  /** The source text, for messages such as "ambiguous redirect" and for `set -x`. */
  readonly raw: string;
}

export interface Assignment {
  readonly name: string;
  readonly value: Word;
  /** `A+=b` appends. */
  readonly append: boolean;
}

export type RedirectOp = '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<<';

export type Redirect =
  | { readonly kind: 'file'; readonly fd: number; readonly op: RedirectOp; readonly target: Word }
  | { readonly kind: 'heredoc'; readonly fd: number; readonly doc: HereDoc };

export interface HereDoc {
  readonly delimiter: string;
  /** `<<-` strips leading tabs from the body and the delimiter line. */
  readonly stripTabs: boolean;
  /** False when any part of the delimiter was quoted (`<<'EOF'`): the body is taken literally. */
  readonly expand: boolean;
  /** Filled in when the parser reaches the end of the line that holds the `<<`. */
  body: Word;
}

export interface SimpleCommand {
  readonly kind: 'simple';
  readonly assignments: readonly Assignment[];
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
}

export interface Subshell {
  readonly kind: 'subshell';
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}

export interface Group {
  readonly kind: 'group';
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}

export interface IfCommand {
  readonly kind: 'if';
  /** `if c1; then b1; elif c2; then b2; ...` */
  readonly clauses: readonly { readonly condition: Script; readonly body: Script }[];
  readonly elseBody: Script | undefined;
  readonly redirects: readonly Redirect[];
}

export interface LoopCommand {
  readonly kind: 'while' | 'until';
  readonly condition: Script;
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}

export interface ForCommand {
  readonly kind: 'for';
  readonly variable: string;
  /** undefined: `for x; do` iterates over "$@". */
  readonly items: readonly Word[] | undefined;
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}

export type Command = SimpleCommand | Subshell | Group | IfCommand | LoopCommand | ForCommand;

export interface Pipeline {
  /** `! cmd` inverts the status. */
  readonly negated: boolean;
  readonly commands: readonly Command[];
  /** `|&` between two commands also sends stderr down the pipe: one flag per pipe. */
  readonly pipeStderr: readonly boolean[];
}

export interface AndOr {
  readonly first: Pipeline;
  readonly rest: readonly { readonly op: '&&' | '||'; readonly pipeline: Pipeline }[];
}

export interface ListItem {
  readonly command: AndOr;
  /** Ended with `&`. */
  readonly background: boolean;
  /** The source text of this item, for job lines and `set -x`. */
  readonly text: string;
}

export interface Script {
  readonly items: readonly ListItem[];
}
