/**
 * What pods need from the cluster's service network, which another part of the engine models
 * (Services, kube-proxy, CoreDNS): name resolution for `dnsPolicy: ClusterFirst` pods, and the
 * `<SVC>_SERVICE_HOST`-style variables the kubelet injects into every container, and who answers
 * a ping inside the cluster (so the diagram sees the packet cross the overlay). The service
 * network installs them per world; until it does, a pod resolves only IP literals, its own name
 * and localhost — which is also what a pod sees while CoreDNS is down.
 */
import type { Cluster } from '../cluster/cluster';
import type { World } from '../world';

export interface DnsQuery {
  readonly cluster: Cluster;
  /** The node the query leaves from (the pod's node). */
  readonly node: string;
  /** The asking pod's namespace: its resolv.conf searches `<namespace>.svc.cluster.local` first. */
  readonly namespace: string;
  /** The name as the program asked for it ("redis", "web.default.svc.cluster.local", "github.com"). */
  readonly name: string;
}

export interface PodNetworkHooks {
  /** Cluster DNS as seen through a pod's /etc/resolv.conf (search domains, ndots:5); undefined: no answer. */
  readonly resolve?: (query: DnsQuery) => string | undefined;
  /**
   * The service environment variables of a namespace, in the order `env` should list them
   * (`KUBERNETES_SERVICE_HOST`…, then `<SVC>_SERVICE_HOST`… unless `enableServiceLinks` is false).
   */
  readonly serviceEnv?: (cluster: Cluster, namespace: string, enableServiceLinks: boolean) => readonly (readonly [string, string])[];
  /**
   * An ICMP echo from `node` (`source`: the sender's address, a pod's IP) to an address of the
   * session's network: whether it is answered (a ClusterIP never is), counted as overlay traffic.
   */
  readonly echo?: (node: string, source: string | undefined, ip: string) => { readonly ok: boolean };
}

const installed = new WeakMap<World, PodNetworkHooks>();

/** Installs (or replaces some of) the hooks for a world. */
export function setPodNetworkHooks(world: World, hooks: PodNetworkHooks): void {
  installed.set(world, { ...installed.get(world), ...hooks });
}

export function podNetworkHooks(world: World): PodNetworkHooks {
  return installed.get(world) ?? {};
}
