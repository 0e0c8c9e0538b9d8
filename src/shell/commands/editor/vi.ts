/**
 * vi as CentOS 7's vim-minimal behaves, the small subset a learner editing a manifest needs:
 * normal mode (h j k l and the arrows, 0 ^ $, w b e, f F t T and ; , (motions.ts), gg G, x X,
 * dd yy cc p P, D C, r, u, counts, ZZ ZQ), the operators d c y with a motion or a text object
 * (dw cw de d$ c$ dtx ciw ci" da( ...), insert mode (i a I A o O; Esc or Ctrl+C leaves it), `:` commands (viEx.ts) and `/` search with n N.
 * Lines longer than the screen scroll sideways (vim's `nowrap`) rather than wrap.
 */
import { TextBuffer } from './buffer';
import { decodeKeys, typed, type EditorKey } from './keys';
import { Announcer, sizeOf, type Editor, type EditorFiles } from './model';
import { clip, displayCol, displayText, scrollLeft, scrollTop, type Frame } from './screen';
import { charSearch, motionSpan, reversed, textObject, wordEnd, wordMotion, type CharSearch, type Span } from './motions';
import { exCommand, searchRegex } from './viEx';

type Mode = 'normal' | 'insert' | 'cmdline';

export class Vi implements Editor {
  readonly buf: TextBuffer;
  mode: Mode = 'normal';
  name: string | undefined;
  exitCode: number | undefined;
  /** The bottom line: a message, or an error (vim shows those in red). */
  message = '';
  error = false;
  private cmdline = '';
  private count = '';
  private pending = '';
  private register: { readonly lines: boolean; readonly text: string[] } | undefined;
  lastSearch: { readonly pattern: string; readonly forward: boolean } | undefined;
  /** The last f F t T, for ; and ,. */
  private lastFind: CharSearch | undefined;
  private top = 0;
  private left = 0;
  private height = 23;
  private readonly announcer = new Announcer();

  constructor(readonly files: EditorFiles, name: string | undefined, line: number | undefined) {
    this.name = name;
    let text = '';
    if (name !== undefined) {
      const r = files.read(name);
      if (r.kind === 'file') {
        text = r.text;
        const size = sizeOf(text);
        this.message = `"${name}" ${size.lines}L, ${size.chars}C`;
      } else this.message = r.kind === 'dir' ? `"${name}" is a directory` : `"${name}" [New File]`;
    }
    this.buf = new TextBuffer(text);
    if (line !== undefined) this.buf.moveTo(line < 0 ? this.buf.lastRow : line - 1, 0, false);
    this.firstNonBlank();
  }

  handle(key: EditorKey): void {
    if (this.mode === 'insert') this.insertKey(key);
    else if (this.mode === 'cmdline') this.cmdlineKey(key);
    else this.normalKey(key);
  }

  /** Feeds bytes as keys (tests, and `:normal`-like scripts). */
  type(bytes: string): void {
    for (const key of decodeKeys(bytes)) if (this.exitCode === undefined) this.handle(key);
  }

  setMessage(text: string, error = false): void {
    this.message = text;
    this.error = error;
  }

  private firstNonBlank(): void {
    this.buf.moveTo(this.buf.row, Math.max(0, this.buf.line.search(/\S/)), false);
  }

  private times(): number {
    const n = Number(this.count || '1');
    this.count = '';
    return Math.max(1, n);
  }

  private normalKey(key: EditorKey): void {
    const b = this.buf;
    if (key.kind === 'escape') {
      this.count = '';
      this.pending = '';
      return;
    }
    if (key.kind === 'ctrl' && key.letter === 'c') {
      this.count = '';
      this.pending = '';
      this.setMessage('Type  :qa!  and press <Enter> to abandon all changes and exit Vim');
      return;
    }
    const moves: Partial<Record<EditorKey['kind'], () => void>> = {
      left: () => b.moveTo(b.row, b.col - this.times(), false), right: () => b.moveTo(b.row, b.col + this.times(), false),
      up: () => b.vertical(-this.times(), false), down: () => b.vertical(this.times(), false), home: () => b.moveTo(b.row, 0, false),
      end: () => b.moveTo(b.row, b.line.length, false), backspace: () => b.moveTo(b.row, b.col - this.times(), false),
      'page-down': () => b.vertical(this.height - 2, false), 'page-up': () => b.vertical(-(this.height - 2), false),
      enter: () => {
        b.vertical(this.times(), false);
        this.firstNonBlank();
      },
    };
    const move = moves[key.kind];
    if (move) return move();
    const text = typed(key);
    if (text === undefined) return;
    for (let i = 0; i < text.length && this.exitCode === undefined; i++) {
      if (this.mode !== 'normal') {
        // `ihello` typed at once: the rest of the text belongs to the mode the first letter chose.
        this.handle({ kind: 'text', text: text.slice(i) });
        return;
      }
      this.normalChar(text[i]!);
    }
  }

  private normalChar(ch: string): void {
    const b = this.buf;
    if (this.pending !== '') {
      this.pending += ch;
      return this.resolvePending();
    }
    if (/[1-9]/.test(ch) || (ch === '0' && this.count !== '')) {
      this.count += ch;
      return;
    }
    switch (ch) {
      case 'h': b.moveTo(b.row, b.col - this.times(), false); return;
      case 'l': case ' ': b.moveTo(b.row, b.col + this.times(), false); return;
      case 'j': b.vertical(this.times(), false); return;
      case 'k': b.vertical(-this.times(), false); return;
      case '0': b.moveTo(b.row, 0, false); return;
      case '^': this.firstNonBlank(); return;
      case '$': b.moveTo(b.row, b.line.length, false); return;
      case 'w': case 'b': case 'e': {
        const n = this.times();
        const to = ch === 'e' ? wordEnd(b.lines, b.row, b.col, n) : wordMotion(b.lines, b.row, b.col, ch === 'w', n);
        b.moveTo(to.row, to.col, false);
        return;
      }
      case ';': case ',':
        if (this.lastFind) this.findMove(ch === ';' ? this.lastFind : reversed(this.lastFind), true);
        else this.count = '';
        return;
      case 'C': this.applyOperator('c', { from: b.col, to: b.line.length }); return;
      case 'G': {
        const n = this.count === '' ? b.lastRow + 1 : this.times();
        this.count = '';
        b.moveTo(n - 1, 0, false);
        this.firstNonBlank();
        return;
      }
      case 'd': case 'c': case 'y': case 'g': case 'Z': case 'r': case 'f': case 'F': case 't': case 'T': this.pending = ch; return;
      case 'x': case 'X': {
        const n = this.times();
        if (b.line === '') return;
        b.checkpoint();
        const from = ch === 'x' ? b.col : Math.max(0, b.col - n);
        const to = ch === 'x' ? Math.min(b.line.length, b.col + n) : b.col;
        if (from === to) return;
        this.register = { lines: false, text: [b.line.slice(from, to)] };
        b.lines[b.row] = b.line.slice(0, from) + b.line.slice(to);
        b.modified = true;
        b.moveTo(b.row, from, false);
        return;
      }
      case 'D': this.applyOperator('d', { from: b.col, to: b.line.length }); return;
      case 'p': case 'P': this.put(ch === 'p', this.times()); return;
      case 'u':
        if (!b.restore()) this.setMessage('Already at oldest change');
        else this.setMessage('1 change; before #1');
        return;
      case 'i': case 'a': case 'I': case 'A': case 'o': case 'O': this.startInsert(ch); return;
      case ':': case '/': case '?':
        this.mode = 'cmdline';
        this.cmdline = ch;
        this.count = '';
        return;
      case 'n': case 'N': this.searchNext(ch === 'n'); return;
      default: this.count = '';
    }
  }

  private operator(op: string, times = 1): void {
    const b = this.buf;
    const n = this.times() * times;
    if (op === 'cc') {
      // vim-minimal has no autoindent: the line empties, the register holds it.
      const line = b.line;
      this.applyOperator('c', { from: 0, to: line.length });
      this.register = { lines: true, text: [line] };
      return;
    }
    if (op === 'dd' || op === 'yy') {
      const lines = b.lines.slice(b.row, b.row + n);
      this.register = { lines: true, text: lines };
      if (op === 'dd') {
        b.checkpoint();
        b.removeLines(n);
        this.firstNonBlank();
        if (n >= 3) this.setMessage(`${n} fewer lines`);
      } else if (n >= 3) this.setMessage(`${n} lines yanked`);
    } else if (op === 'gg') {
      b.moveTo(n - 1, 0, false);
      this.firstNonBlank();
    } else if (op === 'ZZ') {
      if (b.modified) this.ex('x');
      else this.exitCode = 0;
    } else if (op === 'ZQ') this.exitCode = 0;
    else if (op[0] === 'r' && b.line !== '') {
      b.checkpoint();
      b.lines[b.row] = b.line.slice(0, b.col) + op[1]! + b.line.slice(b.col + 1);
      b.modified = true;
    }
  }

  /** A multi-key command once it is complete: `fx`, `gg`, `rx`, `dd`, `d2w`, `ct"`, `ci"`. */
  private resolvePending(): void {
    const p = this.pending;
    const head = p[0]!;
    if ('fFtT'.includes(head)) {
      this.pending = '';
      return this.findMove({ kind: head as CharSearch['kind'], ch: p[1]! }, false);
    }
    if (!'dcy'.includes(head)) {
      this.pending = '';
      return this.operator(p);
    }
    const m = /^.([1-9]\d*)?(.*)$/s.exec(p)!;
    const motion = m[2]!;
    // Still waiting: a count, or the character f/t or a text object needs.
    if (motion === '' || (motion.length === 1 && 'fFtTia'.includes(motion))) return;
    this.pending = '';
    if (motion === head) return this.operator(head === 'c' ? 'cc' : `${head}${head}`, Number(m[1] ?? '1'));
    const n = this.times() * Number(m[1] ?? '1');
    const line = this.buf.line;
    const isObject = motion.length === 2 && (motion[0] === 'i' || motion[0] === 'a');
    if (motion.length === 2 && !isObject) this.lastFind = { kind: motion[0] as CharSearch['kind'], ch: motion[1]! };
    const span = isObject ? textObject(line, this.buf.col, motion[0] === 'i', motion[1]!) : motionSpan(line, this.buf.col, motion, n, this.lastFind, head === 'c');
    if (span) this.applyOperator(head, span);
  }

  private findMove(search: CharSearch, repeat: boolean): void {
    const b = this.buf;
    const n = this.times();
    if (!repeat) this.lastFind = search;
    const to = charSearch(b.line, b.col, search, n, repeat);
    if (to !== undefined) b.moveTo(b.row, to, false);
  }

  /** d, c or y over columns of the cursor's line; the text goes to the unnamed register. */
  private applyOperator(op: string, span: Span): void {
    const b = this.buf;
    this.count = '';
    this.register = { lines: false, text: [b.line.slice(span.from, span.to)] };
    if (op === 'y') return b.moveTo(b.row, span.from, false);
    b.checkpoint();
    if (span.to > span.from) {
      b.lines[b.row] = b.line.slice(0, span.from) + b.line.slice(span.to);
      b.modified = true;
    }
    if (op !== 'c') return b.moveTo(b.row, span.from, false);
    b.moveTo(b.row, span.from);
    this.mode = 'insert';
    this.setMessage('-- INSERT --');
  }

  private put(after: boolean, n: number): void {
    const b = this.buf;
    const reg = this.register;
    if (!reg) return this.setMessage('E353: Nothing in register "', true);
    b.checkpoint();
    if (reg.lines) {
      const lines = Array.from({ length: n }, () => reg.text).flat();
      const at = after ? b.row + 1 : b.row;
      b.insertLines(at, lines);
      b.moveTo(at, 0, false);
      this.firstNonBlank();
    } else {
      const text = reg.text.join('\n').repeat(n);
      b.moveTo(b.row, after && b.line !== '' ? b.col + 1 : b.col);
      b.insert(text);
      b.moveTo(b.row, b.col - 1, false);
    }
  }

  private startInsert(how: string): void {
    const b = this.buf;
    b.checkpoint();
    this.count = '';
    if (how === 'a' && b.line !== '') b.moveTo(b.row, b.col + 1);
    if (how === 'A') b.moveTo(b.row, b.line.length);
    if (how === 'I') b.moveTo(b.row, Math.max(0, b.line.search(/\S/)));
    if (how === 'o' || how === 'O') {
      b.insertLines(how === 'o' ? b.row + 1 : b.row, ['']);
      b.moveTo(how === 'o' ? b.row + 1 : b.row, 0);
    }
    this.mode = 'insert';
    this.setMessage('-- INSERT --');
  }

  private insertKey(key: EditorKey): void {
    const b = this.buf;
    const text = typed(key);
    if (text !== undefined) return b.insert(text);
    switch (key.kind) {
      case 'escape':
        this.mode = 'normal';
        this.setMessage('');
        b.moveTo(b.row, b.col - 1, false);
        return;
      case 'ctrl':
        // Ctrl+C leaves insert mode as Escape does; Ctrl+[ is Escape itself.
        if (key.letter === 'c' || key.letter === '[') this.insertKey({ kind: 'escape' });
        return;
      case 'enter': b.insert('\n'); return;
      case 'backspace': b.backspace(); return;
      case 'delete': b.deleteForward(); return;
      case 'left': b.moveTo(b.row, b.col - 1); return;
      case 'right': b.moveTo(b.row, b.col + 1); return;
      case 'up': b.vertical(-1); return;
      case 'down': b.vertical(1); return;
      case 'home': b.moveTo(b.row, 0); return;
      case 'end': b.moveTo(b.row, b.line.length); return;
      default: return;
    }
  }

  private cmdlineKey(key: EditorKey): void {
    const text = typed(key);
    if (text !== undefined) {
      const nl = text.indexOf('\n');
      this.cmdline += nl < 0 ? text : text.slice(0, nl);
      if (nl >= 0) this.cmdlineKey({ kind: 'enter' });
      return;
    }
    if (key.kind === 'escape' || (key.kind === 'ctrl' && key.letter === 'c')) {
      this.mode = 'normal';
      this.setMessage('');
      return;
    }
    if (key.kind === 'backspace') {
      this.cmdline = this.cmdline.slice(0, -1);
      if (this.cmdline === '') this.mode = 'normal';
      return;
    }
    if (key.kind !== 'enter') return;
    const line = this.cmdline;
    this.mode = 'normal';
    this.setMessage('');
    if (line.startsWith(':')) this.ex(line.slice(1));
    else this.search(line.slice(1), line[0] === '/');
  }

  private ex(command: string): void {
    exCommand(this, command);
  }

  private search(pattern: string, forward: boolean): void {
    if (pattern !== '') this.lastSearch = { pattern, forward };
    this.searchNext(true);
  }

  private searchNext(same: boolean): void {
    const last = this.lastSearch;
    if (!last) return this.setMessage('E35: No previous regular expression', true);
    const forward = same === last.forward;
    const re = searchRegex(last.pattern);
    const hit = re && this.buf.find(re, forward);
    if (!hit) return this.setMessage(`E486: Pattern not found: ${last.pattern}`, true);
    this.buf.moveTo(hit.cursor.row, hit.cursor.col, false);
    this.setMessage(hit.wrapped ? (forward ? 'search hit BOTTOM, continuing at TOP' : 'search hit TOP, continuing at BOTTOM') : `${last.forward ? '/' : '?'}${last.pattern}`, hit.wrapped);
  }

  frame(columns: number, rows: number): Frame {
    const b = this.buf;
    this.height = rows;
    const textRows = Math.max(1, rows - 1);
    this.top = scrollTop(this.top, b.row, textRows);
    const cursorCol = displayCol(b.line, b.col);
    this.left = scrollLeft(this.left, cursorCol, columns);
    const out: string[] = [];
    for (let r = 0; r < textRows; r++) {
      const line = b.lines[this.top + r];
      out.push(line === undefined ? '~' : clip(displayText(line), this.left, columns));
    }
    const bottom = this.mode === 'cmdline' ? this.cmdline : this.message;
    out.push((this.error ? `\x1b[31m${bottom}` : bottom).slice(0, columns + (this.error ? 5 : 0)));
    const cursor = this.mode === 'cmdline' ? { row: rows - 1, col: Math.min(columns - 1, this.cmdline.length) } : { row: b.row - this.top, col: Math.min(columns - 1, cursorCol - this.left) };
    return { rows: out, cursor };
  }

  announcement(): string | undefined {
    const mode = this.mode === 'insert' ? 'insert mode' : this.mode === 'cmdline' ? 'command line' : 'normal mode';
    return this.announcer.next(mode, this.buf.row, this.buf.line, this.message);
  }
}
