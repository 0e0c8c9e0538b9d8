/**
 * The text being edited: lines, a cursor, whether it changed since it was read or written, and
 * snapshots for undo. Both editors work on it; what a key does is theirs to decide.
 */
export interface Cursor {
  readonly row: number;
  readonly col: number;
}

export class TextBuffer {
  lines: string[];
  row = 0;
  col = 0;
  modified = false;
  /** The column vertical moves aim for (a short line in between does not lose it). */
  private wantCol = 0;
  private readonly undo: { lines: string[]; row: number; col: number }[] = [];

  constructor(text: string) {
    this.lines = splitText(text);
  }

  /** The file's text: every line ends in a newline, as both editors write it. */
  text(): string {
    return this.lines.length === 1 && this.lines[0] === '' ? '' : `${this.lines.join('\n')}\n`;
  }

  get line(): string {
    return this.lines[this.row] ?? '';
  }

  get lastRow(): number {
    return this.lines.length - 1;
  }

  /** Keeps the state before a change, for `u`. */
  checkpoint(): void {
    this.undo.push({ lines: [...this.lines], row: this.row, col: this.col });
    if (this.undo.length > 100) this.undo.shift();
  }

  restore(): boolean {
    const last = this.undo.pop();
    if (!last) return false;
    this.lines = last.lines;
    this.row = last.row;
    this.col = last.col;
    this.modified = true;
    return true;
  }

  /** Moves to (row, col), kept inside the text; `end` allows the column just past the last character (insert mode). */
  moveTo(row: number, col: number, end = true): void {
    this.row = Math.max(0, Math.min(row, this.lastRow));
    const max = Math.max(0, this.line.length - (end ? 0 : 1));
    this.col = Math.max(0, Math.min(col, max));
    this.wantCol = this.col;
  }

  vertical(delta: number, end = true): void {
    const want = this.wantCol;
    this.row = Math.max(0, Math.min(this.row + delta, this.lastRow));
    this.col = Math.max(0, Math.min(want, this.line.length - (end ? 0 : 1)));
    this.wantCol = want;
  }

  insert(text: string): void {
    const parts = text.split('\n');
    const before = this.line.slice(0, this.col);
    const after = this.line.slice(this.col);
    if (parts.length === 1) {
      this.lines[this.row] = before + text + after;
      this.moveTo(this.row, this.col + text.length);
    } else {
      const last = parts[parts.length - 1]!;
      this.lines.splice(this.row, 1, before + parts[0]!, ...parts.slice(1, -1), last + after);
      this.moveTo(this.row + parts.length - 1, last.length);
    }
    this.modified = true;
  }

  /** Backspace: the character before the cursor, or the line break before the line. */
  backspace(): boolean {
    if (this.col > 0) {
      this.lines[this.row] = this.line.slice(0, this.col - 1) + this.line.slice(this.col);
      this.moveTo(this.row, this.col - 1);
    } else if (this.row > 0) {
      const prev = this.lines[this.row - 1]!;
      this.lines.splice(this.row - 1, 2, prev + this.line);
      this.moveTo(this.row - 1, prev.length);
    } else return false;
    this.modified = true;
    return true;
  }

  /** Delete: the character under the cursor, or (at the end of a line) the line break after it. */
  deleteForward(joinLines = true): boolean {
    if (this.col < this.line.length) {
      this.lines[this.row] = this.line.slice(0, this.col) + this.line.slice(this.col + 1);
    } else if (joinLines && this.row < this.lastRow) {
      this.lines.splice(this.row, 2, this.line + this.lines[this.row + 1]!);
    } else return false;
    this.modified = true;
    return true;
  }

  /** Removes `count` lines from the cursor's; returns them. A buffer never has fewer than one line. */
  removeLines(count: number): string[] {
    const removed = this.lines.splice(this.row, Math.max(1, count));
    if (this.lines.length === 0) this.lines.push('');
    this.moveTo(this.row, this.col);
    this.modified = true;
    return removed;
  }

  insertLines(at: number, lines: readonly string[]): void {
    this.lines.splice(at, 0, ...lines);
    this.modified = true;
  }

  /** The next place `needle` occurs after (or, backwards, before) the cursor, wrapping around. */
  find(needle: RegExp, forward = true): { cursor: Cursor; wrapped: boolean } | undefined {
    const n = this.lines.length;
    for (let step = 0; step <= n; step++) {
      const r = forward ? (this.row + step) % n : (this.row - step + n) % n;
      const line = this.lines[r]!;
      const matches = [...line.matchAll(new RegExp(needle.source, `g${needle.flags.replace('g', '')}`))].map((m) => m.index);
      const hit = forward
        ? matches.find((c) => step > 0 || c > this.col)
        : [...matches].reverse().find((c) => step > 0 || c < this.col);
      if (hit !== undefined) return { cursor: { row: r, col: hit }, wrapped: forward ? r < this.row || (r === this.row && step > 0) : r > this.row || (r === this.row && step > 0) };
    }
    return undefined;
  }
}

/** A file's lines (a last newline ends the last line, it does not start another). */
export function splitText(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
