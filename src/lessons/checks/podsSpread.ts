/**
 * `pods-spread: { selector: app=web, nodes: 2 }`: Ready pods matching the selector run on at least
 * that many different nodes (the NODE column of `kubectl get pods -o wide`). In this two-node
 * playground node1 carries the control plane's NoSchedule taint, so only pods that tolerate it
 * (DaemonSets such as weave-net, or a toleration in the spec) can land there.
 */
import { parseSelector, type Pod } from '../../engine';
import type { Lang } from '../model';
import { ArgReader } from './args';
import { currentCluster, podIsReady, PODS } from './state';
import { definePredicate, type ArgDoc } from './types';

interface Args {
  readonly selector: string;
  readonly namespace: string;
  readonly nodes: number;
}

const ARGS: readonly ArgDoc[] = [
  { name: 'selector', required: true, description: 'a label selector as kubectl -l takes it, e.g. selector: app=web' },
  { name: 'nodes', required: false, description: 'on at least how many different nodes, default 2' },
  { name: 'namespace', required: false, description: 'default: default' },
];

export const podsSpread = definePredicate<Args>({
  name: 'pods-spread',
  summary: 'Ready pods matching `selector` run on at least `nodes` different nodes',
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('pods-spread', raw, ARGS, ctx);
    const selector = r.selector('selector');
    const nodes = r.count('nodes', 1, 2);
    const namespace = r.text('namespace', 'default');
    return r.finish(() => ({ selector: selector!, nodes: nodes!, namespace: namespace! }));
  },
  describe({ selector, namespace, nodes }, lang: Lang) {
    if (lang === 'es') return `hay pods ${selector} en ${namespace} listos en ${nodes} nodos`;
    return `pods ${selector} in ${namespace} are Ready on ${nodes} nodes`;
  },
  evaluate(world, { selector, namespace, nodes }) {
    const cluster = currentCluster(world);
    const parsed = parseSelector(selector);
    if (!cluster || !parsed.ok) return false;
    const on = new Set<string>();
    for (const pod of cluster.store.list<Pod>(PODS, { namespace, selector: parsed.selector })) {
      if (podIsReady(pod) && pod.spec?.nodeName) on.add(pod.spec.nodeName);
    }
    return on.size >= nodes;
  },
});
