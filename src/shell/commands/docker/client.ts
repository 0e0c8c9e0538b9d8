/**
 * What docker and docker-compose share as clients of a host's engine: reaching it, streaming a
 * long operation (pull, build) on the virtual clock, waiting for containers to change state, and
 * printing errors the way the docker CLI does.
 */
import { DOCKERCOINS_PROGRAMS, dockerOf, provideProgramTable, type DockerEngine, type DockerError, type Host, type Operation, type World } from '../../../engine';
import { sleep, type CommandContext, type Program } from '../../types';

/** How often a waiting client looks again (compose and the CLI poll the daemon's state and logs). */
export const POLL_MS = 100;

/** The host's engine; its containers run DockerCoins' programs unless a test wired others first. */
export function engineFor(ctx: { readonly world: World; readonly host: Host }): DockerEngine {
  provideProgramTable(ctx.world, DOCKERCOINS_PROGRAMS);
  const engine = dockerOf(ctx.world, ctx.host.name);
  if (!engine) throw new Error(`no host ${ctx.host.name}`);
  return engine;
}

/** Runs an engine operation: its waits become sleeps on the virtual clock, its output goes to `write`. */
export function* runOperation<R>(op: Operation<R>, write: (text: string) => void): Generator<ReturnType<typeof sleep>, R, unknown> {
  for (;;) {
    const step = op.next();
    if (step.done) return step.value;
    if (step.value.kind === 'wait') {
      if (step.value.ms > 0) yield sleep(step.value.ms);
    } else {
      write(step.value.text);
    }
  }
}

/** Polls until `done()` holds (a container stopped, started…). */
export function* waitUntil(done: () => boolean): Program {
  while (!done()) yield sleep(POLL_MS);
  return 0;
}

/** "Error response from daemon: …" for daemon errors, "Error: …" for what the CLI decides itself. */
export function daemonError(ctx: CommandContext, error: DockerError | string): number {
  const message = typeof error === 'string' ? error : error.message;
  ctx.stderr.write(`Error response from daemon: ${message}\n`);
  return 1;
}

export function cliError(ctx: CommandContext, message: string): number {
  ctx.stderr.write(`Error: ${message}\n`);
  return 1;
}

/** cobra's usage error, exit code 125 for `docker run`-like commands, 1 elsewhere. */
export function usageError(ctx: CommandContext, path: string, message: string, code = 125): number {
  ctx.stderr.write(`${message}\nSee '${path} --help'.\n`);
  return code;
}
