/**
 * `docker exec [OPTIONS] CONTAINER COMMAND [ARG...]`: one command inside a running container, from
 * the image's toolbox (hostname, cat, ls, env, ps…). Its exit code becomes ours.
 */
import type { DockerEngine } from '../../../engine';
import type { CommandContext } from '../../types';
import { cliError, daemonError } from './client';
import type { FlagDef, ParsedFlags } from './flags';
import { interactiveNotice, isInteractiveShell } from './interactive';

export const EXEC_FLAGS: readonly FlagDef[] = [
  { long: 'interactive', short: 'i', description: 'Keep STDIN open even if not attached' },
  { long: 'tty', short: 't', description: 'Allocate a pseudo-TTY' },
  { long: 'detach', short: 'd', description: 'Detached mode: run command in the background' },
  { long: 'env', short: 'e', value: true, description: 'Set environment variables' },
  { long: 'workdir', short: 'w', value: true, description: 'Working directory inside the container' },
  { long: 'user', short: 'u', value: true, description: 'Username or UID (format: <name|uid>[:<group|gid>])' },
];

export function runExec(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags): number {
  const [ref, ...command] = parsed.args;
  if (ref === undefined || command.length === 0) {
    ctx.stderr.write('"docker exec" requires at least 2 arguments.\nSee \'docker exec --help\'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nRun a command in a running container\n');
    return 1;
  }
  const c = engine.container(ref);
  if (!c) return cliError(ctx, `No such container: ${ref}`);
  if (c.state !== 'running') return daemonError(ctx, `Container ${c.id} is not running`);
  if (parsed.bools.has('interactive') && isInteractiveShell(command)) return interactiveNotice(ctx, 'exec', ref);
  const r = engine.exec(c.id, command);
  if (!r.ok) return daemonError(ctx, r.error);
  ctx.stdout.write(r.value.stdout);
  ctx.stderr.write(r.value.stderr);
  return r.value.exitCode;
}
