/**
 * The simulated world: a virtual clock, a seeded PRNG, the hosts node1 and node2 on one network,
 * and the clusters kubeadm creates on them. Nothing happens between calls to advance(): the same
 * seed, epoch and inputs always give the same world, byte for byte.
 */
import { VirtualClock } from './clock';
import { Emitter, type Unsubscribe } from './emitter';
import { Random } from './random';
import { Host } from './host/host';
import { Network } from './host/network';
import { Internet } from './internet';
import type { Cluster } from './cluster/cluster';

export interface WorldOptions {
  readonly seed: string | number;
  /** Wall-clock time of virtual instant 0 (creation timestamps, `date`). A parameter, like the seed. */
  readonly epochMs?: number;
  readonly hostNames?: readonly string[];
}

export interface WorldEvents extends Record<string, unknown> {
  /** Something observable changed; `revision` only ever grows. */
  changed: { readonly revision: number };
}

/** 2023-06-01T09:00:00Z: the Kubernetes v1.27 era, for worlds created without an epoch (tests). */
export const DEFAULT_EPOCH_MS = Date.UTC(2023, 5, 1, 9, 0, 0);

export class World {
  readonly seed: string;
  readonly epochMs: number;
  readonly clock: VirtualClock;
  readonly random: Random;
  readonly network = new Network();
  readonly internet = new Internet();
  readonly events = new Emitter<WorldEvents>();
  private readonly hostMap = new Map<string, Host>();
  private readonly clusterList: Cluster[] = [];
  private rev = 0;
  private readonly clusterWatches = new Map<Cluster, Unsubscribe>();

  constructor(opts: WorldOptions) {
    this.seed = String(opts.seed);
    this.epochMs = opts.epochMs ?? DEFAULT_EPOCH_MS;
    this.clock = new VirtualClock(0);
    this.random = Random.fromSeed(this.seed);
    this.clock.afterTimer = () => this.settle();
    const names = opts.hostNames ?? ['node1', 'node2'];
    const ips = this.random.fork('host-ips');
    const used = new Set<number>();
    for (const name of names) {
      let octet: number;
      do octet = ips.between(2, 60); while (used.has(octet));
      used.add(octet);
      const host = new Host({ name, ip: `192.168.0.${octet}`, random: this.random.fork(`host/${name}`), now: () => this.wallNow() });
      this.hostMap.set(name, host);
      this.network.addAddress(name, host.ip);
    }
  }

  /** Virtual milliseconds since the world began. */
  now(): number {
    return this.clock.now();
  }

  /** Wall-clock milliseconds (epoch + virtual now). */
  wallNow(): number {
    return this.epochMs + this.clock.now();
  }

  get revision(): number {
    return this.rev;
  }

  get hosts(): readonly Host[] {
    return [...this.hostMap.values()];
  }

  host(name: string): Host | undefined {
    return this.hostMap.get(name);
  }

  get clusters(): readonly Cluster[] {
    return this.clusterList;
  }

  /** The cluster whose API server advertises this address, if any. */
  clusterAt(address: string): Cluster | undefined {
    return this.clusterList.find((c) => c.advertiseAddress === address);
  }

  addCluster(cluster: Cluster): void {
    this.clusterList.push(cluster);
    this.clusterWatches.set(cluster, cluster.store.watch(() => this.touch()));
    this.touch();
  }

  removeCluster(cluster: Cluster): void {
    const i = this.clusterList.indexOf(cluster);
    if (i < 0) return;
    this.clusterList.splice(i, 1);
    this.clusterWatches.get(cluster)?.();
    this.clusterWatches.delete(cluster);
    cluster.dispose();
    this.touch();
  }

  /** Moves virtual time forward; every timer due on the way fires, and controllers settle after each. */
  advance(ms: number): void {
    this.clock.advance(ms);
    this.settle();
  }

  /** Lets every controller react to what just happened, at the current instant. */
  settle(): void {
    for (const cluster of this.clusterList) cluster.controllers.drain();
  }

  /** Marks an observable change (a file the diagram shows, a container started...). */
  touch(): void {
    this.rev++;
    this.events.emit('changed', { revision: this.rev });
  }
}
