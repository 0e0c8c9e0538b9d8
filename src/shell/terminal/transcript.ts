/**
 * The plain text of a terminal, as logical lines (a line wrapped over several rows is one line):
 * what tests and lesson replay read instead of a screen. Output is applied as a terminal would:
 * CR returns to the start of the line and later text overwrites, BS steps back, CSI K erases to
 * the end of the line, other escape sequences (colours, cursor moves of the line editor) draw
 * nothing. The line being edited is not kept here: the session adds it when asked.
 */
import { readEscape } from './escapes';

export class Transcript {
  private readonly lines: string[] = [];
  private current = '';
  private col = 0;

  constructor(private readonly maxLines = 10_000) {}

  write(text: string): void {
    let i = 0;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '\n') {
        this.newline();
        i++;
      } else if (ch === '\r') {
        this.col = 0;
        i++;
      } else if (ch === '\b') {
        this.col = Math.max(0, this.col - 1);
        i++;
      } else if (ch === '\t') {
        this.put(' '.repeat(8 - (this.col % 8)));
        i++;
      } else if (ch === '\x1b') {
        const seq = readEscape(text, i);
        if (seq.kind === 'csi' && seq.final === 'K') this.current = this.current.slice(0, this.col);
        i += seq.length;
      } else if (ch < ' ' || ch === '\x7f') {
        i++;
      } else {
        let j = i + 1;
        while (j < text.length && text[j]! >= ' ' && text[j] !== '\x7f') j++;
        this.put(text.slice(i, j));
        i = j;
      }
    }
  }

  /** Removes `text` from the end of the current line (cooked-mode Backspace). */
  eraseBack(text: string): void {
    if (text !== '' && this.current.endsWith(text)) {
      this.current = this.current.slice(0, this.current.length - text.length);
      this.col = Math.min(this.col, this.current.length);
    }
  }

  /** Ends the current line unless it is empty (the screen was cleared: new text starts on a new row). */
  breakLine(): void {
    if (this.current !== '') this.newline();
  }

  get currentLine(): string {
    return this.current;
  }

  /** Everything, with `live` (the prompt and line being edited) appended to the current line. */
  text(live = ''): string {
    const last = this.current + live;
    return this.lines.length === 0 ? last : `${this.lines.join('\n')}\n${last}`;
  }

  private put(s: string): void {
    if (this.col >= this.current.length) {
      this.current += ' '.repeat(this.col - this.current.length) + s;
    } else {
      this.current = this.current.slice(0, this.col) + s + this.current.slice(this.col + s.length);
    }
    this.col += s.length;
  }

  private newline(): void {
    this.lines.push(this.current);
    // Trim in batches so a long stream of output stays linear.
    if (this.lines.length > this.maxLines + 1000) this.lines.splice(0, this.lines.length - this.maxLines);
    this.current = '';
    this.col = 0;
  }
}
