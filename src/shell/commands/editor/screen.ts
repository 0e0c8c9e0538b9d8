/**
 * Drawing a full-screen editor: a frame is the text of every row plus where the cursor goes; the
 * painter sends only the rows that changed since the last frame (a cursor move costs a few bytes),
 * each as "go to the row, write it, erase the rest of the line".
 */
import type { TerminalScreen } from '../../types';

export interface Frame {
  /** One entry per screen row: text, with SGR sequences for reverse video where a bar needs it. */
  readonly rows: readonly string[];
  readonly cursor: { readonly row: number; readonly col: number };
}

export const REVERSE = '\x1b[7m';
export const NORMAL = '\x1b[0m';

export class Painter {
  private last: readonly string[] = [];

  constructor(private readonly screen: TerminalScreen) {}

  paint(frame: Frame): void {
    let out = '';
    frame.rows.forEach((row, i) => {
      if (this.last[i] !== row) out += `\x1b[${i + 1};1H${row}${NORMAL}\x1b[K`;
    });
    this.last = frame.rows;
    this.screen.write(`${out}\x1b[${frame.cursor.row + 1};${frame.cursor.col + 1}H`);
  }

  /** Draw everything next time (after a resize, the terminal may have reflowed what was there). */
  invalidate(): void {
    this.last = [];
  }
}

/** A line as the screen shows it: tabs expanded to the next multiple of 8, other controls as ^X. */
export function displayText(line: string): string {
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else if (ch < ' ' || ch === '\x7f') out += `^${String.fromCharCode((ch.charCodeAt(0) + 64) & 0x7f)}`;
    else out += ch;
  }
  return out;
}

/** The screen column of a buffer column (after the tabs before it). */
export function displayCol(line: string, col: number): number {
  return displayText(line.slice(0, col)).length;
}

/** The part of a line that fits between `left` and `left + width`. */
export function clip(text: string, left: number, width: number): string {
  return text.slice(left, left + width);
}

/** The first line to show so that `row` is on screen, scrolling as little as possible. */
export function scrollTop(top: number, row: number, height: number): number {
  if (row < top) return row;
  if (row >= top + height) return row - height + 1;
  return top;
}

/** The first column to show so that `col` is on screen. */
export function scrollLeft(left: number, col: number, width: number): number {
  if (col < left) return Math.max(0, col - Math.floor(width / 2));
  if (col >= left + width) return col - width + Math.floor(width / 2);
  return left;
}
