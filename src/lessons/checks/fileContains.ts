/**
 * `file-contains: { host: node1, path: /root/web2.yaml, text: "replicas: 3" }`: the file exists and
 * holds that text somewhere (a plain substring, as `grep -F` finds it): the state an edit with
 * `sed -i` or an editor leaves.
 */
import type { Lang } from '../model';
import { ArgReader } from './args';
import { definePredicate, type ArgDoc } from './types';

interface Args {
  readonly host: string;
  readonly path: string;
  readonly text: string;
}

const ARGS: readonly ArgDoc[] = [
  { name: 'host', required: true, description: 'the node whose filesystem to look at, e.g. host: node1' },
  { name: 'path', required: true, description: 'an absolute path, e.g. path: /root/web2.yaml' },
  { name: 'text', required: true, description: 'the text it must contain, e.g. text: "replicas: 3"' },
];

export const fileContains = definePredicate<Args>({
  name: 'file-contains',
  summary: 'a file on a host contains `text` (a plain substring, as `grep -F`)',
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('file-contains', raw, ARGS, ctx);
    const host = r.host('host');
    const path = r.path('path');
    const text = r.text('text');
    return r.finish(() => ({ host: host!, path: path!, text: text! }));
  },
  describe({ host, path, text }, lang: Lang) {
    return lang === 'es' ? `${path} en ${host} contiene «${text}»` : `${path} on ${host} contains "${text}"`;
  },
  evaluate(world, { host, path, text }) {
    const read = world.host(host)?.fs.readFile(path);
    return read?.ok === true && read.value.includes(text);
  },
});
