/**
 * `deployment-ready: { name: web, replicas: 6 }`: the Deployment has at least that many ready
 * replicas, what `kubectl get deployment web` shows as READY 6/6.
 */
import type { Lang } from '../model';
import { ArgReader } from './args';
import { definePredicate, type ArgDoc } from './types';
import { deploymentIn } from './workloads';

interface Args {
  readonly name: string;
  readonly namespace: string;
  readonly replicas: number;
}

const ARGS: readonly ArgDoc[] = [
  { name: 'name', required: true, description: "the Deployment's name, e.g. name: web" },
  { name: 'replicas', required: true, description: 'at least how many ready replicas, e.g. replicas: 6' },
  { name: 'namespace', required: false, description: 'default: default' },
];

export const deploymentReady = definePredicate<Args>({
  name: 'deployment-ready',
  summary: 'the Deployment `name` has at least `replicas` ready replicas (READY in `kubectl get deployment`)',
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('deployment-ready', raw, ARGS, ctx);
    const name = r.text('name');
    const replicas = r.count('replicas', 1);
    const namespace = r.text('namespace', 'default');
    return r.finish(() => ({ name: name!, replicas: replicas!, namespace: namespace! }));
  },
  describe({ name, namespace, replicas }, lang: Lang) {
    const where = namespace === 'default' ? '' : lang === 'es' ? ` en ${namespace}` : ` in ${namespace}`;
    if (lang === 'es') return `el deployment ${name}${where} tiene ${replicas} ${replicas === 1 ? 'réplica lista' : 'réplicas listas'}`;
    return `deployment ${name}${where} has ${replicas} ready ${replicas === 1 ? 'replica' : 'replicas'}`;
  },
  evaluate(world, { name, namespace, replicas }) {
    const d = deploymentIn(world, namespace, name);
    return d !== undefined && (d.status?.readyReplicas ?? 0) >= replicas;
  },
});
