/**
 * Clusters at each step of the first lesson, built through the same engine operations kubeadm and
 * kubectl use, for the cluster/ tests.
 */
import { World } from '../../world';
import type { Cluster } from '../cluster';
import { applyWeaveNow, kubeadmInitNow, kubeadmJoinNow } from '../scenario';
import type { ProfileName } from '../kubelet/lifecycle';

export interface Playground {
  readonly world: World;
  readonly cluster: Cluster;
  readonly token: string;
}

export function initialized(seed = 'cluster-test', profile: ProfileName = 'realistic'): Playground {
  const world = new World({ seed });
  const init = kubeadmInitNow(world, 'node1', { profile });
  if (!init.ok) throw new Error(init.error);
  return { world, cluster: init.value.cluster, token: init.value.token };
}

export function joined(seed = 'cluster-test', profile: ProfileName = 'realistic'): Playground {
  const p = initialized(seed, profile);
  const join = kubeadmJoinNow(p.world, 'node2', p.cluster, p.token);
  if (!join.ok) throw new Error(join.error);
  return p;
}

/** init + join + weave, and enough time for everything to settle. */
export function networked(seed = 'cluster-test', profile: ProfileName = 'realistic'): Playground {
  const p = joined(seed, profile);
  p.world.advance(20_000);
  applyWeaveNow(p.cluster);
  p.world.advance(60_000);
  return p;
}
