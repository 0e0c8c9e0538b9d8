/**
 * Command lines as processes: a container whose command is `ping 1.1.1.1`, `sleep 3600` or
 * `sh -c 'while true; do …; done'` runs it here as PID 1 (its output becomes the container's
 * log, its status the container's exit code), and `kubectl exec` runs commands the same way
 * without being PID 1.
 */
import type { ProcessSignal, ProgramMain } from '../../containers/process';
import { ENTRYPOINT_WRAPPERS } from '../images';
import { COMMANDS } from './commands';
import { hasBinary, type Io, type ScriptHost } from './host';
import { Shell } from './shell';

/** fork + exec: a process that exits at once is still seen running for a moment. */
const EXEC_MS = 10;
const SHELLS = new Set(['sh', 'ash', 'bash', 'dash']);

export type ProcessHost = Omit<ScriptHost, 'setTimer' | 'clearTimer'>;

export interface CommandHandle {
  signal(sig: ProcessSignal): void;
}

/**
 * Starts argv in a container. `sh -c SCRIPT [NAME ARGS…]` interprets SCRIPT, `sh FILE` reads it
 * from the container, a shell with no script reads its input (end of file at once, unless
 * `stdinOpen`); anything else runs as one command.
 */
export function runCommand(host: ScriptHost, argv: readonly string[], io: Io, done: (code: number) => void, options: { readonly pid1?: boolean; readonly stdinOpen?: boolean } = {}): CommandHandle {
  const first = argv[0] ?? '';
  if (ENTRYPOINT_WRAPPERS.has(first) && argv.length > 1) {
    // The image's entrypoint script ends in `exec "$@"` (dash words a missing program its way).
    if (hasBinary(host, argv[1]!)) return runCommand(host, argv.slice(1), io, done, options);
    io.err(`${first}: 47: exec: ${argv[1]}: not found\n`);
    done(127);
    return { signal: () => undefined };
  }
  const base = first.slice(first.lastIndexOf('/') + 1);
  const name = base === 'bash' ? 'bash' : 'sh';
  const isShell = SHELLS.has(base);
  const script = isShell && argv[1] === '-c' ? argv[2] : undefined;
  const positional = script !== undefined ? argv.slice(3) : argv.slice(2);
  const shell = new Shell({ host, commands: COMMANDS, pid1: options.pid1 ?? false, name, positional: positional.length > 0 ? positional : [name] });
  let finished = false;
  const finish = (code: number): void => {
    if (finished) return;
    finished = true;
    done(code);
  };
  if (isShell && !hasBinary(host, first)) {
    io.err(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${first}": executable file not found in $PATH: unknown\n`);
    finish(126);
  } else if (isShell && script !== undefined) {
    shell.runText(script, io, finish);
  } else if (isShell && argv[1] !== undefined && !argv[1].startsWith('-')) {
    const text = host.files.readFile(argv[1]);
    if (text === undefined) {
      io.err(`${name}: can't open '${argv[1]}': No such file or directory\n`);
      finish(2);
    } else shell.runText(text, io, finish);
  } else if (isShell) {
    // No terminal: the shell reads end of input and exits — unless its stdin is kept open.
    if (!options.stdinOpen) finish(0);
  } else {
    shell.runArgv(argv, io, finish);
  }
  return {
    signal(sig) {
      if (sig === 'SIGKILL') {
        shell.kill();
        finish(137);
        return;
      }
      shell.signal(sig);
    },
  };
}

/** Line-buffers a stream into the container's log (a partial last line is written at exit). */
function lineWriter(write: (line: string) => void): { readonly put: (text: string) => void; readonly flush: () => void } {
  let pending = '';
  return {
    put(text) {
      pending += text;
      let nl = pending.indexOf('\n');
      while (nl >= 0) {
        write(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
        nl = pending.indexOf('\n');
      }
    },
    flush() {
      if (pending !== '') write(pending);
      pending = '';
    },
  };
}

/** The main process of a container that runs a command line. */
export function commandProgram(host: ProcessHost, stdinOpen: boolean): ProgramMain {
  return (sb, exit) => {
    const full: ScriptHost = { ...host, setTimer: (ms, fn) => sb.setTimer(ms, fn), clearTimer: (id) => sb.clearTimer(id) };
    const out = lineWriter((line) => sb.log('stdout', line));
    const err = lineWriter((line) => sb.log('stderr', line));
    let handle: CommandHandle | undefined;
    let ended = false;
    const end = (code: number): void => {
      if (ended) return;
      ended = true;
      out.flush();
      err.flush();
      exit(code);
    };
    sb.setTimer(EXEC_MS, () => {
      handle = runCommand(full, sb.command, { out: out.put, err: err.put }, end, { pid1: true, stdinOpen });
    });
    return {
      signal(sig) {
        if (handle) handle.signal(sig);
        else if (sig === 'SIGKILL') end(137);
      },
    };
  };
}
