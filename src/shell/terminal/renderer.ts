/**
 * Keeps what the terminal shows of "prompt + line" and computes the bytes that turn it into a new
 * prompt + line + cursor: it rewrites only from the first changed character, erases what is left
 * of the old text, and moves the cursor with relative sequences, across wrapped rows and wide
 * characters. This is the job readline's redisplay does for bash over a real tty.
 *
 * Two xterm details shape it. A redraw never starts at column 0 of a continuation row, because
 * erasing there clears the row's "wrapped" flag and the screen reader would see two lines; it
 * backs up one character instead. And when the text ends exactly at the right margin, a space and
 * a backspace make the terminal wrap for real, so the cursor sits at the start of the next row as
 * readline leaves it.
 */
import { cursorPosition, layoutLine, moveCursor, settled, unitAtOffset, type Layout, type Pos } from './layout';

const ERASE_BELOW = '\x1b[J';

export class LineRenderer {
  private cols: number;
  private shown: Layout | undefined;
  private prompt = '';
  private line = '';
  private cursor = 0;
  /** The physical cursor, relative to the row where the prompt starts. */
  private physical: Pos = { row: 0, col: 0 };

  constructor(columns: number) {
    this.cols = Math.max(2, columns);
  }

  get columns(): number {
    return this.cols;
  }

  /** True while a prompt and line are on screen. */
  get active(): boolean {
    return this.shown !== undefined;
  }

  /** The screen text of the prompt and line shown (for the transcript). */
  get plain(): string {
    return this.shown?.plain ?? '';
  }

  /** Starts a new prompt at the terminal's current column; nothing is drawn yet. */
  begin(startCol: number): void {
    this.shown = layoutLine('', '', this.cols, startCol);
    this.prompt = '';
    this.line = '';
    this.cursor = 0;
    this.physical = settled({ row: 0, col: this.shown.startCol }, this.cols);
  }

  /** Bytes that make the screen show prompt + line with the cursor at `cursor` (a line offset). */
  draw(prompt: string, line: string, cursor: number): string {
    const old = this.shown ?? layoutLine('', '', this.cols, 0);
    const next = layoutLine(prompt, line, this.cols, old.startCol);
    let out = '';
    let k = 0;
    while (k < old.units.length && k < next.units.length && sameUnit(old, next, k)) k++;
    const unchanged = k === old.units.length && k === next.units.length;
    if (!unchanged) {
      // Back up until the redraw starts where the cursor can stand and erase without unwrapping a row.
      while (k > 0) {
        const end = next.units[k - 1]!.end;
        if (end.col < this.cols && !(end.col === 0 && end.row > 0)) break;
        k--;
      }
      const from = settled(k === 0 ? { row: 0, col: next.startCol } : next.units[k - 1]!.end, this.cols);
      out += moveCursor(this.physical, from);
      if (old.units.length > k) out += ERASE_BELOW;
      for (let u = k; u < next.units.length; u++) out += next.units[u]!.out;
      const wrote = next.units.length > k;
      if (wrote && next.end.col >= this.cols) out += ' \b';
      this.physical = wrote ? settled(next.end, this.cols) : from;
    }
    const target = cursorPosition(next, unitAtOffset(next, cursor));
    out += moveCursor(this.physical, target);
    this.physical = target;
    this.shown = next;
    this.prompt = prompt;
    this.line = line;
    this.cursor = cursor;
    return out;
  }

  /** Bytes that leave the line as it is (plus `suffix`, e.g. "^C") and put the cursor on the next line. */
  finish(suffix = ''): string {
    if (!this.shown) return '';
    const out = moveCursor(this.physical, settled(this.shown.end, this.cols)) + suffix + '\r\n';
    this.shown = undefined;
    return out;
  }

  /** Bytes that erase the prompt and line (output is about to be written where they were). */
  erase(): string {
    if (!this.shown) return '';
    const origin = settled({ row: 0, col: this.shown.startCol }, this.cols);
    const out = moveCursor(this.physical, origin) + ERASE_BELOW;
    this.shown = undefined;
    return out;
  }

  /** Forgets the screen (after a clear): the next draw starts from scratch at `startCol`. */
  reset(startCol: number): void {
    this.begin(startCol);
  }

  /**
   * The terminal changed width: xterm reflows wrapped rows and keeps the cursor on its character,
   * so the same text now lays out with the new width, with no bytes written.
   */
  resize(columns: number): void {
    this.cols = Math.max(2, columns);
    if (!this.shown) return;
    const startCol = Math.min(this.shown.startCol, this.cols - 1);
    this.shown = layoutLine(this.prompt, this.line, this.cols, startCol);
    this.physical = cursorPosition(this.shown, unitAtOffset(this.shown, this.cursor));
  }
}

function sameUnit(a: Layout, b: Layout, k: number): boolean {
  const x = a.units[k]!;
  const y = b.units[k]!;
  return x.out === y.out && x.start.row === y.start.row && x.start.col === y.start.col && x.end.row === y.end.row && x.end.col === y.end.col;
}
