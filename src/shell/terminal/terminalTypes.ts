/**
 * The public shape of a terminal session (see terminalSession.ts) and of its journal.
 */
import type { Unsubscribe } from '../../engine';
import type { TerminalShell } from './shellPort';

export type JournalEntry =
  | { readonly t: number; readonly kind: 'line'; readonly text: string }
  /** `text`: the abandoned line, when ^C was pressed at a prompt with something typed. */
  | { readonly t: number; readonly kind: 'interrupt'; readonly text?: string }
  | { readonly t: number; readonly kind: 'eof' }
  /** Bytes typed while a program held the terminal in raw mode (an editor's keys). */
  | { readonly t: number; readonly kind: 'keys'; readonly text: string };

export interface RunResult {
  readonly output: string;
  readonly exitCode: number;
}

export interface TerminalSession {
  /** Writes the banner (motd) and the first prompt. */
  start(banner?: string): void;
  /** Raw xterm onData. */
  input(data: string): void;
  resize(cols: number, rows: number): void;
  /** Bytes for xterm.write ("\r\n" line ends). */
  onWrite(listener: (data: string) => void): Unsubscribe;
  onJournal(listener: (entry: JournalEntry) => void): Unsubscribe;
  /** Texts for screen readers from full-screen programs (the editor's mode and current line): a live region's content. */
  onAnnounce?(listener: (text: string) => void): Unsubscribe;
  /**
   * After each command line's job ends (not an empty line, not a line handed to a running job):
   * what it printed (at most its first ~8 KB, escapes included) and its exit status.
   */
  onCommandEnd?(listener: (result: RunResult) => void): Unsubscribe;
  /** Re-applies a journal entry (restoring a saved session). */
  replay(entry: JournalEntry): void;
  /** Types `line` (several lines allowed) and Enter; resolves when its job ends, with what the job printed. */
  run(line: string): Promise<RunResult>;
  /** The screen as logical lines: output, prompts and lines, and the line being edited. */
  transcript(): string;
  /** A job runs, or automation is waiting to run. */
  readonly busy: boolean;
  /** A program (vi, nano) holds the terminal raw: every key is its own, Escape included. */
  readonly rawMode?: boolean;
  readonly columns: number;
  readonly rows: number;
}

export interface TerminalSessionOptions {
  /** A fresh login shell after `exit`, `logout` or ^D. Without it the same shell keeps going. */
  readonly newSession?: () => TerminalShell;
  readonly columns?: number;
  readonly rows?: number;
}
