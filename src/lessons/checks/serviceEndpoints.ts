/**
 * `service-endpoints: { name: blue, count: 3 }`: the Service's Endpoints list at least that many
 * ready pod addresses, what `kubectl get endpoints blue` shows: the pods kube-proxy spreads the
 * Service's connections over.
 */
import type { Lang } from '../model';
import { ArgReader } from './args';
import { definePredicate, type ArgDoc } from './types';
import { readyEndpoints } from './workloads';

interface Args {
  readonly name: string;
  readonly namespace: string;
  readonly count: number;
}

const ARGS: readonly ArgDoc[] = [
  { name: 'name', required: true, description: "the Service's name, e.g. name: blue" },
  { name: 'count', required: false, description: 'at least how many ready endpoints, default 1' },
  { name: 'namespace', required: false, description: 'default: default' },
];

export const serviceEndpoints = definePredicate<Args>({
  name: 'service-endpoints',
  summary: 'the Service `name` has at least `count` ready endpoints (pod addresses in `kubectl get endpoints`)',
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('service-endpoints', raw, ARGS, ctx);
    const name = r.text('name');
    const count = r.count('count', 1, 1);
    const namespace = r.text('namespace', 'default');
    return r.finish(() => ({ name: name!, count: count!, namespace: namespace! }));
  },
  describe({ name, namespace, count }, lang: Lang) {
    const where = namespace === 'default' ? '' : lang === 'es' ? ` en ${namespace}` : ` in ${namespace}`;
    if (lang === 'es') return `el service ${name}${where} tiene ${count} ${count === 1 ? 'endpoint listo' : 'endpoints listos'}`;
    return `service ${name}${where} has ${count} ready ${count === 1 ? 'endpoint' : 'endpoints'}`;
  },
  evaluate(world, { name, namespace, count }) {
    return readyEndpoints(world, namespace, name) >= count;
  },
});
