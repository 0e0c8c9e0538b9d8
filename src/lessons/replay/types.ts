/**
 * What replay needs from a terminal session. The shell's ShellSession (src/shell) has this shape;
 * replay only depends on the shape, so it is tested with a small fake shell and wired to the real
 * one by scripts/lessons-check.ts (and, later, a "play the lesson for me" button).
 */
import type { World } from '../../engine';

export interface ReplayShell {
  /** A job is running (the prompt is not shown). */
  readonly busy: boolean;
  /** The running job waits for a line from the terminal (a prompt such as cp -i's). */
  readonly waitingForInput?: boolean;
  /** One line typed at the prompt. */
  acceptLine(line: string): 'ran' | 'incomplete' | 'empty';
  /** Ctrl+C. */
  interrupt(): void;
  onOutput(listener: (text: string) => void): () => void;
  onJobEnd(listener: (exitCode: number) => void): () => void;
}

export interface ReplayOptions {
  /** A fresh world per lesson (fixed seed: replay is deterministic). */
  createWorld(): World;
  /** A login shell on a host of that world. */
  createShell(world: World, host: string): ReplayShell;
  /**
   * Virtual time a command may run before replay gives up on it (default 10 minutes); a block's
   * interrupt-after presses Ctrl+C earlier.
   */
  readonly commandTimeoutMs?: number;
  /** Virtual time the checks may take to hold after the commands ended (default 5 minutes). */
  readonly checkTimeoutMs?: number;
  /** Lets pending promises settle (a lazily loaded command module); default: one microtask turn. */
  flush?(): Promise<void>;
}

export type StepOutcome = 'passed' | 'failed' | 'skipped';

export interface StepReport {
  readonly lang: string;
  readonly lessonId: string;
  readonly stepId: string;
  /** 1-based. */
  readonly position: number;
  readonly stepCount: number;
  readonly outcome: StepOutcome;
  /** Check descriptions ("node2 is Ready"); "no checks" steps list their commands instead. */
  readonly checks: readonly string[];
  /** Virtual ms from the first command to the step's end (commands done, checks held). */
  readonly elapsedMs: number;
  readonly problems: readonly string[];
  /** The terminal's last lines on failure, to see what went wrong. */
  readonly transcript: readonly string[];
}
