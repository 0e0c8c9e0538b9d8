/**
 * sed scripts as GNU sed 4.2 reads them: addresses (N, $, /re/I, \%re%, first~step, addr,+N,
 * addr,~N, 0,/re/), `!`, blocks, and the commands s y p P d D n N a i c = q Q l h H g G x b t T : r w
 * z F #. Errors carry GNU's wording and position ("-e expression #1, char 5: unterminated `s'
 * command"): the position is how many characters were read when the problem showed.
 */
import { compileSedRegex, parseReplacement, type ReplacementPart } from './sedRegex';

export type { ReplacementPart };

export type SedAddress =
  | { readonly kind: 'line'; readonly n: number }
  | { readonly kind: 'last' }
  /** regex null: the last regex used (an empty //). */
  | { readonly kind: 're'; readonly re: RegExp | null }
  | { readonly kind: 'step'; readonly first: number; readonly step: number }
  | { readonly kind: 'plus'; readonly n: number }
  | { readonly kind: 'mult'; readonly n: number };

export interface Substitution {
  readonly re: RegExp | null;
  readonly replacement: readonly ReplacementPart[];
  readonly global: boolean;
  /** Replace only the Nth match (and those after it with g). */
  readonly nth: number;
  readonly print: boolean;
  readonly wfile: string | undefined;
}

export interface SedCommand {
  readonly a1: SedAddress | undefined;
  readonly a2: SedAddress | undefined;
  readonly negate: boolean;
  readonly name: string;
  /** a, i, c text; b/t/T/: label; r/w file. */
  readonly arg: string;
  readonly exitCode: number;
  readonly subst: Substitution | undefined;
  readonly yFrom: string;
  readonly yTo: string;
  /** `{`: the index of its `}`. */
  block: number;
  /** Range state while the script runs. */
  active: boolean;
  endLine: number;
}

export type SedParse = { readonly ok: true; readonly commands: SedCommand[]; readonly quiet: boolean } | { readonly ok: false; readonly message: string; readonly status: number };

/** One piece of script and how GNU names it in messages. */
export interface ScriptPiece {
  readonly text: string;
  /** "-e expression #1" or "file x.sed" (then the line number is added). */
  readonly origin: string;
  readonly isFile: boolean;
}

class SedError {
  constructor(readonly message: string, readonly at: number, readonly status = 1) {}
}

const NO_ADDRESS = new Set(['}', ':']);
const ONE_ADDRESS = new Set(['q', 'Q']);

class Parser {
  pos = 0;
  readonly commands: SedCommand[] = [];
  private readonly open: number[] = [];
  private lastRe = false;

  constructor(private readonly src: string, private readonly extended: boolean) {}

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  private next(): string | undefined {
    const c = this.src[this.pos];
    if (c !== undefined) this.pos++;
    return c;
  }

  private skipSpace(newlines = false): void {
    while (this.pos < this.src.length && (this.src[this.pos] === ' ' || this.src[this.pos] === '\t' || (newlines && (this.src[this.pos] === '\n' || this.src[this.pos] === ';')))) this.pos++;
  }

  parse(): SedCommand[] {
    for (;;) {
      this.skipSpace(true);
      if (this.pos >= this.src.length) break;
      if (this.peek() === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
        continue;
      }
      this.command();
    }
    if (this.open.length > 0) throw new SedError("unmatched `{'", 0);
    return this.commands;
  }

  private command(): void {
    const a1 = this.address(false);
    let a2: SedAddress | undefined;
    this.skipSpace();
    if (a1 && this.peek() === ',') {
      this.next();
      this.skipSpace();
      a2 = this.address(true);
      // GNU has read the character that is not an address when it complains.
      if (!a2) throw new SedError("unexpected `,'", Math.min(this.pos + 1, this.src.length));
    }
    this.skipSpace();
    let negate = false;
    while (this.peek() === '!') {
      this.next();
      negate = true;
      this.skipSpace();
    }
    const name = this.next();
    if (name === undefined || name === '\n' || name === ';') throw new SedError('missing command', this.pos);
    if (a1?.kind === 'line' && a1.n === 0 && a2?.kind !== 're') throw new SedError('invalid usage of line address 0', this.pos);
    if (NO_ADDRESS.has(name) && a1) throw new SedError(name === '}' ? "unexpected `}'" : ": doesn't want any addresses", this.pos);
    if (ONE_ADDRESS.has(name) && a2) throw new SedError('command only uses one address', this.pos);
    const cmd: SedCommand = { a1, a2, negate, name, arg: '', exitCode: 0, subst: undefined, yFrom: '', yTo: '', block: -1, active: false, endLine: 0 };
    const set = <K extends keyof SedCommand>(key: K, value: SedCommand[K]): void => {
      (cmd as { -readonly [P in keyof SedCommand]: SedCommand[P] })[key] = value;
    };
    switch (name) {
      case '{':
        this.open.push(this.commands.length);
        this.commands.push(cmd);
        return;
      case '}': {
        const at = this.open.pop();
        if (at === undefined) throw new SedError("unexpected `}'", this.pos);
        this.commands[at]!.block = this.commands.length;
        this.commands.push(cmd);
        this.endOfCommand();
        return;
      }
      case 'a': case 'i': case 'c':
        set('arg', this.text());
        break;
      case ':': {
        this.skipSpace();
        const label = this.label();
        if (label === '') throw new SedError('":" lacks a label', this.pos);
        set('arg', label);
        break;
      }
      case 'b': case 't': case 'T':
        this.skipSpace();
        set('arg', this.label());
        break;
      case 'r': case 'w':
        set('arg', this.fileName());
        break;
      case 'q': case 'Q': case 'l': case 'L': {
        this.skipSpace();
        const digits = /^\d+/.exec(this.src.slice(this.pos))?.[0] ?? '';
        this.pos += digits.length;
        set('exitCode', digits === '' ? 0 : Number(digits));
        this.endOfCommand();
        break;
      }
      case 's':
        set('subst', this.substitution());
        break;
      case 'y': {
        const [from, to] = this.transliteration();
        set('yFrom', from);
        set('yTo', to);
        this.endOfCommand();
        break;
      }
      case '=': case 'd': case 'D': case 'g': case 'G': case 'h': case 'H': case 'n': case 'N': case 'p': case 'P': case 'x': case 'z': case 'F':
        this.endOfCommand();
        break;
      case '#':
        throw new SedError("comments don't accept any addresses", this.pos);
      default:
        throw new SedError(`unknown command: \`${name}'`, this.pos);
    }
    this.commands.push(cmd);
  }

  /** After a command: spaces, then `;`, a newline, `}` or `#`, or the end. */
  private endOfCommand(): void {
    this.skipSpace();
    const c = this.peek();
    if (c === undefined || c === '}' || c === '#') return;
    if (c === ';' || c === '\n') {
      this.next();
      return;
    }
    this.next();
    throw new SedError('extra characters after command', this.pos);
  }

  private address(second: boolean): SedAddress | undefined {
    const c = this.peek();
    if (c === undefined) return undefined;
    if (c === '$') {
      this.next();
      return { kind: 'last' };
    }
    if (second && (c === '+' || c === '~')) {
      this.next();
      const digits = /^\d+/.exec(this.src.slice(this.pos))?.[0];
      if (digits === undefined) throw new SedError('expected newer version of sed', this.pos);
      this.pos += digits.length;
      return { kind: c === '+' ? 'plus' : 'mult', n: Number(digits) };
    }
    if (/\d/.test(c)) {
      const digits = /^\d+/.exec(this.src.slice(this.pos))![0];
      this.pos += digits.length;
      if (this.peek() === '~') {
        this.next();
        const step = /^\d+/.exec(this.src.slice(this.pos))?.[0] ?? '0';
        this.pos += step === '0' && !/^\d/.test(this.src.slice(this.pos)) ? 0 : step.length;
        return { kind: 'step', first: Number(digits), step: Number(step) };
      }
      return { kind: 'line', n: Number(digits) };
    }
    if (c === '/' || c === '\\') {
      this.next();
      const delim = c === '\\' ? this.next() : '/';
      if (delim === undefined || delim === '\n') throw new SedError('unexpected end of regex', this.pos);
      const body = this.delimited(delim, 'unterminated address regex');
      let flags = '';
      while (this.peek() === 'I' || this.peek() === 'M') flags += this.next() === 'I' ? 'i' : 'm';
      return { kind: 're', re: this.regex(body, delim, flags) };
    }
    return undefined;
  }

  /**
   * Text up to an unescaped delimiter (consumed); a newline inside is kept. In a regex, a bracket
   * expression is read whole: `s/[/]/x/` has a `/` inside `[...]`.
   */
  private delimited(delim: string, unterminated: string, isRegex = true): string {
    let out = '';
    for (;;) {
      const c = this.next();
      if (c === undefined) throw new SedError(unterminated, this.pos);
      if (c === delim) return out;
      if (c === '\\') {
        const e = this.next();
        if (e === undefined) throw new SedError(unterminated, this.pos);
        out += c + e;
        continue;
      }
      if (c === '[' && isRegex) {
        out += c + this.bracket(unterminated);
        continue;
      }
      if (c === '\n' && delim !== '\n' && unterminated.includes('address')) throw new SedError(unterminated, this.pos);
      out += c;
    }
  }

  /** The rest of a bracket expression after its `[`, up to and including the closing `]`. */
  private bracket(unterminated: string): string {
    let out = '';
    if (this.peek() === '^') out += this.next();
    if (this.peek() === ']') out += this.next();
    for (;;) {
      const c = this.next();
      if (c === undefined || c === '\n') throw new SedError(unterminated, this.pos);
      out += c;
      if (c === ']') return out;
      if (c === '[' && (this.peek() === ':' || this.peek() === '.' || this.peek() === '=')) {
        const kind = this.next()!;
        out += kind;
        const close = this.src.indexOf(`${kind}]`, this.pos);
        if (close < 0) throw new SedError(unterminated, this.src.length);
        out += this.src.slice(this.pos, close + 2);
        this.pos = close + 2;
      }
    }
  }

  regex(body: string, delim: string, flags: string): RegExp | null {
    if (body === '') {
      if (!this.lastRe) throw new SedError('no previous regular expression', this.pos);
      return null;
    }
    const compiled = compileSedRegex(body, delim, this.extended, flags);
    if (!compiled.ok) throw new SedError(compiled.message, this.pos);
    this.lastRe = true;
    return compiled.re;
  }

  private substitution(): Substitution {
    const delim = this.next();
    if (delim === undefined || delim === '\n' || delim === '\\') throw new SedError("unterminated `s' command", this.pos);
    const pattern = this.delimited(delim, "unterminated `s' command");
    const rhs = this.delimited(delim, "unterminated `s' command", false);
    let global = false;
    let print = false;
    let nth = 0;
    let flags = '';
    let wfile: string | undefined;
    for (;;) {
      const c = this.peek();
      if (c === 'g') {
        this.next();
        if (global) throw new SedError("multiple `g' options to `s' command", this.pos);
        global = true;
      } else if (c === 'p') {
        this.next();
        if (print) throw new SedError("multiple `p' options to `s' command", this.pos);
        print = true;
      } else if (c === 'i' || c === 'I') {
        this.next();
        flags += 'i';
      } else if (c === 'm' || c === 'M') {
        this.next();
        flags += 'm';
      } else if (c === 'e') {
        this.next();
      } else if (c !== undefined && /\d/.test(c)) {
        const digits = /^\d+/.exec(this.src.slice(this.pos))![0];
        this.pos += digits.length;
        if (nth !== 0) throw new SedError("multiple number options to `s' command", this.pos);
        if (Number(digits) === 0) throw new SedError("number option to `s' command may not be zero", this.pos);
        nth = Number(digits);
      } else if (c === 'w') {
        this.next();
        wfile = this.fileName();
        break;
      } else if (c === undefined || c === ';' || c === '\n' || c === '}' || c === '#' || c === ' ' || c === '\t') {
        this.endOfCommand();
        break;
      } else {
        this.next();
        throw new SedError("unknown option to `s'", this.pos);
      }
    }
    const re = this.regex(pattern, delim, flags);
    const replacement = parseReplacement(rhs, delim);
    const groups = re ? new RegExp(`${re.source}|`).exec('')!.length - 1 : 9;
    const ref = replacement.find((p) => p.kind === 'group' && p.n > groups);
    if (ref && ref.kind === 'group') throw new SedError(`invalid reference \\${ref.n} on \`s' command's RHS`, this.pos);
    return { re, replacement, global, nth: nth || 1, print, wfile };
  }

  private transliteration(): [string, string] {
    const delim = this.next();
    if (delim === undefined || delim === '\n' || delim === '\\') throw new SedError("unterminated `y' command", this.pos);
    const unescape = (s: string): string => s.replace(/\\(.)/gs, (_, e: string) => (e === 'n' ? '\n' : e === 't' ? '\t' : e));
    const from = [...unescape(this.delimited(delim, "unterminated `y' command", false))];
    const to = [...unescape(this.delimited(delim, "unterminated `y' command", false))];
    if (from.length !== to.length) throw new SedError("strings for `y' command are different lengths", this.pos);
    return [from.join(''), to.join('')];
  }

  /** a, i, c: GNU's one-line form (`a text`) or the classic `a\` + newline + lines ending in `\`. */
  private text(): string {
    this.skipSpace();
    if (this.pos >= this.src.length) throw new SedError("expected \\ after `a', `c' or `i'", this.pos);
    if (this.peek() === '\\') {
      this.next();
      if (this.peek() === '\n') this.next();
      else this.skipSpace();
    }
    let out = '';
    while (this.pos < this.src.length) {
      const c = this.next()!;
      if (c === '\\') {
        const e = this.next();
        if (e === undefined) break;
        out += e;
        continue;
      }
      if (c === '\n') break;
      out += c;
    }
    return out;
  }

  private label(): string {
    const m = /^[^;\n]*/.exec(this.src.slice(this.pos))![0];
    this.pos += m.length;
    if (this.peek() === ';' || this.peek() === '\n') this.next();
    return m.trim();
  }

  private fileName(): string {
    this.skipSpace();
    const m = /^[^\n]*/.exec(this.src.slice(this.pos))![0];
    this.pos += m.length;
    if (m === '') throw new SedError('missing filename in r/R/w/W commands', this.pos);
    if (this.peek() === '\n') this.next();
    return m;
  }
}

/** Parses the pieces of a script (every -e and -f, in order) into one program. */
export function parseSed(pieces: readonly ScriptPiece[], extended: boolean): SedParse {
  // GNU joins the pieces with newlines into one program (a block may open in one -e and close in another).
  const joined = pieces.map((p) => p.text).join('\n');
  const parser = new Parser(joined, extended);
  try {
    const commands = parser.parse();
    for (const cmd of commands) {
      if ((cmd.name === 'b' || cmd.name === 't' || cmd.name === 'T') && cmd.arg !== '' && !commands.some((c) => c.name === ':' && c.arg === cmd.arg)) {
        // GNU reports it with panic(): status 4, and no expression position.
        return { ok: false, message: `sed: can't find label for jump to \`${cmd.arg}'`, status: 4 };
      }
    }
    return { ok: true, commands, quiet: joined.startsWith('#n\n') || joined === '#n' };
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    return { ok: false, message: `sed: ${locate(pieces, e.at)}: ${e.message}`, status: e.status };
  }
}

/** "-e expression #2, char 3" or "file x.sed line 2" for an offset in the joined script. */
function locate(pieces: readonly ScriptPiece[], at: number): string {
  let start = 0;
  for (const [i, piece] of pieces.entries()) {
    const end = start + piece.text.length;
    if (at <= end || i === pieces.length - 1) {
      const local = Math.max(0, at - start);
      if (piece.isFile) return `file ${piece.origin} line ${piece.text.slice(0, local).split('\n').length}`;
      return `${piece.origin}, char ${at === 0 ? 0 : local}`;
    }
    start = end + 1;
  }
  return '-e expression #1, char 0';
}
