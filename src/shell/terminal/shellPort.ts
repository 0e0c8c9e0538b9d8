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
  resize(columns: number, rows?: number): void;
  onOutput(listener: (text: string) => void): Unsubscribe;
  onJobEnd(listener: (exitCode: number) => void): Unsubscribe;
  onClearScreen(listener: () => void): Unsubscribe;
  commandNames(): string[];
  commandFor(name: string): Command | undefined;

  /** The shell ended (exit, logout): the terminal starts a fresh login shell. */
  onExit?: ((listener: (exitCode: number) => void) => Unsubscribe) | undefined;
  /** $? after the last command. */
  readonly lastStatus?: number | undefined;
  /** The shell has ended (read after each job, for shells without onExit). */
  readonly ended?: boolean | undefined;
  /**
   * A running job is blocked reading the terminal. A line typed while no one reads stays with
   * the tty and reaches bash at the next prompt, as typeahead.
   */
  readonly waitingForInput?: boolean | undefined;
  /**
   * Terminal input written to the job's stdin that the job never read. A tty keeps unread input for
   * the next reader, so the terminal hands it to the shell prompt as typeahead. When offered, every
   * line typed during a job goes to its stdin first (waitingForInput is not needed).
   */
  takeUnreadInput?: (() => string) | undefined;
  /**
   * A program holds the terminal in raw mode (vi, nano): what is typed goes to writeRaw as it is
   * (Ctrl+C included), and what it writes is drawn as it is, outside the transcript.
   */
  readonly rawMode?: boolean | undefined;
  writeRaw?: ((data: string) => void) | undefined;
  /** What a full-screen program tells screen readers. */
  onAnnounce?: ((listener: (text: string) => void) => Unsubscribe) | undefined;
  /**
   * A shell whose interpreter is still loading (deferredShell.ts): asks for it now and resolves
   * once it is there (rejects if it cannot load). Undefined, or absent, once the shell is ready.
   */
  whenLoaded?: (() => Promise<void> | undefined) | undefined;
}
