/**
 * The process of a container whose program the simulation does not model: the toolbox commands
 * (`docker run alpine echo hi` prints and exits), `sleep N`, shells with no terminal to read (they
 * exit at once, as `docker run -d alpine` does), and anything else idles until it is told to stop.
 */
import type { ContainerView } from './containerFs';
import type { ProgramMain } from './process';
import { isTool, runTool } from './toolbox';

const INTERPRETERS = new Set(['sh', 'ash', 'bash', 'python', 'python3', 'irb', 'node']);

/** A short while, so even a process that exits at once is seen running (docker's start returns first). */
const STARTUP_MS = 20;

export function genericProgram(view: ContainerView): ProgramMain {
  return (sandbox, exit) => {
    const argv = sandbox.command;
    const name = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
    if (isTool(argv)) {
      sandbox.setTimer(STARTUP_MS, () => {
        const r = runTool(argv, view);
        for (const line of splitLines(r.stdout)) sandbox.log('stdout', line);
        for (const line of splitLines(r.stderr)) sandbox.log('stderr', line);
        exit(r.exitCode);
      });
      return { signal: (sig) => sig === 'SIGKILL' && exit(137) };
    }
    if (name === 'sleep') {
      const seconds = Number(argv[1]);
      if (Number.isFinite(seconds) && seconds >= 0) sandbox.setTimer(seconds * 1000, () => exit(0));
      // sleep as PID 1 has no handler for SIGTERM and the kernel ignores it: `docker stop` waits 10 s.
      return { signal: (sig) => sig === 'SIGKILL' && exit(137) };
    }
    if (argv.length <= 1 && INTERPRETERS.has(name)) {
      // No terminal attached: the shell reads end of input and exits.
      sandbox.setTimer(STARTUP_MS, () => exit(0));
      return { signal: () => exit(0) };
    }
    return { signal: (sig) => exit(sig === 'SIGKILL' ? 137 : 0) };
  };
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\n$/, '').split('\n');
}
