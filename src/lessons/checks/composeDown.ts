/**
 * `compose-down: { host: node1, project: dockercoins }`: no container of the compose project is
 * left on the host, running or stopped: what `docker-compose down` leaves behind (Ctrl+C or
 * `docker-compose stop` only stop them; `docker ps -a` still lists them).
 */
import type { Lang } from '../model';
import { ArgReader } from './args';
import { PROJECT_PATTERN, projectContainers } from './composeState';
import { definePredicate, type ArgDoc } from './types';

interface Args {
  readonly host: string;
  readonly project: string;
}

const ARGS: readonly ArgDoc[] = [
  { name: 'host', required: true, description: 'the node compose ran on, e.g. host: node1' },
  { name: 'project', required: true, description: "the compose project: its folder's name, e.g. project: dockercoins" },
];

export const composeDown = definePredicate<Args>({
  name: 'compose-down',
  summary: 'a compose project has no container left on a host, running or stopped (`docker-compose down`)',
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('compose-down', raw, ARGS, ctx);
    const host = r.host('host');
    const project = r.text('project');
    if (project !== undefined && !PROJECT_PATTERN.test(project)) {
      return { ok: false, errors: [`"project" of compose-down must be a compose project name (lowercase letters, digits, _ and -), got "${project}"`] };
    }
    return r.finish(() => ({ host: host!, project: project! }));
  },
  describe({ host, project }, lang: Lang) {
    return lang === 'es' ? `no queda ningún contenedor del proyecto ${project} en ${host}` : `no container of the ${project} project is left on ${host}`;
  },
  evaluate(world, { host, project }) {
    return projectContainers(world, host, project).length === 0;
  },
});
