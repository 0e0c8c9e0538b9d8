/**
 * The programs a shell inside a container can run: the shell's builtins, and for each binary the
 * image ships (what its /bin, /usr/bin... hold) the playground's command of that name — coreutils,
 * and the network tools (ping, wget, nslookup, curl) registered by other tasks — or, when the
 * playground has none, a stub that says so. `ps` is the container's own: its main process as PID 1.
 */
import { COMMANDS } from '../commands';
import { BUILTINS } from '../commands/builtins';
import { CommandTable, type CommandEntry } from '../interpreter/commandTable';
import type { Command } from '../types';
import { containerOf } from './containerHost';
import type { ExecTarget } from './target';

const BIN_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];

/** Programs the image has, by name (first directory of PATH order wins, as which would say). */
export function imagePrograms(target: ExecTarget): string[] {
  const names = new Set<string>();
  for (const dir of BIN_DIRS) for (const name of target.files.list(dir) ?? []) names.add(name);
  return [...names].sort();
}

/** busybox ps: the container's processes, its main process first. */
const ps: Command = {
  name: 'ps',
  summary: 'report a snapshot of the current processes',
  run(ctx) {
    const target = containerOf(ctx.host);
    const main = target?.command.join(' ') ?? 'sh';
    const rows = [['1', main], ['7', ctx.env.get('SHELL') ?? 'sh'], ['13', 'ps']];
    ctx.stdout.write(`PID   USER     TIME  COMMAND\n${rows.map(([pid, cmd]) => `${pid!.padStart(5)} root      0:00 ${cmd}\n`).join('')}`);
    return 0;
  },
};

function missing(name: string): Command {
  return {
    name,
    summary: `${name} (not simulated)`,
    run(ctx) {
      ctx.stderr.write(`${name}: this program is in the image, but kubeplay does not run it inside containers\n`);
      return 126;
    },
  };
}

const OWN: ReadonlyMap<string, Command> = new Map([['ps', ps]]);

/** The command table for a shell inside this container. */
export function containerCommands(target: ExecTarget): CommandTable {
  const registry = new Map(COMMANDS.map((c) => [c.name, c]));
  const programs: CommandEntry[] = imagePrograms(target).map((name) => OWN.get(name) ?? registry.get(name) ?? missing(name));
  return new CommandTable(BUILTINS, programs);
}
