/**
 * `nodes-ready: { count: 2 }`: at least that many nodes of the current cluster are Ready (their
 * Ready condition is True, which in our cluster needs a CNI such as weave-net on the node).
 * `node: node2` instead asks for that one node.
 */
import type { Lang } from '../model';
import { ArgReader } from './args';
import { currentCluster, nodeIsReady, NODES } from './state';
import { definePredicate, type ArgDoc } from './types';
import type { Node } from '../../engine';

type Args = { readonly count: number; readonly node?: undefined } | { readonly node: string; readonly count?: undefined };

const ARGS: readonly ArgDoc[] = [
  { name: 'count', required: false, description: 'at least how many nodes, e.g. count: 2' },
  { name: 'node', required: false, description: 'or one node by name, e.g. node: node2' },
];

export const nodesReady = definePredicate<Args>({
  name: 'nodes-ready',
  summary: 'at least `count` nodes are Ready, or the node named `node` is',
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('nodes-ready', raw, ARGS, ctx);
    if (raw['node'] !== undefined) {
      const node = r.host('node');
      if (raw['count'] !== undefined) return { ok: false, errors: ['nodes-ready takes either "count" or "node", not both'] };
      return r.finish(() => ({ node: node! }));
    }
    const count = r.count('count', 1);
    return r.finish(() => ({ count: count! }));
  },
  describe(args, lang: Lang) {
    if (args.node !== undefined) return lang === 'es' ? `${args.node} está Ready` : `${args.node} is Ready`;
    const { count } = args;
    if (lang === 'es') return count === 1 ? '1 nodo está Ready' : `${count} nodos están Ready`;
    return count === 1 ? '1 node is Ready' : `${count} nodes are Ready`;
  },
  evaluate(world, args) {
    const cluster = currentCluster(world);
    if (!cluster) return false;
    if (args.node !== undefined) {
      const node = cluster.store.get<Node>(NODES, undefined, args.node);
      return node !== undefined && nodeIsReady(node);
    }
    return cluster.store.list<Node>(NODES).filter(nodeIsReady).length >= args.count;
  },
});
