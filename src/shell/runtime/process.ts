/**
 * One process of the simulated shell: a generator the runtime steps, its place in the process tree,
 * and how it ended. A pipeline stage, a subshell, a `$(...)`: each is a Process; a simple command in
 * the current shell runs inside the shell's own process, as in bash.
 */
import type { ShellGen } from './effects';

export type Signal = 'INT' | 'PIPE';

/**
 * Thrown to end the current process at once with a status: bash abandons the rest of a command
 * line after an expansion error (`${X:?}`, a bad substitution); a subshell just exits with it.
 */
export class ProcessExit {
  constructor(readonly status: number) {}
}

/** How the runtime resumes a process next: a value, an exception (Ctrl+C), or a forced return (SIGPIPE). */
export type Resume =
  | { readonly kind: 'next'; readonly value: unknown }
  | { readonly kind: 'throw'; readonly error: unknown }
  | { readonly kind: 'return'; readonly code: number };

export type BlockKind = 'sleep' | 'io' | 'await' | 'wait' | 'yield';

export class Process {
  readonly children = new Set<Process>();
  state: 'ready' | 'running' | 'blocked' | 'done' = 'ready';
  exitCode = 0;
  /** Set when the process died of a signal (Ctrl+C, a closed pipe). */
  signal: Signal | undefined;
  resume: Resume = { kind: 'next', value: undefined };
  blockKind: BlockKind | undefined;
  cancelBlock: (() => void) | undefined;
  /** Wrote to a pipe nobody reads: stop at the next yield. */
  brokenPipe = false;
  private readonly exitListeners: (() => void)[] = [];

  constructor(
    readonly id: number,
    readonly gen: ShellGen,
    /** For messages: the command this process runs. */
    readonly label: string,
    readonly parent: Process | undefined,
  ) {
    parent?.children.add(this);
  }

  get done(): boolean {
    return this.state === 'done';
  }

  /** Runs cb once the process has exited (at once if it already has). */
  onExit(cb: () => void): void {
    if (this.done) cb();
    else this.exitListeners.push(cb);
  }

  /** Called by the runtime only. */
  exited(): void {
    this.parent?.children.delete(this);
    for (const cb of this.exitListeners.splice(0)) cb();
  }
}
