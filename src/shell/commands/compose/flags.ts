/** Each docker-compose command's options, as its docopt usage declares them. */
import type { FlagDef } from '../docker/flags';

const TIMEOUT: FlagDef = { long: 'timeout', short: 't', value: true };

export const COMMAND_FLAGS: Readonly<Record<string, readonly FlagDef[]>> = {
  up: [
    { long: 'detach', short: 'd' }, { long: 'no-color' }, { long: 'quiet-pull' }, { long: 'no-deps' }, { long: 'force-recreate' },
    { long: 'always-recreate-deps' }, { long: 'no-recreate' }, { long: 'no-build' }, { long: 'no-start' }, { long: 'build' },
    { long: 'abort-on-container-exit' }, TIMEOUT, { long: 'remove-orphans' }, { long: 'exit-code-from', value: true },
    { long: 'scale', value: true }, { long: 'renew-anon-volumes', short: 'V' },
  ],
  down: [{ long: 'rmi', value: true }, { long: 'volumes', short: 'v' }, { long: 'remove-orphans' }, TIMEOUT],
  stop: [TIMEOUT],
  restart: [TIMEOUT],
  start: [],
  kill: [{ long: 'signal', short: 's', value: true }],
  rm: [{ long: 'force', short: 'f' }, { long: 'stop', short: 's' }, { long: 'volumes', short: 'v' }],
  scale: [TIMEOUT],
  ps: [{ long: 'quiet', short: 'q' }, { long: 'services' }, { long: 'filter', value: true }, { long: 'all', short: 'a' }],
  logs: [{ long: 'no-color' }, { long: 'follow', short: 'f' }, { long: 'timestamps', short: 't' }, { long: 'tail', value: true }],
  config: [{ long: 'resolve-image-digests' }, { long: 'quiet', short: 'q' }, { long: 'services' }, { long: 'volumes' }],
  build: [{ long: 'no-cache' }, { long: 'pull' }, { long: 'force-rm' }, { long: 'compress' }, { long: 'build-arg', value: true }, { long: 'memory', short: 'm', value: true }],
  pull: [{ long: 'ignore-pull-failures' }, { long: 'parallel' }, { long: 'quiet', short: 'q' }],
  exec: [
    { long: 'detach', short: 'd' }, { long: 'privileged' }, { long: 'user', short: 'u', value: true }, { long: 'no-tty', short: 'T' },
    { long: 'index', value: true }, { long: 'env', short: 'e', value: true }, { long: 'workdir', short: 'w', value: true },
  ],
  port: [{ long: 'protocol', value: true }, { long: 'index', value: true }],
  version: [{ long: 'short' }],
  help: [],
  create: [], events: [], images: [], pause: [], unpause: [], top: [], run: [], push: [], bundle: [],
};
