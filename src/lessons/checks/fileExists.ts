/**
 * `file-exists: { host: node1, path: /root/.kube/config }`: a file (or directory) is there,
 * following symlinks as `test -e` does.
 */
import type { Lang } from '../model';
import { ArgReader } from './args';
import { definePredicate, type ArgDoc } from './types';

interface Args {
  readonly host: string;
  readonly path: string;
}

const ARGS: readonly ArgDoc[] = [
  { name: 'host', required: true, description: 'the node whose filesystem to look at, e.g. host: node1' },
  { name: 'path', required: true, description: 'an absolute path, e.g. path: /root/.kube/config' },
];

export const fileExists = definePredicate<Args>({
  name: 'file-exists',
  summary: 'a path exists on a host (symlinks followed, as `test -e`)',
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('file-exists', raw, ARGS, ctx);
    const host = r.host('host');
    const path = r.path('path');
    return r.finish(() => ({ host: host!, path: path! }));
  },
  describe({ host, path }, lang: Lang) {
    return lang === 'es' ? `${path} existe en ${host}` : `${path} exists on ${host}`;
  },
  evaluate(world, { host, path }) {
    return world.host(host)?.fs.exists(path) ?? false;
  },
});
