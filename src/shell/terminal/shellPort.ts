/**
 * The shell a terminal talks to. src/shell/session's ShellSession satisfies it; the optional
 * members are capabilities the terminal uses when the shell offers them.
 */
import type { Host, Unsubscribe, World } from '../../engine';
import type { Command, Environment } from '../types';

export type AcceptResult = 'ran' | 'incomplete' | 'empty';

export interface TerminalShell {
  readonly host: Host;
  readonly world: World;
  readonly env: Environment;
  readonly cwd: string;
  readonly history: readonly string[];
  readonly busy: boolean;
  prompt(): string;
  continuationPrompt(): string;
  /** One line typed at the prompt: it ran (a job started, maybe already ended), needs more lines, or was blank. */
  acceptLine(line: string): AcceptResult;
  /** A line typed while a job runs (cooked mode), "\n" included. */
  writeStdin(text: string): void;
  closeStdin(): void;
  /** Ctrl+C: interrupts the job, or drops a pending incomplete command. */
  interrupt(): void;
  resize(columns: number): void;
  onOutput(listener: (text: string) => void): Unsubscribe;
  onJobEnd(listener: (exitCode: number) => void): Unsubscribe;
  onClearScreen(listener: () => void): Unsubscribe;
  commandNames(): string[];
  commandFor(name: string): Command | undefined;

  /** The shell ended (exit, logout): the terminal starts a fresh login shell. */
  onExit?: ((listener: (exitCode: number) => void) => Unsubscribe) | undefined;
  /** Alternative to onExit: read after each job. */
  readonly exited?: boolean | undefined;
  /**
   * Terminal input written to the job's stdin that the job never read. A tty keeps unread input for
   * the next reader, so the terminal hands it to the shell prompt as typeahead. Without it, lines
   * typed while a job runs go to that job only.
   */
  takeUnreadInput?: (() => string) | undefined;
}
