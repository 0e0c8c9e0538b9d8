/**
 * A cluster built by the engine itself (kubeadm init on node1, join of node2, Weave applied,
 * everything Ready), for kubectl tests that need controllers, kubelets and events to act: the
 * Playground builds objects by hand, this one lets the world run. kubectl runs as on node1.
 */
import { World, applyWeaveNow, kubeadmInitNow, kubeadmJoinNow, mustResolve, type Cluster, type Pod } from '../../../../engine';
import { runKubectl, type RunOptions, type RunResult } from './run';

export class LiveCluster {
  readonly world: World;
  readonly cluster: Cluster;

  constructor(seed = 'kubectl-live') {
    this.world = new World({ seed });
    const init = kubeadmInitNow(this.world, 'node1');
    if (!init.ok) throw new Error(init.error);
    this.cluster = init.value.cluster;
    const joined = kubeadmJoinNow(this.world, 'node2', this.cluster, init.value.token);
    if (!joined.ok) throw new Error(joined.error);
    applyWeaveNow(this.cluster);
    // PWK links root's kubeconfig to admin.conf.
    const node1 = this.world.host('node1')!;
    node1.fs.mkdir('/root/.kube', { parents: true });
    node1.fs.symlink('/etc/kubernetes/admin.conf', '/root/.kube/config');
    this.settle();
  }

  /** Advances until every pod runs and is ready (or a minute passed). */
  settle(maxMs = 120_000): this {
    for (let waited = 0; waited < maxMs; waited += 1_000) {
      const pods = this.cluster.store.list<Pod>(mustResolve('pods'));
      if (pods.every((p) => p.status?.phase === 'Running' && (p.status.containerStatuses ?? []).every((c) => c.ready))) break;
      this.world.advance(1_000);
    }
    return this;
  }

  advance(ms: number): this {
    this.world.advance(ms);
    return this;
  }

  kubectl(args: string | readonly string[], opts: RunOptions = {}): RunResult {
    return runKubectl(this.world, args, opts);
  }
}
