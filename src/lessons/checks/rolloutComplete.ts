/**
 * `rollout-complete: { name: web, image: nginx:1.25 }`: the Deployment's pod template runs that
 * image and its rollout has finished, as `kubectl rollout status` reports "successfully rolled
 * out": every replica is updated and available, and no pod of an older ReplicaSet is left.
 */
import type { Lang } from '../model';
import { ArgReader } from './args';
import { definePredicate, type ArgDoc } from './types';
import { deploymentIn, rolloutComplete as finished, templateImages } from './workloads';

interface Args {
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
}

const ARGS: readonly ArgDoc[] = [
  { name: 'name', required: true, description: "the Deployment's name, e.g. name: web" },
  { name: 'image', required: true, description: 'the image one of its containers must run, as written in the spec, e.g. image: nginx:1.25' },
  { name: 'namespace', required: false, description: 'default: default' },
];

export const rolloutComplete = definePredicate<Args>({
  name: 'rollout-complete',
  summary: 'the Deployment `name` runs `image` and its rollout is complete (as `kubectl rollout status` says)',
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('rollout-complete', raw, ARGS, ctx);
    const name = r.text('name');
    const image = r.text('image');
    const namespace = r.text('namespace', 'default');
    return r.finish(() => ({ name: name!, image: image!, namespace: namespace! }));
  },
  describe({ name, namespace, image }, lang: Lang) {
    const where = namespace === 'default' ? '' : lang === 'es' ? ` en ${namespace}` : ` in ${namespace}`;
    if (lang === 'es') return `el deployment ${name}${where} terminó de pasar a ${image}`;
    return `deployment ${name}${where} has rolled out ${image}`;
  },
  evaluate(world, { name, namespace, image }) {
    const d = deploymentIn(world, namespace, name);
    return d !== undefined && templateImages(d).includes(image) && finished(d);
  },
});
