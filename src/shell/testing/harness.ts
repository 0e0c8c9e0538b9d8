/**
 * A test harness that reads like a learner's session:
 *
 *   const w = testWorld({ seed: 'x' });
 *   const node1 = shellOn(w, 'node1');
 *   const r = await node1.run('echo hi | tr a-z A-Z');   // { stdout: 'HI\n', stderr: '', output, exitCode: 0 }
 *
 * run() types the line, then advances the virtual clock (to each next timer) until the job ends,
 * awaiting lazily loaded commands on the way. Interactive reads get their input from
 * `run(line, { input: 'y\n' })` or from `type('y\n')` right after calling run().
 */
import { World, type WorldOptions } from '../../engine';
import { createShellSession, type OutputStreamName, type ShellSession } from '../session/session';
import type { CommandEntry } from '../interpreter/commandTable';

export interface TestWorldOptions {
  readonly seed?: string | number;
  readonly epochMs?: number;
  readonly hostNames?: readonly string[];
}

/** A fresh world (node1 and node2 by default) with a fixed seed. */
export function testWorld(opts: TestWorldOptions = {}): World {
  const init: WorldOptions = {
    seed: opts.seed ?? 'test',
    ...(opts.epochMs !== undefined ? { epochMs: opts.epochMs } : {}),
    ...(opts.hostNames !== undefined ? { hostNames: opts.hostNames } : {}),
  };
  return new World(init);
}

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr interleaved as the terminal shows them (no prompt, no echo). */
  readonly output: string;
  readonly exitCode: number;
  /** The job was still running after maxMs of virtual time and got Ctrl+C. */
  readonly timedOut: boolean;
}

export interface RunOptions {
  /** Typed into the job's terminal input as soon as it starts, one line at a time. */
  readonly input?: string;
  /** Virtual time after which a still-running job gets Ctrl+C (streaming commands). Default 10 minutes. */
  readonly maxMs?: number;
}

export interface TestJob {
  /** Resolves when the job ends (advancing the clock, see RunOptions.maxMs). */
  done(opts?: RunOptions): Promise<RunResult>;
}

export interface TestShell {
  readonly session: ShellSession;
  readonly world: World;
  /** Everything printed since the shell started. */
  readonly output: string;
  /** Types a command line (it may span several lines) and waits for it to finish. */
  run(text: string, opts?: RunOptions): Promise<RunResult>;
  /** Starts a line without waiting: drive it with advance(), type(), interrupt(), then done(). */
  start(line: string): TestJob;
  /** Text typed while a job runs (answers to prompts), split into lines as a terminal sends them. */
  type(text: string): void;
  /** Ctrl+C */
  interrupt(): void;
  /** Ctrl+D */
  eof(): void;
  advance(ms: number): void;
  readFile(path: string): string | undefined;
  writeFile(path: string, content: string): void;
}

export interface ShellOnOptions {
  readonly commands?: readonly CommandEntry[];
  readonly columns?: number;
}

const DEFAULT_MAX_MS = 10 * 60 * 1000;

export function shellOn(world: World, host: string, opts: ShellOnOptions = {}): TestShell {
  const session = createShellSession({ world, host, ...(opts.columns !== undefined ? { columns: opts.columns } : {}), ...(opts.commands ? { commands: opts.commands } : {}) });
  const chunks: { text: string; stream: OutputStreamName }[] = [];
  session.onStream((text, stream) => chunks.push({ text, stream }));

  const collect = (from: number): { stdout: string; stderr: string; output: string } => {
    const slice = chunks.slice(from);
    return {
      stdout: slice.filter((c) => c.stream === 'stdout').map((c) => c.text).join(''),
      stderr: slice.filter((c) => c.stream === 'stderr').map((c) => c.text).join(''),
      output: slice.map((c) => c.text).join(''),
    };
  };

  const type = (text: string): void => {
    for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) session.writeStdin(line);
  };

  /** Waits for the running job, if any; the clock moves only when nothing else can happen. */
  const finish = async (opts: RunOptions): Promise<{ exitCode: number; timedOut: boolean }> => {
    const deadline = world.now() + (opts.maxMs ?? DEFAULT_MAX_MS);
    let timedOut = false;
    let idleRounds = 0;
    while (session.busy) {
      await session.whenIdle();
      await Promise.resolve();
      if (!session.busy) break;
      if (session.waitingForInput) {
        // Give a test's type() right after run() its chance, then fail loudly instead of hanging.
        if (++idleRounds < 20) continue;
        throw new Error('the job is waiting for terminal input: pass run(line, { input }) or call type() after run()');
      }
      idleRounds = 0;
      const next = world.clock.nextDue();
      if (next === undefined) throw new Error('the job is blocked and no timer is pending');
      if (next > deadline) {
        world.advance(Math.max(0, deadline - world.now()));
        if (session.busy) {
          timedOut = true;
          session.interrupt();
        }
        continue;
      }
      world.advance(next - world.now());
    }
    return { exitCode: session.lastStatus, timedOut };
  };

  const start = (line: string): TestJob => {
    const from = chunks.length;
    const lines = line.split('\n');
    let result: 'ran' | 'incomplete' | 'empty' = 'empty';
    let i = 0;
    // The first complete command starts now, synchronously, so type() right after sees the job.
    for (; i < lines.length; i++) {
      result = session.acceptLine(lines[i]!);
      if (result === 'ran') {
        i++;
        break;
      }
    }
    const rest = lines.slice(i);
    return {
      async done(opts: RunOptions = {}) {
        if (opts.input !== undefined && session.busy) type(opts.input);
        let outcome = await finish(opts);
        for (const next of rest) {
          result = session.acceptLine(next);
          if (result === 'ran') outcome = await finish(opts);
        }
        if (result === 'incomplete') throw new Error(`run(): the input is an unfinished command: ${JSON.stringify(line)}`);
        return { ...collect(from), exitCode: outcome.exitCode, timedOut: outcome.timedOut };
      },
    };
  };

  return {
    session,
    world,
    get output() {
      return chunks.map((c) => c.text).join('');
    },
    run: (text, opts = {}) => start(text).done(opts),
    start,
    type,
    interrupt: () => session.interrupt(),
    eof: () => session.closeStdin(),
    advance(ms) {
      if (session.loading) {
        throw new Error('advance(): a command of the job is still loading; call `await preloadCommands()` (src/shell) in beforeAll when driving jobs by hand');
      }
      world.advance(ms);
    },
    readFile(path) {
      const r = world.host(session.host.name)?.fs.readFile(path);
      return r?.ok ? r.value : undefined;
    },
    writeFile(path, content) {
      session.host.fs.writeFile(path, content);
    },
  };
}
