/**
 * `node-joined: { node: node2 }`: the node registered with the current cluster (its kubelet
 * created the Node object), Ready or not, as `kubectl get nodes` would list it.
 */
import type { Lang } from '../model';
import { ArgReader } from './args';
import { currentCluster, NODES } from './state';
import { definePredicate, type ArgDoc } from './types';

interface Args {
  readonly node: string;
}

const ARGS: readonly ArgDoc[] = [{ name: 'node', required: true, description: 'the node that ran kubeadm join, e.g. node: node2' }];

export const nodeJoined = definePredicate<Args>({
  name: 'node-joined',
  summary: 'the node is registered in the cluster (listed by kubectl get nodes, Ready or not)',
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('node-joined', raw, ARGS, ctx);
    const node = r.host('node');
    return r.finish(() => ({ node: node! }));
  },
  describe({ node }, lang: Lang) {
    return lang === 'es' ? `${node} se ha unido al clúster` : `${node} has joined the cluster`;
  },
  evaluate(world, { node }) {
    return currentCluster(world)?.store.get(NODES, undefined, node) !== undefined;
  },
});
