/**
 * `pods-created: { deployment: web, count: 7 }`: the ReplicaSets of the Deployment have created at
 * least that many pods in all (their `SuccessfulCreate` events, as `kubectl describe rs` lists
 * them). Six replicas make six; a seventh means one was replaced: the self-healing a learner
 * triggers by deleting a pod, which the current state alone (six pods again) cannot show.
 */
import type { Lang } from '../model';
import { ArgReader } from './args';
import { definePredicate, type ArgDoc } from './types';
import { deploymentIn, podsCreatedBy, replicaSetsOf } from './workloads';

interface Args {
  readonly deployment: string;
  readonly namespace: string;
  readonly count: number;
}

const ARGS: readonly ArgDoc[] = [
  { name: 'deployment', required: true, description: "the Deployment's name, e.g. deployment: web" },
  { name: 'count', required: true, description: 'at least how many pods its ReplicaSets created, e.g. count: 7' },
  { name: 'namespace', required: false, description: 'default: default' },
];

export const podsCreated = definePredicate<Args>({
  name: 'pods-created',
  summary: "the ReplicaSets of Deployment `deployment` have created at least `count` pods in all (replacements included)",
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('pods-created', raw, ARGS, ctx);
    const deployment = r.text('deployment');
    const count = r.count('count', 1);
    const namespace = r.text('namespace', 'default');
    return r.finish(() => ({ deployment: deployment!, count: count!, namespace: namespace! }));
  },
  describe({ deployment, count }, lang: Lang) {
    if (lang === 'es') return `el ReplicaSet de ${deployment} ha creado ${count} pods en total`;
    return `the ReplicaSet of ${deployment} has created ${count} pods in all`;
  },
  evaluate(world, { deployment, namespace, count }) {
    const d = deploymentIn(world, namespace, deployment);
    return d !== undefined && podsCreatedBy(world, namespace, replicaSetsOf(world, d)) >= count;
  },
});
