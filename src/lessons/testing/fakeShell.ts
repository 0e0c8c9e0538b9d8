/**
 * A tiny stand-in for the real shell in replay tests: enough commands to change world state
 * (touch, mkdir -p, echo > file), take virtual time (sleep), fail (false), run until
 * interrupted (read) or stop at a prompt (ask), with bash's `\` continuation. `serve <path>`
 * behaves like `docker-compose up`: <path> exists while it runs, and Ctrl+C stops it after 2 s
 * (exit status 0 once stopped); `deaf` runs forever and ignores Ctrl+C. The real shell (src/shell)
 * is wired in by scripts/lessons-check.ts.
 */
import type { World } from '../../engine';
import type { ReplayShell } from '../replay/types';

export function fakeShell(world: World, hostName: string): ReplayShell & { readonly lines: readonly string[] } {
  const host = world.host(hostName)!;
  const outputs = new Set<(text: string) => void>();
  const jobEnds = new Set<(code: number) => void>();
  const lines: string[] = [];
  let pending = '';
  let busy = false;
  let timer: number | undefined;
  let waiting = false;
  let onInterrupt: (() => void) | undefined;
  let deaf = false;
  const write = (text: string) => outputs.forEach((l) => l(text));
  const end = (code: number) => {
    busy = false;
    jobEnds.forEach((l) => l(code));
  };
  const run = (line: string): void => {
    lines.push(line);
    const [cmd, ...args] = line.trim().split(/\s+/);
    busy = true;
    switch (cmd) {
      case 'touch':
        for (const path of args) host.fs.writeFile(path, '');
        return end(0);
      case 'mkdir':
        for (const path of args.filter((a) => a !== '-p')) host.fs.mkdir(path, { parents: true });
        return end(0);
      case 'echo': {
        const to = args.indexOf('>');
        if (to >= 0) host.fs.writeFile(args[to + 1]!, `${args.slice(0, to).join(' ')}\n`);
        else write(`${args.join(' ')}\n`);
        return end(0);
      }
      case 'sleep':
        timer = world.clock.schedule(Number(args[0]) * 1000, () => end(0), 'fake-sleep');
        return;
      case 'read':
        return;
      case 'deaf':
        deaf = true;
        return;
      case 'serve': {
        const path = args[0]!;
        host.fs.writeFile(path, 'serving\n');
        onInterrupt = () => {
          write('Gracefully stopping...\n');
          timer = world.clock.schedule(2000, () => {
            host.fs.remove(path);
            end(0);
          }, 'fake-serve-stop');
        };
        return;
      }
      case 'ask':
        waiting = true;
        return;
      case 'false':
        write('failing on purpose\n');
        return end(1);
      default:
        write(`bash: ${cmd}: command not found\n`);
        return end(127);
    }
  };
  return {
    lines,
    get busy() {
      return busy;
    },
    get waitingForInput() {
      return busy && waiting;
    },
    acceptLine(line) {
      if (line.endsWith('\\')) {
        pending += `${line.slice(0, -1)}`;
        return 'incomplete';
      }
      const full = pending + line;
      pending = '';
      if (full.trim() === '') return 'empty';
      run(full);
      return 'ran';
    },
    interrupt() {
      if (deaf) return;
      const stopping = onInterrupt;
      onInterrupt = undefined;
      if (stopping) return stopping();
      world.clock.cancel(timer);
      waiting = false;
      if (busy) end(130);
    },
    onOutput(listener) {
      outputs.add(listener);
      return () => outputs.delete(listener);
    },
    onJobEnd(listener) {
      jobEnds.add(listener);
      return () => jobEnds.delete(listener);
    },
  };
}
