/**
 * Cooked mode: what a tty's line discipline does while a job runs. Typed text is echoed and
 * collected until Enter; Backspace, Ctrl+U and Ctrl+W edit the collected text and erase its echo.
 * Control characters echo in caret notation (^X), as `stty echoctl` shows them.
 */
import { clusterBoundaries, textWidth } from './width';
import type { ColumnTracker } from './columnTracker';

export function echoForm(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += cp < 0x20 || cp === 0x7f ? `^${String.fromCharCode(cp ^ 0x40)}` : ch;
  }
  return out;
}

export class CookedLine {
  private chunks: string[] = [];

  get text(): string {
    return this.chunks.join('');
  }

  /** Adds typed text; returns what to echo. */
  type(text: string): string {
    const bounds = clusterBoundaries(text);
    for (let b = 0; b + 1 < bounds.length; b++) this.chunks.push(text.slice(bounds[b], bounds[b + 1]));
    return echoForm(text);
  }

  /** Removes the last character; returns its echo ('' when the line is empty). */
  backspace(): string {
    const last = this.chunks.pop();
    return last === undefined ? '' : echoForm(last);
  }

  /** Ctrl+W: back over spaces, then over the word before them. Returns the erased echo. */
  eraseWord(): string {
    let erased = '';
    while (this.chunks.length > 0 && /^\s$/.test(this.chunks[this.chunks.length - 1]!)) erased = echoForm(this.chunks.pop()!) + erased;
    while (this.chunks.length > 0 && !/^\s$/.test(this.chunks[this.chunks.length - 1]!)) erased = echoForm(this.chunks.pop()!) + erased;
    return erased;
  }

  /** Ctrl+U: erases everything typed. Returns the erased echo. */
  clear(): string {
    const erased = echoForm(this.text);
    this.chunks = [];
    return erased;
  }
}

/**
 * Bytes that erase the last `echo` written before the cursor, stepping back over row boundaries
 * (the tty's ECHOE: back up, then erase to the end of the line).
 */
export function eraseEcho(echo: string, tracker: ColumnTracker): string {
  let cells = textWidth(echo);
  if (cells === 0) return '';
  // `cursor` is the cell after the echo's last cell; at a pending wrap that is cols.
  let cursor = tracker.col;
  let out = '';
  while (cells > cursor) {
    cells -= cursor;
    out += '\x1b[A';
    cursor = tracker.columns;
  }
  const target = cursor - cells;
  out += target === 0 ? '\r' : `\r\x1b[${target}C`;
  return `${out}\x1b[J`;
}
