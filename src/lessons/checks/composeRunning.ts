/**
 * `compose-running: { host: node1, project: dockercoins, services: [worker], count: 10 }`: each
 * listed service of the compose project has at least `count` running containers on that host,
 * what `docker-compose ps` shows as "Up" (a stopped or restarting container does not count).
 */
import type { Lang } from '../model';
import { ArgReader, listWords } from './args';
import { PROJECT_PATTERN, SERVICE_PATTERN, runningPerService } from './composeState';
import { definePredicate, type ArgDoc } from './types';

interface Args {
  readonly host: string;
  readonly project: string;
  readonly services: readonly string[];
  readonly count: number;
}

const ARGS: readonly ArgDoc[] = [
  { name: 'host', required: true, description: 'the node compose runs on, e.g. host: node1' },
  { name: 'project', required: true, description: "the compose project: its folder's name, e.g. project: dockercoins" },
  { name: 'services', required: true, description: 'the services that must run, e.g. services: [rng, hasher, webui, redis, worker]' },
  { name: 'count', required: false, description: 'at least how many running containers each service has, default 1' },
];

export const composeRunning = definePredicate<Args>({
  name: 'compose-running',
  summary: 'each listed service of a compose project has at least `count` running containers on a host',
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('compose-running', raw, ARGS, ctx);
    const host = r.host('host');
    const project = r.text('project');
    if (project !== undefined && !PROJECT_PATTERN.test(project)) {
      return { ok: false, errors: [`"project" of compose-running must be a compose project name (lowercase letters, digits, _ and -), got "${project}"`] };
    }
    const services = r.names('services', SERVICE_PATTERN, 'service names');
    const count = r.count('count', 1, 1);
    return r.finish(() => ({ host: host!, project: project!, services: services!, count: count! }));
  },
  describe({ host, project, services, count }, lang: Lang) {
    if (lang === 'es') {
      const list = listWords(services, 'y');
      const what = count === 1 ? list : services.length === 1 ? `${count} contenedores de ${list}` : `${count} contenedores de cada uno de ${list}`;
      return `el proyecto ${project} ejecuta ${what} en ${host}`;
    }
    const list = listWords(services);
    const what = count === 1 ? list : services.length === 1 ? `${count} ${list} containers` : `${count} containers each of ${list}`;
    return `the ${project} project runs ${what} on ${host}`;
  },
  evaluate(world, { host, project, services, count }) {
    const running = runningPerService(world, host, project);
    return services.every((s) => (running.get(s) ?? 0) >= count);
  },
});
