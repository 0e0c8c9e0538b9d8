/**
 * Running a command inside a container, from a command that runs in a node's shell (kubectl exec):
 * a Shell of the shell layer's own interpreter, on a ContainerHost (the container's files, name,
 * address and environment) with the container's command table, sharing the node session's process
 * runtime so pipes, `$(...)` and Ctrl+C behave as at the node's prompt.
 *
 * - `sh`, `ash` or `bash` with a terminal (-it): an interactive shell with the image's prompt
 *   (`/ # ` for busybox and alpine, `root@<pod>:/# ` for Debian-based images such as nginx), until
 *   `exit` or Ctrl+D; Ctrl+C abandons the line and gives a new prompt, as busybox sh does.
 * - anything else: that one program, found through the container's PATH, or runc's "executable
 *   file not found" (status 126) when the image does not have it.
 */
import type { World } from '../../engine';
import { execApi } from '../interpreter/commandApi';
import { ShellEnvironment } from '../interpreter/environment';
import { runScript } from '../interpreter/interpreter';
import { Shell, type Io, type ShellCore } from '../interpreter/shell';
import { lookupCommand, runResolved } from '../interpreter/simple';
import { parse } from '../parser/parse';
import { expandPrompt } from '../session/prompt';
import { Interrupt, type CommandContext, type OutputStream, type Program } from '../types';
import { containerCommands } from './commands';
import { ContainerHost } from './containerHost';
import type { ExecTarget } from './target';

export interface ContainerRun {
  readonly target: ExecTarget;
  readonly argv: readonly string[];
  /** -i: stdin is attached. */
  readonly stdin: boolean;
  /** -t: a terminal is allocated (prompts, echo). */
  readonly tty: boolean;
}

const SHELLS = new Set(['sh', 'ash', 'bash']);

/** The prompt a root shell of this image shows. */
export function promptFor(target: ExecTarget): string {
  return target.flavour === 'debian' ? '\\u@\\h:\\w\\$ ' : '\\w \\$ ';
}

/** runc's words for a program the image does not have. */
export function notFoundInImage(name: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`;
}

/** A Program that just returns a status. */
// eslint-disable-next-line require-yield
function* done(code: number): Program {
  return code;
}

function containerShell(ctx: CommandContext, world: World, target: ExecTarget, tty: boolean): Shell | undefined {
  const parent = execApi(ctx.session)?.shell;
  if (!parent) return undefined;
  const host = new ContainerHost(world, target);
  const stream = world.random.fork(`exec/${target.hostname}/RANDOM`);
  const core: ShellCore = {
    world,
    host,
    runtime: parent.core.runtime,
    commands: containerCommands(target),
    aliases: new Map(),
    history: [],
    pid: 7,
    random: () => stream.int(32768),
    columns: () => ctx.columns,
    clearScreen: () => ctx.session.clearScreen(),
    get terminal(): Io {
      return parent.core.terminal;
    },
  };
  const env = new ShellEnvironment({ ...Object.fromEntries(target.env), HOSTNAME: target.hostname, HOME: '/root', ...(tty ? { TERM: 'xterm' } : {}) });
  env.set('PS1', promptFor(target));
  env.set('SHELL', target.flavour === 'debian' ? '/bin/bash' : '/bin/sh');
  const cwd = target.files.list(target.files.workingDir) !== undefined ? target.files.workingDir : '/';
  const shell = new Shell(core, env, cwd);
  shell.arg0 = target.flavour === 'debian' ? 'bash' : 'sh';
  return shell;
}

function* interactive(shell: Shell, io: Io, tty: boolean): Program {
  for (;;) {
    const info = { hostname: shell.core.host.name, user: 'root', uid: 0, cwd: shell.cwd, home: shell.home };
    if (tty) io.stdout.write(expandPrompt(shell.env.get('PS1') ?? '# ', info));
    let text = '';
    try {
      for (;;) {
        const line = yield* io.stdin.read();
        if (line === null) {
          // Ctrl+D at the prompt: busybox sh leaves quietly, bash says "exit".
          if (tty && shell.arg0 === 'bash') io.stdout.write('exit\n');
          return text === '' ? shell.lastStatus : 2;
        }
        text += line.endsWith('\n') ? line : `${line}\n`;
        const parsed = parse(text, { interactive: true });
        if (parsed.kind === 'incomplete') {
          if (tty) io.stdout.write('> ');
          continue;
        }
        if (parsed.kind === 'error') {
          io.stderr.write(`${parsed.message.replace(/^bash: /, `${shell.arg0}: `)}\n`);
          shell.lastStatus = 2;
          break;
        }
        yield* (runScript(shell, parsed.ast, io) as unknown as Program);
        break;
      }
    } catch (e) {
      if (!(e instanceof Interrupt)) throw e;
      // Ctrl+C: the command (or the line being typed) is abandoned, the shell stays.
      io.stdout.write('\n');
      shell.lastStatus = 130;
    }
    if (shell.exitRequested !== undefined) return shell.exitRequested;
  }
}

/**
 * The container's view of the caller's streams: a terminal only with -t (so `ls` prints one name
 * per line without it, as through kubectl's pipe), and busybox's wording for its shell's messages.
 */
function containerIo(ctx: CommandContext, run: ContainerRun): Io {
  const busybox = run.target.flavour !== 'debian';
  const stderr: OutputStream = {
    isTerminal: run.tty,
    write: (text) => ctx.stderr.write(busybox ? text.replace(/^bash: (.*): command not found$/gm, 'sh: $1: not found').replace(/^bash: /gm, 'sh: ') : text),
  };
  return { stdin: ctx.stdin, stdout: { isTerminal: run.tty, write: (text) => ctx.stdout.write(text) }, stderr };
}

/**
 * Runs argv in the container with the calling command's streams; returns the exit status (the
 * caller reports a non-zero one as kubectl does). Undefined when the caller runs outside a shell.
 */
export function runInContainer(ctx: CommandContext, run: ContainerRun): Program | undefined {
  const shell = containerShell(ctx, ctx.world, run.target, run.tty);
  if (!shell) return undefined;
  const io = containerIo(ctx, run);
  const name = run.argv[0] ?? '';
  const base = name.slice(name.lastIndexOf('/') + 1);
  const found = lookupCommand(shell, name, { builtins: false });
  if (found.kind !== 'program' && found.kind !== 'script') {
    io.stderr.write(notFoundInImage(name));
    return done(126);
  }
  if (SHELLS.has(base) && run.argv.length === 1) {
    if (!run.stdin) return done(0);
    return interactive(shell, io, run.tty);
  }
  return runResolved(shell, found, [...run.argv], shell.env.child(), io) as unknown as Program;
}
