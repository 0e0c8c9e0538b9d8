/**
 * Runs a parsed sed program over its input, cycle by cycle as GNU sed does: read a line into the
 * pattern space, run the commands, print it (unless -n), flush what `a`, `r` queued. Input is pulled
 * a line at a time, so `kubectl get pods -w | sed ...` prints each line as it comes; sed looks one
 * line ahead (to know the last line) only when the script has a `$` address.
 */
import type { Effect, InputStream } from '../../types';
import type { ReplacementPart, SedAddress, SedCommand } from './sedScript';

type Gen<T> = Generator<Effect, T, unknown>;

interface Line {
  readonly text: string;
  /** False for a last line without "\n": sed does not add one. */
  readonly newline: boolean;
}

/** Lines from a stream, with a one-line lookahead. */
export class LineReader {
  private buf = '';
  private readonly ready: Line[] = [];
  private ended = false;

  constructor(private readonly stream: InputStream) {}

  private *fill(): Gen<void> {
    while (this.ready.length === 0 && !this.ended) {
      const chunk = yield* this.stream.read();
      if (chunk === null) {
        this.ended = true;
        if (this.buf !== '') this.ready.push({ text: this.buf, newline: false });
        this.buf = '';
        return;
      }
      this.buf += chunk;
      let nl = this.buf.indexOf('\n');
      while (nl >= 0) {
        this.ready.push({ text: this.buf.slice(0, nl), newline: true });
        this.buf = this.buf.slice(nl + 1);
        nl = this.buf.indexOf('\n');
      }
    }
  }

  *next(): Gen<Line | null> {
    yield* this.fill();
    return this.ready.shift() ?? null;
  }

  *atEnd(): Gen<boolean> {
    yield* this.fill();
    return this.ready.length === 0;
  }
}

/** One stream of lines sed reads as a unit: every file chained, or (with -s/-i) one file. */
export interface SedInput {
  /** Opens the next file (printing why it cannot be read), or undefined at the end. */
  nextFile(): { readonly name: string; readonly reader: LineReader } | undefined;
}

export interface SedIo {
  /** Where the output of this unit goes (stdout, or the file being edited in place). */
  out(text: string): void;
  /** `w file`, `s///w file`: "/dev/stdout" and "/dev/stderr" included. */
  writeTo(file: string, text: string): void;
  readFile(file: string): string | undefined;
}

export interface SedOptions {
  readonly quiet: boolean;
  /** Column at which `l` wraps (70 by default, as GNU). */
  readonly lineWrap: number;
}

export class SedMachine {
  private ps = '';
  private hold = '';
  /** Whether each buffer ends in a newline: GNU keeps a last line's missing one, and h, g, x carry it. */
  private newline = true;
  private holdNewline = true;
  private lineNo = 0;
  private appendQueue: string[] = [];
  private substituted = false;
  private lastRe: RegExp | undefined;
  private reader: LineReader | undefined;
  private input: SedInput | undefined;
  private fileName = '-';
  /** Set by q/Q: the exit status. */
  quitWith: number | undefined;
  constructor(private readonly commands: readonly SedCommand[], private readonly opts: SedOptions) {}

  /** Runs over one unit of input; line numbers restart with each unit (GNU's -s and -i). */
  *run(input: SedInput, io: SedIo): Gen<void> {
    this.lineNo = 0;
    this.reader = undefined;
    this.input = input;
    for (const cmd of this.commands) {
      cmd.active = false;
      cmd.endLine = 0;
    }
    for (let line = yield* this.read(); line !== null && this.quitWith === undefined; line = yield* this.read()) {
      this.ps = line.text;
      this.newline = line.newline;
      this.substituted = false;
      yield* this.cycle(io);
    }
  }

  /** The next input line, opening the next file when one ends. */
  private *read(): Gen<Line | null> {
    for (;;) {
      if (!this.reader) {
        const file = this.input?.nextFile();
        if (!file) return null;
        this.reader = file.reader;
        this.fileName = file.name;
      }
      const line = yield* this.reader.next();
      if (line !== null) {
        this.lineNo++;
        return line;
      }
      this.reader = undefined;
    }
  }

  private *isLast(): Gen<boolean> {
    if (this.reader && !(yield* this.reader.atEnd())) return false;
    // Following files may be empty or unreadable: look for any line left.
    while (this.input) {
      const file = this.input.nextFile();
      if (!file) return true;
      this.reader = file.reader;
      this.fileName = file.name;
      if (!(yield* file.reader.atEnd())) return false;
    }
    return true;
  }

  private print(io: SedIo, text: string, newline = true): void {
    io.out(newline ? `${text}\n` : text);
  }

  private endOfCycle(io: SedIo, autoprint: boolean): void {
    if (autoprint && !this.opts.quiet) this.print(io, this.ps, this.newline);
    this.flushAppends(io);
  }

  private flushAppends(io: SedIo): void {
    for (const text of this.appendQueue) io.out(text);
    this.appendQueue = [];
  }

  private *cycle(io: SedIo): Gen<void> {
    let pc = 0;
    for (;;) {
      const cmd = this.commands[pc];
      if (cmd === undefined) break;
      pc++;
      const selected = (yield* this.matches(cmd)) !== cmd.negate;
      if (!selected) {
        if (cmd.name === '{') pc = cmd.block + 1;
        continue;
      }
      switch (cmd.name) {
        case '{': case '}': case ':':
          break;
        case '=':
          io.out(`${this.lineNo}\n`);
          break;
        case 'a':
          this.appendQueue.push(`${cmd.arg}\n`);
          break;
        case 'i':
          io.out(`${cmd.arg}\n`);
          break;
        case 'c':
          // In a range, the text replaces the whole range: it is printed once, at its end.
          if (!cmd.a2 || cmd.negate || !cmd.active) io.out(`${cmd.arg}\n`);
          this.endOfCycle(io, false);
          return;
        case 'r': {
          const text = io.readFile(cmd.arg);
          if (text !== undefined) this.appendQueue.push(text.endsWith('\n') || text === '' ? text : `${text}\n`);
          break;
        }
        case 'w':
          io.writeTo(cmd.arg, `${this.ps}\n`);
          break;
        case 'd':
          this.endOfCycle(io, false);
          return;
        case 'D': {
          const nl = this.ps.indexOf('\n');
          if (nl < 0) {
            this.endOfCycle(io, false);
            return;
          }
          // The rest stays and the cycle starts over without reading a line.
          this.ps = this.ps.slice(nl + 1);
          this.flushAppends(io);
          pc = 0;
          break;
        }
        case 'p':
          this.print(io, this.ps, this.newline);
          break;
        case 'P': {
          const nl = this.ps.indexOf('\n');
          if (nl < 0) this.print(io, this.ps, this.newline);
          else this.print(io, this.ps.slice(0, nl));
          break;
        }
        case 'l':
          io.out(escapeForL(this.ps, cmd.exitCode || this.opts.lineWrap));
          break;
        case 'n': case 'N': {
          if (yield* this.isLast()) {
            // GNU prints the pattern space and ends when there is no next line to read.
            this.endOfCycle(io, true);
            this.quitWith = this.quitWith ?? 0;
            return;
          }
          if (cmd.name === 'n') this.endOfCycle(io, true);
          else this.flushAppends(io);
          const line = yield* this.read();
          if (line === null) return;
          this.ps = cmd.name === 'n' ? line.text : `${this.ps}\n${line.text}`;
          this.newline = line.newline;
          break;
        }
        case 'q':
          this.endOfCycle(io, true);
          this.quitWith = cmd.exitCode;
          return;
        case 'Q':
          this.quitWith = cmd.exitCode;
          return;
        case 'h': [this.hold, this.holdNewline] = [this.ps, this.newline]; break;
        case 'H': [this.hold, this.holdNewline] = [`${this.hold}\n${this.ps}`, this.holdNewline || this.newline]; break;
        case 'g': [this.ps, this.newline] = [this.hold, this.holdNewline]; break;
        case 'G': [this.ps, this.newline] = [`${this.ps}\n${this.hold}`, this.newline || this.holdNewline]; break;
        case 'x': [this.ps, this.hold, this.newline, this.holdNewline] = [this.hold, this.ps, this.holdNewline, this.newline]; break;
        case 'z': this.ps = ''; break;
        case 'F': io.out(`${this.fileName}\n`); break;
        case 'y': {
          const from = [...cmd.yFrom];
          const to = [...cmd.yTo];
          this.ps = [...this.ps].map((ch) => to[from.indexOf(ch)] ?? ch).join('');
          break;
        }
        case 's':
          if (this.substitute(cmd, io)) this.substituted = true;
          break;
        case 'b': case 't': case 'T': {
          const jump = cmd.name === 'b' || (cmd.name === 't') === this.substituted;
          if (cmd.name !== 'b') this.substituted = false;
          if (!jump) break;
          if (cmd.arg === '') {
            pc = this.commands.length;
            break;
          }
          pc = this.commands.findIndex((c) => c.name === ':' && c.arg === cmd.arg) + 1;
          break;
        }
        default:
          break;
      }
    }
    this.endOfCycle(io, true);
  }

  private regex(re: RegExp | null): RegExp | undefined {
    if (re) this.lastRe = re;
    return re ?? this.lastRe;
  }

  private *one(addr: SedAddress): Gen<boolean> {
    switch (addr.kind) {
      case 'line': return this.lineNo === addr.n;
      case 'last': return yield* this.isLast();
      case 're': {
        const re = this.regex(addr.re);
        if (!re) return false;
        re.lastIndex = 0;
        return re.test(this.ps);
      }
      case 'step': return addr.step <= 0 ? this.lineNo === addr.first : this.lineNo >= addr.first && (this.lineNo - addr.first) % addr.step === 0;
      case 'plus': case 'mult': return false;
    }
  }

  /** Whether the command's address selects this line, keeping a range's state as GNU does. */
  private *matches(cmd: SedCommand): Gen<boolean> {
    if (!cmd.a1) return true;
    if (!cmd.a2) return yield* this.one(cmd.a1);
    const a2 = cmd.a2;
    if (cmd.active) {
      switch (a2.kind) {
        case 'line': case 'plus':
          if (this.lineNo >= cmd.endLine) cmd.active = false;
          return this.lineNo <= cmd.endLine || a2.kind === 'line';
        case 'mult':
          if (a2.n <= 0 || this.lineNo % a2.n === 0) cmd.active = false;
          return true;
        default:
          if (yield* this.one(a2)) cmd.active = false;
          return true;
      }
    }
    // 0,/re/: the range is open before the first line, so the regex may close it on line 1.
    const opensBefore = cmd.a1.kind === 'line' && cmd.a1.n === 0;
    if (opensBefore && this.lineNo === 1 && cmd.endLine === 0) {
      cmd.endLine = -1;
      cmd.active = !(yield* this.one(a2));
      return true;
    }
    if (opensBefore || !(yield* this.one(cmd.a1))) return false;
    switch (a2.kind) {
      case 'line': cmd.endLine = a2.n; cmd.active = a2.n > this.lineNo; break;
      case 'plus': cmd.endLine = this.lineNo + a2.n; cmd.active = a2.n > 0; break;
      case 'mult': cmd.active = a2.n > 0 && this.lineNo % a2.n !== 0; break;
      case 'last': cmd.active = !(yield* this.isLast()); break;
      default: cmd.active = true;
    }
    return true;
  }

  private substitute(cmd: SedCommand, io: SedIo): boolean {
    const s = cmd.subst!;
    const re = this.regex(s.re);
    if (!re) return false;
    re.lastIndex = 0;
    let out = '';
    let last = 0;
    let count = 0;
    let done = false;
    let previousEnd = -1;
    for (let m = re.exec(this.ps); m !== null; m = re.exec(this.ps)) {
      if (m[0] === '') {
        re.lastIndex++;
        // POSIX: no empty match right where the previous match ended ("one" with o* gives -n-e-).
        if (m.index === previousEnd) continue;
      }
      previousEnd = m.index + m[0].length;
      count++;
      if (count < s.nth) continue;
      out += this.ps.slice(last, m.index) + expand(s.replacement, m);
      last = m.index + m[0].length;
      done = true;
      if (!s.global) break;
    }
    if (!done) return false;
    this.ps = out + this.ps.slice(last);
    if (s.print) this.print(io, this.ps, this.newline);
    if (s.wfile !== undefined) io.writeTo(s.wfile, `${this.ps}\n`);
    return true;
  }
}

function expand(parts: readonly ReplacementPart[], m: RegExpExecArray): string {
  let out = '';
  let mode: 'U' | 'L' | undefined;
  let once: 'u' | 'l' | undefined;
  const add = (text: string): void => {
    let t = mode === 'U' ? text.toUpperCase() : mode === 'L' ? text.toLowerCase() : text;
    if (once && t !== '') {
      t = (once === 'u' ? t[0]!.toUpperCase() : t[0]!.toLowerCase()) + t.slice(1);
      once = undefined;
    }
    out += t;
  };
  for (const p of parts) {
    if (p.kind === 'text') add(p.text);
    else if (p.kind === 'group') add(m[p.n] ?? '');
    else if (p.op === 'E') mode = undefined;
    else if (p.op === 'U' || p.op === 'L') mode = p.op;
    else once = p.op;
  }
  return out;
}

/** `l`: escapes as C does, long lines broken with `\`, a `$` at the end. */
function escapeForL(text: string, width: number): string {
  const names: Readonly<Record<string, string>> = { '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
  let out = '';
  let col = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const piece = names[ch] ?? (code < 32 || code === 127 ? `\\${code.toString(8).padStart(3, '0')}` : ch);
    if (width > 1 && col + piece.length > width - 1) {
      out += '\\\n';
      col = 0;
    }
    out += piece;
    col += piece.length;
  }
  return `${out}$\n`;
}
