/**
 * Runs fuzzed command lines through a login shell on a world with a running cluster (kubeadm init
 * on node1, node2 joined, Weave applied) and reports, per line, what went wrong and how long the
 * shell and the engine spent on it.
 *
 * Each line is typed, then driven the way an impatient learner would: the virtual clock moves to
 * each next timer (up to a short horizon, so `sleep 1` and watches end), a program reading stdin
 * gets Ctrl+D, a full-screen editor gets the keys that quit it (vi's Escape :q!, nano's Ctrl+X n),
 * and whatever still runs after that gets Ctrl+C. Nothing sleeps: a line's time is CPU spent in
 * acceptLine and the clock advances it caused.
 *
 * Problems: an exception escaping the shell, "internal error" (a command that threw, caught by the
 * shell), or a line that never gives the prompt back.
 */
import { LiveCluster } from '../commands/kubectl/testing/live';
import { createShellSession, type ShellSession } from '../session/session';

export interface LineReport {
  readonly line: string;
  /** Milliseconds (of whatever clock the runner was given) spent on the line. */
  readonly ms: number;
  readonly problem?: string;
}

export interface FuzzRunnerOptions {
  readonly seed: string;
  /** A fresh world every this many lines: the fuzz happily runs rm -rf and kubeadm reset. */
  readonly freshEvery?: number;
  /** Virtual time a line may take before it is interrupted. */
  readonly horizonMs?: number;
  /** A monotonic clock in ms for the per-line cost (performance.now, or process CPU time). */
  readonly now?: () => number;
  /** Output kept per line, for the report (everything is scanned). */
  readonly keepOutput?: number;
}

const VI_QUIT = '\x1b\x1b:q!\r';
const NANO_QUIT = '\x18n';
/** Timers a line may wait for before the learner loses patience and presses Ctrl+C. */
const MAX_TIMER_STEPS = 400;

export class FuzzRunner {
  private cluster: LiveCluster | undefined;
  private session: ShellSession | undefined;
  private output = '';
  private internal = '';
  private lines = 0;
  private worlds = 0;
  private readonly freshEvery: number;
  private readonly horizonMs: number;
  private readonly now: () => number;

  constructor(private readonly opts: FuzzRunnerOptions) {
    this.freshEvery = opts.freshEvery ?? 500;
    this.horizonMs = opts.horizonMs ?? 2_000;
    this.now = opts.now ?? (() => 0);
  }

  /** How many worlds (clusters) were built so far. */
  get worldCount(): number {
    return this.worlds;
  }

  /** Types `text` (split into lines as a terminal sends them) and drives it until the prompt is back. */
  run(text: string): LineReport {
    if (this.lines++ % this.freshEvery === 0 || !this.cluster) this.fresh();
    const session = this.shell();
    this.output = '';
    this.internal = '';
    const start = this.now();
    let problem: string | undefined;
    try {
      // While a job runs, acceptLine hands the line to its stdin, as a terminal would.
      for (const line of text.split('\n')) session.acceptLine(line);
      this.drive(session);
      if (session.busy) {
        problem = 'the line never gave the prompt back (Ctrl+C, Ctrl+D and the editors\' quit keys did not end it)';
        // Later lines would only feed its stdin: they get a fresh world.
        this.cluster = undefined;
      }
    } catch (error) {
      this.cluster = undefined;
      problem = `exception: ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error)}`;
    }
    const ms = this.now() - start;
    if (problem === undefined && this.internal) problem = this.internal;
    // An unfinished line (an open quote) waits for more: Ctrl+C at the prompt drops it, so the next line starts clean.
    if (!session.busy) session.interrupt();
    return problem === undefined ? { line: text, ms } : { line: text, ms, problem };
  }

  private drive(session: ShellSession): void {
    const world = this.cluster!.world;
    const deadline = world.now() + this.horizonMs;
    let quitKeys = 0;
    let interrupts = 0;
    for (let step = 0; session.busy && step < 5_000; step++) {
      if (session.rawMode) {
        session.writeRaw(quitKeys++ % 2 === 0 ? VI_QUIT : NANO_QUIT);
        if (quitKeys > 6) session.interrupt();
        continue;
      }
      if (session.waitingForInput) {
        session.closeStdin();
        if (session.waitingForInput) session.interrupt();
        continue;
      }
      const next = world.clock.nextDue();
      // Past the horizon, or a job that keeps the clock ticking in tiny steps (yes, watch): Ctrl+C.
      if (next === undefined || next > deadline || step >= MAX_TIMER_STEPS) {
        if (interrupts++ > 20) return;
        session.interrupt();
        if (session.busy && next !== undefined) world.advance(Math.max(1, Math.min(next, world.now() + 1_000) - world.now()));
        continue;
      }
      world.advance(Math.max(0, next - world.now()));
    }
  }

  private fresh(): void {
    this.cluster = new LiveCluster(`${this.opts.seed}-${this.worlds++}`);
    this.session = undefined;
  }

  private shell(): ShellSession {
    if (this.session && !this.session.ended) return this.session;
    const session = createShellSession({ world: this.cluster!.world, host: 'node1' });
    const keep = this.opts.keepOutput ?? 2_000;
    session.onOutput((text) => {
      if (this.output.length < keep) this.output += text.slice(0, keep - this.output.length);
      if (!this.internal) {
        const at = text.indexOf('internal error');
        if (at >= 0) this.internal = text.slice(Math.max(0, at - 80), at + 400);
      }
    });
    this.session = session;
    return session;
  }

  /** What the last line printed (the first `keepOutput` characters). */
  get lastOutput(): string {
    return this.output;
  }
}
