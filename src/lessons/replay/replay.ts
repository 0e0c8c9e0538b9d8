/**
 * Replays a lesson headless, as a learner who clicks every block in order would: for each step,
 * its checks must all be false before; its blocks run on their nodes (template variables resolved
 * from the world at that moment), the virtual clock advancing until each command ends; then the
 * clock advances (bounded) until the checks hold. Every lesson is thereby a regression test.
 */
import type { World } from '../../engine';
import { mustPrepareCheck, type PreparedCheck } from '../checks/prepare';
import { DEFAULT_NODES, type CompiledLesson, type CompiledStep, type RunnableBlock } from '../model';
import { resolveCommand } from '../variables/template';
import type { ReplayOptions, ReplayShell, StepReport } from './types';

const COMMAND_TICK_MS = 100;
const CHECK_TICK_MS = 500;
const TRANSCRIPT_LINES = 15;

interface Session {
  readonly shell: ReplayShell;
  readonly output: string[];
}

export async function replayLesson(lesson: CompiledLesson, options: ReplayOptions): Promise<StepReport[]> {
  const world = options.createWorld();
  const flush = options.flush ?? (() => Promise.resolve());
  const sessions = new Map<string, Session>();
  const sessionOn = (node: string): Session => {
    let session = sessions.get(node);
    if (!session) {
      const output: string[] = [];
      const shell = options.createShell(world, node);
      shell.onOutput((text) => output.push(text));
      session = { shell, output };
      sessions.set(node, session);
    }
    return session;
  };
  const reports: StepReport[] = [];
  let failedAt: string | undefined;
  for (const [i, step] of lesson.steps.entries()) {
    const base = { lang: lesson.lang, lessonId: lesson.id, stepId: step.id, position: i + 1, stepCount: lesson.steps.length };
    const checks = step.checks.map((spec) => mustPrepareCheck(spec, { nodes: DEFAULT_NODES }));
    const labels = checks.length > 0 ? checks.map((c) => c.describe('en')) : step.blocks.map((b) => `${b.node}$ ${b.command.split('\n')[0]}`);
    if (failedAt !== undefined) {
      reports.push({ ...base, outcome: 'skipped', checks: labels, elapsedMs: 0, problems: [`not run: step "${failedAt}" failed`], transcript: [] });
      continue;
    }
    for (const s of sessions.values()) s.output.length = 0;
    const result = await replayStep(world, step, checks, sessionOn, { ...options, flush });
    const transcript = result.problems.length > 0 ? lastLines([...sessions.values()].flatMap((s) => s.output).join(''), TRANSCRIPT_LINES) : [];
    reports.push({ ...base, outcome: result.problems.length > 0 ? 'failed' : 'passed', checks: labels, elapsedMs: result.elapsedMs, problems: result.problems, transcript });
    if (result.problems.length > 0) failedAt = step.id;
  }
  return reports;
}

async function replayStep(
  world: World,
  step: CompiledStep,
  checks: readonly PreparedCheck[],
  sessionOn: (node: string) => Session,
  options: ReplayOptions & { flush(): Promise<void> },
): Promise<{ problems: string[]; elapsedMs: number }> {
  const problems: string[] = [];
  const started = world.now();
  for (const check of checks) {
    if (check.evaluate(world)) problems.push(`line ${check.spec.line}: "${check.describe('en')}" already holds before the step's commands ran`);
  }
  if (problems.length > 0) return { problems, elapsedMs: 0 };
  for (const block of step.blocks) {
    const problem = await runBlock(world, block, sessionOn(block.node), options);
    if (problem !== undefined) return { problems: [problem], elapsedMs: world.now() - started };
  }
  const deadline = world.now() + (options.checkTimeoutMs ?? 5 * 60_000);
  for (;;) {
    const failing = checks.filter((c) => !c.evaluate(world));
    if (failing.length === 0) return { problems, elapsedMs: world.now() - started };
    if (world.now() >= deadline) {
      const waited = Math.round((world.now() - started) / 1000);
      for (const c of failing) problems.push(`line ${c.spec.line}: "${c.describe('en')}" still does not hold ${waited}s after the step began`);
      return { problems, elapsedMs: world.now() - started };
    }
    world.advance(CHECK_TICK_MS);
    await options.flush();
  }
}

/** Types a block line by line, as a paste would, waiting for each command to end. */
async function runBlock(world: World, block: RunnableBlock, session: Session, options: ReplayOptions & { flush(): Promise<void> }): Promise<string | undefined> {
  const shell = session.shell;
  const resolved = resolveCommand(block.command, world, 'en');
  if (!resolved.ok) return `line ${block.line}: can't resolve {{${resolved.variable}}}: ${resolved.message}`;
  const lines = resolved.command.split('\n');
  let pending = false;
  for (const line of lines) {
    let exitCode: number | undefined;
    const stop = shell.onJobEnd((code) => {
      exitCode = code;
    });
    // The terminal echoes what is typed; the transcript shows it the same way.
    session.output.push(`${pending ? '> ' : `[${block.node}]$ `}${line}\n`);
    const accepted = shell.acceptLine(line);
    pending = accepted === 'incomplete';
    if (accepted === 'ran') {
      const timeout = options.commandTimeoutMs ?? 10 * 60_000;
      const deadline = world.now() + timeout;
      await options.flush();
      while (shell.busy) {
        if (shell.waitingForInput) {
          shell.interrupt();
          stop();
          return `line ${block.line}: \`${line}\` on ${block.node} stopped to wait for input; a lesson's commands must run without answers`;
        }
        if (world.now() >= deadline) {
          shell.interrupt();
          stop();
          return `line ${block.line}: \`${line}\` on ${block.node} was still running after ${Math.round(timeout / 1000)}s (waiting for input?); interrupted`;
        }
        world.advance(COMMAND_TICK_MS);
        await options.flush();
      }
    }
    stop();
    if (exitCode !== undefined && exitCode !== 0 && !block.mayFail) {
      return `line ${block.line}: \`${line}\` on ${block.node} exited with status ${exitCode} (mark the block \`\`\`bash ${block.node} may-fail if that is intended)`;
    }
  }
  if (pending) return `line ${block.line}: the block ends in the middle of a command (an open quote, or a trailing \\ or |)`;
  return undefined;
}

function lastLines(text: string, count: number): string[] {
  const lines = text.replace(/\n$/, '').split('\n');
  return lines.slice(-count);
}
