/**
 * Interactive terminals inside containers (`docker exec -it c sh`, `docker run -it alpine`) are not
 * simulated yet: the playground says so plainly and shows the one-command form that does work.
 */
import type { CommandContext } from '../../types';

const SHELLS = new Set(['sh', 'ash', 'bash', 'zsh', 'python', 'python3', 'irb', 'node', 'redis-cli']);

/** A command that would wait for a person to type: a shell or an interpreter with no script. */
export function isInteractiveShell(command: readonly string[]): boolean {
  const first = command[0];
  if (first === undefined) return false;
  const name = first.slice(first.lastIndexOf('/') + 1);
  return SHELLS.has(name) && command.slice(1).every((a) => a.startsWith('-') && a !== '-c');
}

export function interactiveNotice(ctx: CommandContext, verb: 'run' | 'exec', container = '<container>'): number {
  const example = verb === 'exec' ? `docker exec ${container} ls /` : 'docker run --rm alpine cat /etc/hostname';
  ctx.stderr.write(`kubeplay: interactive terminals inside containers are not supported yet.\nRun one command at a time instead, for example: ${example}\n`);
  return 1;
}
