/**
 * The contract between the shell and its commands.
 *
 * A command is a function of a context to an exit code. Long-running commands are generators:
 * they yield effects (sleep on the virtual clock, read stdin, await a lazy module) and the shell's
 * runtime resumes them, so everything stays synchronous with respect to the virtual clock and the
 * same inputs give the same transcript. Ctrl+C throws an Interrupt into the generator at its
 * current yield; a command may catch it to shut down gracefully (docker-compose does).
 */
import type { Host, World } from '../engine';

export type Effect =
  /** Resume after ms of virtual time. */
  | { readonly kind: 'sleep'; readonly ms: number }
  /** Resume with the next chunk of stdin, or null at end of input. */
  | { readonly kind: 'read' }
  /** Resume when a promise settles (a lazily loaded module); outside virtual time. */
  | { readonly kind: 'await'; readonly promise: Promise<unknown> };

/** What a generator command looks like: it returns its exit code. */
export type Program = Generator<Effect, number, unknown>;

export interface OutputStream {
  /** Text with "\n" line ends; the terminal adds the carriage returns. */
  write(text: string): void;
  /** True when this stream is the terminal (not a pipe, file or $(...)): colours, widths, prompts. */
  readonly isTerminal: boolean;
}

export interface InputStream {
  readonly isTerminal: boolean;
  /** The terminal's controls, on the terminal's own input only (not a pipe, a file, a here-document). */
  readonly terminal?: TerminalControl | undefined;
  /** The next chunk (a line, from a terminal), or null at end of input. */
  read(): Generator<Effect, string | null, unknown>;
  /** Everything up to end of input. */
  readAll(): Generator<Effect, string, unknown>;
}

/**
 * The terminal for a full-screen program (vi, nano): raw mode on the alternate screen. Keys arrive
 * as the terminal sends them (no echo, no line editing; Ctrl+C is "\x03", not an interrupt), bytes
 * go out untouched, and close() gives the shell's screen back as it was.
 */
export interface TerminalScreen {
  readonly columns: number;
  readonly rows: number;
  /** The bytes typed since the last read; "" when only the size changed (redraw). */
  read(): Generator<Effect, string, unknown>;
  /** Escape sequences and text, as they are ("\r\n" line ends). */
  write(bytes: string): void;
  /** A short text for screen readers: the mode, the line under the cursor. */
  announce(text: string): void;
  close(): void;
}

export interface TerminalControl {
  /** Takes the terminal; undefined when another program holds it. */
  fullScreen(): TerminalScreen | undefined;
}

/** The terminal, when both stdin and stdout are it (`vi f | cat` and `vi f < x` get none). */
export function terminalOf(ctx: Pick<CommandContext, 'stdin' | 'stdout'>): TerminalControl | undefined {
  return ctx.stdout.isTerminal ? ctx.stdin.terminal : undefined;
}

export interface Environment {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  unset(name: string): void;
  export(name: string): void;
  isExported(name: string): boolean;
  /** Exported variables, as `env` prints them. */
  exported(): ReadonlyArray<readonly [string, string]>;
  /** A child's copy: commands can change their own environment without touching the shell's. */
  child(): Environment;
}

/** What builtins may do to the shell that runs them. */
export interface SessionApi {
  readonly history: readonly string[];
  chdir(path: string): void;
  clearHistory(): void;
  setAlias(name: string, value: string): void;
  unsetAlias(name: string): boolean;
  aliases(): ReadonlyMap<string, string>;
  /** Clears the screen (Ctrl+L, `clear`). */
  clearScreen(): void;
  /** Ends the shell: the terminal shows a fresh login, as PWK's reconnect did. */
  exit(code: number): void;
  /** Runs a script line in this shell (source, eval). */
  runLine(line: string): Program;
  /** Is `name` something this shell can run (builtin, alias or command)? For `type`/`which`. */
  resolve(name: string): 'builtin' | 'alias' | 'command' | undefined;
}

export interface CommandContext {
  /** argv[0] is the command name as typed. */
  readonly argv: readonly string[];
  readonly env: Environment;
  readonly cwd: string;
  readonly host: Host;
  readonly world: World;
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly session: SessionApi;
  /** Terminal width in columns, for commands that wrap or truncate. */
  readonly columns: number;
}

export interface FlagSpec {
  /** "--output" */
  readonly name: string;
  /** "-o" */
  readonly short?: string;
  readonly takesValue: boolean;
  /** Values to offer for completion ("wide", "yaml", ...). */
  readonly values?: readonly string[];
  readonly description: string;
}

export interface CompletionRequest {
  /** Words before the one being completed; words[0] is the command. */
  readonly words: readonly string[];
  /** The partial word under the cursor. */
  readonly current: string;
  readonly cwd: string;
  readonly host: Host;
  readonly world: World;
  readonly env: Environment;
}

export interface Command {
  readonly name: string;
  /** One line for `help` and completion menus. */
  readonly summary: string;
  readonly flags?: readonly FlagSpec[];
  run(ctx: CommandContext): number | Program;
  /** Candidates for the word being completed; paths are the default when absent. */
  complete?(req: CompletionRequest): readonly string[];
}

/** Thrown into a running generator by Ctrl+C. */
export class Interrupt extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupt';
  }
}

/** yield sleep(ms) inside a generator command. */
export function sleep(ms: number): Effect {
  return { kind: 'sleep', ms };
}
