/**
 * Stand-ins for DockerCoins' programs, for tests of the runtime and of docker/compose: a server
 * that prints a banner and listens (exits at once on SIGTERM), and a worker that logs a line per
 * second and ignores SIGTERM (so `docker stop` takes its 10 s and ends in SIGKILL, exit 137).
 */
import type { ProgramMain, ProgramTable } from '../process';

function server(port: number, banner: string): ProgramMain {
  return (sb, exit) => {
    sb.log('stdout', banner);
    sb.listen(port, { kind: 'fake', name: sb.name });
    return { signal: (sig) => exit(sig === 'SIGKILL' ? 137 : 0) };
  };
}

/** Logs "<n> units of work done" every second; deaf to SIGTERM, as the worker is. */
export const stubbornTicker: ProgramMain = (sb, exit) => {
  let n = 0;
  const tick = (): void => {
    sb.log('stdout', `INFO:__main__:${n} units of work done, updating hash counter`);
    n = 4;
    sb.setTimer(1000, tick);
  };
  tick();
  return { signal: (sig) => sig === 'SIGKILL' && exit(137) };
};

export function fakeContainerPrograms(): ProgramTable {
  return {
    'dockercoins/rng': server(80, ' * Running on http://0.0.0.0:80/ (Press CTRL+C to quit)'),
    'dockercoins/hasher': server(80, 'Thin web server (v1.8.2 codename Ruby Razor)'),
    'dockercoins/webui': server(80, 'WEBUI running on port 80'),
    'dockercoins/worker': stubbornTicker,
    redis: server(6379, '1:M 01 Jun 2023 09:00:00.000 * Ready to accept connections'),
  };
}
