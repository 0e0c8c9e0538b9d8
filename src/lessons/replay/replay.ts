/**
 * Replays lessons headless, as a learner who clicks every block in order would: for each step,
 * its checks must all be false before; its blocks run on their nodes (template variables resolved
 * from the world at that moment), the virtual clock advancing until each command ends; the step
 * passes once its checks hold together, while its commands run or within a bounded wait after,
 * as the page ticks a step the first time its checks hold. Every lesson is thereby a regression
 * test.
 *
 * A Replay keeps one world and one shell per node across lessons: the built-in lessons are one
 * course in one playground, and each continues where the previous one left off (lesson 04 runs
 * the DockerCoins that lesson 03 cloned, in the directory the learner is in).
 */
import { snapshotOf, type World } from '../../engine';
import { unmatchedHighlights } from '../highlight';
import { mustPrepareCheck, type PreparedCheck } from '../checks/prepare';
import { DEFAULT_NODES, type CompiledLesson, type CompiledStep, type RunnableBlock } from '../model';
import { resolveCommand } from '../variables/template';
import type { ReplayOptions, ReplayShell, StepReport } from './types';

const COMMAND_TICK_MS = 100;
const CHECK_TICK_MS = 500;
const TRANSCRIPT_LINES = 15;
/** How long a command may take to stop after replay's Ctrl+C (compose waits 10 s for the worker). */
const STOP_AFTER_INTERRUPT_MS = 60_000;

interface Session {
  readonly shell: ReplayShell;
  readonly output: string[];
}

type Options = ReplayOptions & { flush(): Promise<void> };

/** Replays one lesson in a fresh world. */
export async function replayLesson(lesson: CompiledLesson, options: ReplayOptions): Promise<StepReport[]> {
  return new Replay(options).lesson(lesson);
}

export class Replay {
  readonly world: World;
  private readonly options: Options;
  private readonly sessions = new Map<string, Session>();

  constructor(options: ReplayOptions) {
    this.world = options.createWorld();
    this.options = { ...options, flush: options.flush ?? (() => Promise.resolve()) };
  }

  /**
   * Replays a lesson from the state the previous ones left. `blockedBy` names a lesson that failed
   * before it: its steps are then reported as not run.
   */
  async lesson(lesson: CompiledLesson, blockedBy?: string): Promise<StepReport[]> {
    const reports: StepReport[] = [];
    let failedAt = blockedBy === undefined ? undefined : `not run: the lesson before it, "${blockedBy}", failed`;
    for (const [i, step] of lesson.steps.entries()) {
      const base = { lang: lesson.lang, lessonId: lesson.id, stepId: step.id, position: i + 1, stepCount: lesson.steps.length };
      const checks = step.checks.map((spec) => mustPrepareCheck(spec, { nodes: DEFAULT_NODES }));
      const labels = checks.length > 0 ? checks.map((c) => c.describe('en')) : step.blocks.map((b) => `${b.node}$ ${b.command.split('\n')[0]}`);
      if (failedAt !== undefined) {
        reports.push({ ...base, outcome: 'skipped', checks: labels, elapsedMs: 0, problems: [failedAt], transcript: [] });
        continue;
      }
      for (const s of this.sessions.values()) s.output.length = 0;
      const result = await this.step(step, checks);
      const transcript = result.problems.length > 0 ? lastLines([...this.sessions.values()].flatMap((s) => s.output).join(''), TRANSCRIPT_LINES) : [];
      reports.push({ ...base, outcome: result.problems.length > 0 ? 'failed' : 'passed', checks: labels, elapsedMs: result.elapsedMs, problems: result.problems, transcript });
      if (result.problems.length > 0) failedAt = `not run: step "${step.id}" failed`;
    }
    return reports;
  }

  private sessionOn(node: string): Session {
    let session = this.sessions.get(node);
    if (!session) {
      const output: string[] = [];
      const shell = this.options.createShell(this.world, node);
      shell.onOutput((text) => output.push(text));
      session = { shell, output };
      this.sessions.set(node, session);
    }
    return session;
  }

  private async step(step: CompiledStep, checks: readonly PreparedCheck[]): Promise<{ problems: string[]; elapsedMs: number }> {
    const world = this.world;
    const problems: string[] = [];
    const started = world.now();
    for (const check of checks) {
      if (check.evaluate(world)) problems.push(`line ${check.spec.line}: "${check.describe('en')}" already holds before the step's commands ran`);
    }
    if (problems.length > 0) return { problems, elapsedMs: 0 };
    const unmatchedAtStart = unmatchedHighlights(step.highlight, snapshotOf(world));
    // The page ticks a step the first time its checks hold together, even while a command still
    // runs (the app mines while `docker-compose up` streams its logs): sample them as we go.
    let held = false;
    const sample = () => {
      if (!held && checks.length > 0 && checks.every((c) => c.evaluate(world))) held = true;
    };
    for (const block of step.blocks) {
      const problem = await this.block(block, sample);
      if (problem !== undefined) return { problems: [problem], elapsedMs: world.now() - started };
    }
    const deadline = world.now() + (this.options.checkTimeoutMs ?? 5 * 60_000);
    for (;;) {
      sample();
      if (held || checks.length === 0) {
        // A highlight must name something on the diagram when the step begins or when it ends
        // (a step may create what it highlights, or delete it): otherwise it is a typo.
        const unmatched = unmatchedHighlights(unmatchedAtStart, snapshotOf(world));
        for (const id of unmatched) problems.push(`highlight "${id}" names nothing in the diagram, neither when the step began nor when it ended`);
        return { problems, elapsedMs: world.now() - started };
      }
      if (world.now() >= deadline) {
        const waited = Math.round((world.now() - started) / 1000);
        for (const c of checks.filter((c) => !c.evaluate(world))) problems.push(`line ${c.spec.line}: "${c.describe('en')}" still does not hold ${waited}s after the step began`);
        return { problems, elapsedMs: world.now() - started };
      }
      world.advance(CHECK_TICK_MS);
      await this.options.flush();
    }
  }

  /** Types a block line by line, as a paste would, waiting for each command to end. */
  private async block(block: RunnableBlock, sample: () => void): Promise<string | undefined> {
    const world = this.world;
    const session = this.sessionOn(block.node);
    const shell = session.shell;
    const resolved = resolveCommand(block.command, world, 'en');
    if (!resolved.ok) return `line ${block.line}: can't resolve {{${resolved.variable}}}: ${resolved.message}`;
    let pending = false;
    for (const line of resolved.command.split('\n')) {
      let exitCode: number | undefined;
      const stop = shell.onJobEnd((code) => {
        exitCode = code;
      });
      // The terminal echoes what is typed; the transcript shows it the same way.
      session.output.push(`${pending ? '> ' : `[${block.node}]$ `}${line}\n`);
      const accepted = shell.acceptLine(line);
      pending = accepted === 'incomplete';
      let interrupted = false;
      if (accepted === 'ran') {
        const problem = await this.waitForCommand(block, line, shell, sample, () => {
          interrupted = true;
        });
        if (problem !== undefined) {
          stop();
          return problem;
        }
      }
      stop();
      // Ctrl+C is how the learner ends a streaming command: its exit status says nothing.
      if (!interrupted && exitCode !== undefined && exitCode !== 0 && !block.mayFail) {
        return `line ${block.line}: \`${line}\` on ${block.node} exited with status ${exitCode} (mark the block \`\`\`bash ${block.node} may-fail if that is intended)`;
      }
    }
    if (pending) return `line ${block.line}: the block ends in the middle of a command (an open quote, or a trailing \\ or |)`;
    return undefined;
  }

  /** Advances the clock until the command ends; Ctrl+C at the block's interrupt-after. */
  private async waitForCommand(block: RunnableBlock, line: string, shell: ReplayShell, sample: () => void, onInterrupt: () => void): Promise<string | undefined> {
    const world = this.world;
    const timeout = this.options.commandTimeoutMs ?? 10 * 60_000;
    const started = world.now();
    const interruptAt = block.interruptAfterMs === undefined ? undefined : started + block.interruptAfterMs;
    let stopBy: number | undefined;
    const where = `line ${block.line}: \`${line}\` on ${block.node}`;
    await this.options.flush();
    sample();
    while (shell.busy) {
      if (shell.waitingForInput) {
        shell.interrupt();
        return `${where} stopped to wait for input; a lesson's commands must run without answers`;
      }
      if (interruptAt !== undefined && stopBy === undefined && world.now() >= interruptAt) {
        onInterrupt();
        stopBy = world.now() + STOP_AFTER_INTERRUPT_MS;
        shell.interrupt();
        await this.options.flush();
        continue;
      }
      if (stopBy !== undefined && world.now() >= stopBy) {
        shell.interrupt();
        return `${where} was still running ${STOP_AFTER_INTERRUPT_MS / 1000}s after Ctrl+C; interrupted again`;
      }
      if (stopBy === undefined && world.now() - started >= timeout) {
        shell.interrupt();
        return `${where} was still running after ${Math.round(timeout / 1000)}s (waiting for input?); interrupted`;
      }
      world.advance(COMMAND_TICK_MS);
      await this.options.flush();
      sample();
    }
    return undefined;
  }
}

function lastLines(text: string, count: number): string[] {
  const lines = text.replace(/\n$/, '').split('\n');
  return lines.slice(-count);
}
