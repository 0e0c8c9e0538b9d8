/**
 * `pods-ready: { namespace: kube-system, selector: name=weave-net, count: 2 }`: at least `count`
 * pods matching the label selector are Ready (or just Running with `state: Running`), not
 * terminating — what `kubectl get pods -l ...` shows as 2/2 Running. `node: node1` counts only
 * the pods running on that node (the NODE column of `-o wide`).
 */
import { parseSelector, type Pod } from '../../engine';
import type { Lang } from '../model';
import { ArgReader } from './args';
import { currentCluster, podIsReady, podIsRunning, PODS } from './state';
import { definePredicate, type ArgDoc } from './types';

type PodState = 'Ready' | 'Running';

interface Args {
  readonly namespace: string;
  readonly selector: string;
  readonly count: number;
  readonly state: PodState;
  readonly node: string | undefined;
}

const ARGS: readonly ArgDoc[] = [
  { name: 'selector', required: true, description: 'a label selector as kubectl -l takes it, e.g. selector: name=weave-net' },
  { name: 'namespace', required: false, description: 'default: default' },
  { name: 'count', required: false, description: 'at least how many pods, default 1' },
  { name: 'state', required: false, description: 'Ready (default) or Running' },
  { name: 'node', required: false, description: 'only pods on this node, e.g. node: node1' },
];

export const podsReady = definePredicate<Args>({
  name: 'pods-ready',
  summary: 'at least `count` pods matching `selector` in `namespace` are Ready (or Running)',
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('pods-ready', raw, ARGS, ctx);
    const selector = r.selector('selector');
    const namespace = r.text('namespace', 'default');
    const count = r.count('count', 1, 1);
    const state = r.oneOf<PodState>('state', ['Ready', 'Running'], 'Ready');
    const node = raw['node'] === undefined ? undefined : r.host('node');
    return r.finish(() => ({ selector: selector!, namespace: namespace!, count: count!, state: state!, node }));
  },
  describe({ selector, namespace, count, state, node }, lang: Lang) {
    const pods = count === 1 ? '1 pod' : `${count} pods`;
    if (lang === 'es') return `${pods} ${selector} en ${namespace} ${count === 1 ? 'está' : 'están'} ${state}${node ? ` en ${node}` : ''}`;
    return `${pods} ${selector} in ${namespace} ${count === 1 ? 'is' : 'are'} ${state}${node ? ` on ${node}` : ''}`;
  },
  evaluate(world, { selector, namespace, count, state, node }) {
    const cluster = currentCluster(world);
    const parsed = parseSelector(selector);
    if (!cluster || !parsed.ok) return false;
    const pods = cluster.store.list<Pod>(PODS, { namespace, selector: parsed.selector });
    const test = state === 'Ready' ? podIsReady : podIsRunning;
    return pods.filter((pod) => test(pod) && (node === undefined || pod.spec?.nodeName === node)).length >= count;
  },
});
