/**
 * kube-controller-manager's node IPAM loop, on when kubeadm init had --pod-network-cidr
 * (--allocate-node-cidrs=true): each node gets the next /24 of the pod subnet in spec.podCIDR.
 */
import type { Node } from 'kubernetes-types/core/v1';
import { mustResolve } from '../../api/resources';
import type { WatchEvent } from '../../api/types';
import type { Controller } from '../../controllers/manager';
import type { Cluster } from '../cluster';
import { intToIp, ipToInt } from '../podNetwork';

const NODES = mustResolve('nodes');

export class NodeIpamController implements Controller {
  readonly name = 'controller:node-ipam';

  constructor(private readonly cluster: Cluster, private readonly running: () => boolean) {}

  enabled(): boolean {
    return this.running() && this.cluster.podSubnet !== undefined;
  }

  keysFor(event: WatchEvent): readonly string[] {
    return event.resource === 'nodes' && event.type !== 'DELETED' ? [event.object.metadata.name] : [];
  }

  resync(): readonly string[] {
    return this.cluster.store.list<Node>(NODES).map((n) => n.metadata.name);
  }

  reconcile(name: string): void {
    const subnet = this.cluster.podSubnet;
    const node = this.cluster.store.get<Node>(NODES, undefined, name);
    if (!subnet || !node || node.spec?.podCIDR) return;
    const [base = '0.0.0.0', bits = '16'] = subnet.split('/');
    const taken = new Set(this.cluster.store.list<Node>(NODES).map((n) => n.spec?.podCIDR).filter(Boolean));
    const size = 2 ** (32 - Math.max(Number(bits), 0));
    for (let offset = 0; offset + 256 <= size; offset += 256) {
      const cidr = `${intToIp(ipToInt(base) + offset)}/24`;
      if (taken.has(cidr)) continue;
      this.cluster.store.mutate<Node>(NODES, undefined, name, 'controller:node-ipam', (draft) => {
        draft.spec = { ...draft.spec, podCIDR: cidr, podCIDRs: [cidr] };
      });
      return;
    }
  }
}
