/**
 * The programs a shell inside a container can run: the shell's builtins, and for each binary the
 * image ships (what its /bin, /usr/bin... hold) the playground's command of that name — coreutils,
 * and curl — or, for the image's network tools (busybox's ping, wget, nslookup) and programs the
 * shell layer has no command for, the container runtime's own implementation. `ps` is the
 * container's own: its main process as PID 1.
 */
import { COMMANDS } from '../commands';
import { BUILTINS } from '../commands/builtins';
import { COREUTILS } from '../commands/coreutils';
import { CommandTable, type CommandEntry } from '../interpreter/commandTable';
import { Interrupt, sleep, type Command, type Program } from '../types';
import { containerOf } from './containerHost';
import type { ExecTarget } from './target';

const BIN_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];

/** Programs the image has, by name. An image the playground does not know may hold anything: the coreutils, then. */
export function imagePrograms(target: ExecTarget): string[] {
  const names = new Set<string>();
  for (const dir of BIN_DIRS) for (const name of target.files.list(dir) ?? []) names.add(name);
  if (target.flavour === 'unknown') for (const c of COREUTILS) names.add(c.name);
  return [...names].sort();
}

/** Can the container start this program (a bare name searched in the image's PATH, or a path)? */
export function hasProgram(target: ExecTarget, name: string): boolean {
  if (name.includes('/')) return target.files.readFile(name) !== undefined;
  return imagePrograms(target).includes(name);
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

/**
 * A program of the image that the container's runtime runs itself (busybox's ping and wget, with
 * ICMP and HTTP across the pod network): its output is passed through, Ctrl+C is delivered to it
 * as SIGINT (ping then prints its statistics), and its status becomes ours.
 */
function runtimeProgram(name: string): Command {
  return {
    name,
    summary: `${name} (the image's own)`,
    run(ctx) {
      const target = containerOf(ctx.host);
      if (!target?.run) {
        ctx.stderr.write(`${name}: this program is in the image, but kubeplay does not run it inside containers\n`);
        return 126;
      }
      const run = target.run.bind(target);
      return (function* (): Program {
        const input = ctx.stdin.isTerminal ? undefined : yield* ctx.stdin.readAll();
        let status: number | undefined;
        const handle = run(ctx.argv, { out: (t) => ctx.stdout.write(t), err: (t) => ctx.stderr.write(t), ...(input !== undefined ? { stdin: input } : {}) }, (code) => {
          status = code;
        });
        try {
          while (status === undefined) yield sleep(POLL_MS);
        } catch (e) {
          if (!(e instanceof Interrupt)) throw e;
          handle.signal('SIGINT');
          for (let waited = 0; status === undefined && waited < 2_000; waited += POLL_MS) yield sleep(POLL_MS);
          return status ?? 130;
        }
        return status;
      })();
    },
  };
}

const POLL_MS = 50;

/** Programs the image's runtime runs better than the node's tools would: busybox's own network tools. */
const RUNTIME_FIRST = new Set(['ping', 'wget', 'nslookup', 'nc']);

const OWN: ReadonlyMap<string, Command> = new Map([['ps', ps]]);

/** The command table for a shell inside this container. */
export function containerCommands(target: ExecTarget): CommandTable {
  const registry = new Map(COMMANDS.map((c) => [c.name, c]));
  const programs: CommandEntry[] = imagePrograms(target).map((name) => {
    if (target.run && RUNTIME_FIRST.has(name)) return runtimeProgram(name);
    return OWN.get(name) ?? registry.get(name) ?? runtimeProgram(name);
  });
  return new CommandTable(BUILTINS, programs);
}
