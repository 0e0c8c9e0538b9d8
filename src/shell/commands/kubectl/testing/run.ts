/**
 * A small stand-in for the shell while kubectl is tested on its own: builds a CommandContext on a
 * host of a World, runs `kubectl ...` (argv split on spaces, or given as an array), drives the
 * program's effects on the virtual clock, and returns what a learner would see.
 */
import { Interrupt, type CommandContext, type Environment, type InputStream, type OutputStream, type SessionApi } from '../../../types';
import type { World } from '../../../../engine';
import { kubectl } from '../index';

export interface RunOptions {
  readonly host?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly stdin?: string;
  /** stdout is a terminal (colours). */
  readonly tty?: boolean;
  readonly cwd?: string;
  /** Interrupt (Ctrl+C) after this much virtual time; for streaming commands like get -w. */
  readonly interruptAfterMs?: number;
  /** Give up (and fail the test) after this much virtual time. */
  readonly maxMs?: number;
}

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr interleaved as a terminal shows them. */
  readonly output: string;
  readonly exitCode: number;
  /** Virtual milliseconds the command took. */
  readonly elapsedMs: number;
}

class MapEnv implements Environment {
  constructor(private readonly vars: Map<string, string>) {}
  get(name: string) { return this.vars.get(name); }
  set(name: string, value: string) { this.vars.set(name, value); }
  unset(name: string) { this.vars.delete(name); }
  export() { /* every variable is exported here */ }
  isExported(name: string) { return this.vars.has(name); }
  exported(): ReadonlyArray<readonly [string, string]> { return [...this.vars.entries()]; }
  child(): Environment { return new MapEnv(new Map(this.vars)); }
}

const session: SessionApi = {
  history: [], chdir() {}, clearHistory() {}, setAlias() {}, unsetAlias: () => false, aliases: () => new Map(), clearScreen() {},
  // eslint-disable-next-line require-yield
  exit() {}, runLine: function* () { return 0; }, resolve: () => undefined,
};

export function runKubectl(world: World, args: string | readonly string[], opts: RunOptions = {}): RunResult {
  const host = world.host(opts.host ?? 'node1');
  if (!host) throw new Error(`no host ${opts.host}`);
  const argv = ['kubectl', ...(typeof args === 'string' ? args.split(' ').filter(Boolean) : args)];
  let stdout = '';
  let stderr = '';
  let output = '';
  const out = (isTerminal: boolean, sink: (t: string) => void): OutputStream => ({ isTerminal, write: (t) => { sink(t); output += t; } });
  let stdinText: string | null = opts.stdin ?? null;
  const stdin: InputStream = {
    isTerminal: opts.stdin === undefined,
    // eslint-disable-next-line require-yield
    *read() {
      const chunk = stdinText;
      stdinText = null;
      return chunk;
    },
    // eslint-disable-next-line require-yield
    *readAll() {
      const chunk = stdinText ?? '';
      stdinText = null;
      return chunk;
    },
  };
  const ctx: CommandContext = {
    argv,
    env: new MapEnv(new Map(Object.entries({ ...host.loginEnv, ...(opts.env ?? {}) }))),
    cwd: opts.cwd ?? '/root',
    host,
    world,
    stdin,
    stdout: out(opts.tty ?? false, (t) => { stdout += t; }),
    stderr: out(opts.tty ?? false, (t) => { stderr += t; }),
    session,
    columns: 120,
  };
  const start = world.now();
  const program = kubectl.run(ctx);
  if (typeof program === 'number') return { stdout, stderr, output, exitCode: program, elapsedMs: 0 };
  let input: unknown;
  let exitCode: number;
  for (;;) {
    const elapsed = world.now() - start;
    let step: IteratorResult<unknown, number>;
    if (opts.interruptAfterMs !== undefined && elapsed >= opts.interruptAfterMs) {
      try {
        step = program.throw(new Interrupt());
      } catch (e) {
        if (e instanceof Interrupt) {
          exitCode = 130;
          break;
        }
        throw e;
      }
    } else {
      step = program.next(input);
    }
    if (step.done) {
      exitCode = step.value;
      break;
    }
    const effect = step.value as { kind: string; ms?: number };
    input = undefined;
    if (effect.kind === 'sleep') world.advance(effect.ms ?? 0);
    else if (effect.kind !== 'read') throw new Error(`unexpected effect ${effect.kind}`);
    if (world.now() - start > (opts.maxMs ?? 600_000)) throw new Error('kubectl did not finish in time');
  }
  return { stdout, stderr, output, exitCode, elapsedMs: world.now() - start };
}
