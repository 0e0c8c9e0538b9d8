/**
 * A read-only picture of the world for the layers above (diagram, lesson checks, automation):
 * plain data built from frozen API objects, rebuilt only when the world's revision moves.
 */
import { mustResolve } from './api/resources';
import type { DaemonSet, Deployment, Endpoints, Namespace, Node, Pod, ReplicaSet, Service, Stored } from './api/types';
import type { World } from './world';
import { trafficOf, type TrafficEdge } from './net/trafficProbe';
import { containersOf, type ContainerSnapshot } from './containers/registry';
import { packetsOf, type OverlayPacket } from './services/packetProbe';

export interface HostSnapshot {
  readonly name: string;
  readonly ip: string;
  readonly kubeletRunning: boolean;
  /** The API server endpoint its kubelet reports to. */
  readonly apiServer: string | undefined;
  /** Its docker containers (every state), oldest first; empty until docker is first used there. */
  readonly containers: readonly ContainerSnapshot[];
}

export interface ClusterSnapshot {
  readonly controlPlaneHost: string;
  readonly endpoint: string;
  readonly nodes: readonly Stored<Node>[];
  readonly pods: readonly Stored<Pod>[];
  readonly services: readonly Stored<Service>[];
  /** Each selector Service's pods (its Endpoints), and the hand-made ones (`kubernetes`). */
  readonly endpoints: readonly Stored<Endpoints>[];
  readonly deployments: readonly Stored<Deployment>[];
  readonly replicasets: readonly Stored<ReplicaSet>[];
  readonly daemonsets: readonly Stored<DaemonSet>[];
  readonly namespaces: readonly Stored<Namespace>[];
}

export interface WorldSnapshot {
  readonly revision: number;
  /** Virtual ms since the world began. */
  readonly now: number;
  readonly wallNow: number;
  readonly seed: string;
  readonly hosts: readonly HostSnapshot[];
  readonly clusters: readonly ClusterSnapshot[];
  /** Request rates between containers over the last 5 s (DockerCoins' data flows); empty when idle. */
  readonly traffic: readonly TrafficEdge[];
  /** Pod traffic that crossed the overlay between nodes in the last 2 s, oldest first (at most 32). */
  readonly packets: readonly OverlayPacket[];
}

const TYPES = {
  nodes: mustResolve('nodes'),
  pods: mustResolve('pods'),
  services: mustResolve('services'),
  endpoints: mustResolve('endpoints'),
  deployments: mustResolve('deployments'),
  replicasets: mustResolve('replicasets'),
  daemonsets: mustResolve('daemonsets'),
  namespaces: mustResolve('namespaces'),
};

const cache = new WeakMap<World, WorldSnapshot>();

export function snapshotOf(world: World): WorldSnapshot {
  const cached = cache.get(world);
  if (cached && cached.revision === world.revision && cached.now === world.now()) return cached;
  const snapshot: WorldSnapshot = {
    revision: world.revision,
    now: world.now(),
    wallNow: world.wallNow(),
    seed: world.seed,
    hosts: world.hosts.map((h) => ({ name: h.name, ip: h.ip, kubeletRunning: h.kubelet?.running ?? false, apiServer: h.kubelet?.apiServer, containers: containersOf(world, h.name) })),
    clusters: world.clusters.map((c) => ({
      controlPlaneHost: c.controlPlaneHost,
      endpoint: c.endpoint,
      nodes: c.store.list<Node>(TYPES.nodes),
      pods: c.store.list<Pod>(TYPES.pods),
      services: c.store.list<Service>(TYPES.services),
      endpoints: c.store.list<Endpoints>(TYPES.endpoints),
      deployments: c.store.list<Deployment>(TYPES.deployments),
      replicasets: c.store.list<ReplicaSet>(TYPES.replicasets),
      daemonsets: c.store.list<DaemonSet>(TYPES.daemonsets),
      namespaces: c.store.list<Namespace>(TYPES.namespaces),
    })),
    traffic: trafficOf(world),
    packets: packetsOf(world),
  };
  cache.set(world, snapshot);
  return snapshot;
}
