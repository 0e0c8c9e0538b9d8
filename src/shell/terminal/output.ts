/**
 * Everything a terminal session writes goes through here: the bytes for xterm, the column the
 * cursor is left at (ColumnTracker) and the plain-text transcript, kept in step.
 */
import { ColumnTracker } from './columnTracker';
import { eraseEcho } from './cooked';
import { Transcript } from './transcript';

const CLEAR_SCREEN = '\x1b[H\x1b[2J';

export class TerminalOutput {
  private readonly tracker: ColumnTracker;
  readonly transcript = new Transcript();

  constructor(columns: number, private readonly emit: (bytes: string) => void) {
    this.tracker = new ColumnTracker(columns);
  }

  /** The cursor's column (cols when the last cell was just written). */
  get col(): number {
    return this.tracker.col;
  }

  resize(columns: number): void {
    this.tracker.resize(columns);
  }

  /** Bytes for the terminal only (the line editor's drawing; its text is recorded separately). */
  bytes(bytes: string): void {
    if (bytes === '') return;
    this.tracker.feed(bytes);
    this.emit(bytes);
  }

  /** Text with "\n" line ends, to the terminal (as "\r\n") and to the transcript. */
  text(text: string): void {
    if (text === '') return;
    this.bytes(text.replace(/\r?\n/g, '\r\n'));
    this.transcript.write(text);
  }

  /** Erases `echo`, just written before the cursor (cooked-mode Backspace). */
  eraseEcho(echo: string): void {
    if (echo === '') return;
    this.bytes(eraseEcho(echo, this.tracker));
    this.transcript.eraseBack(echo);
  }

  /** Clears the screen as `clear` does; what was shown stays in the scrollback and the transcript. */
  clearScreen(): void {
    this.transcript.breakLine();
    this.bytes(CLEAR_SCREEN);
    this.tracker.set(0);
  }
}
