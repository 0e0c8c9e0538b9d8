/**
 * The snapshot's window on traffic. Tiny on purpose: the snapshot is on the first prompt's path,
 * the traffic meter (./traffic.ts) only loads with the programs that make requests, and registers
 * itself here for its world.
 */
import type { World } from '../world';

/** Requests per second between two endpoints over the last few seconds, from the model's real requests. */
export interface TrafficEdge {
  /** "node1/dockercoins_worker_1" for a container; a node name for its shell (curl); "browser". */
  readonly from: string;
  /** "node1/dockercoins_rng_1". */
  readonly to: string;
  readonly kind: 'http' | 'redis';
  /** The last HTTP path requested on this edge ("/32"). */
  readonly path?: string;
  readonly ratePerSecond: number;
  readonly meanLatencyMs: number;
}

const probes = new WeakMap<World, (now: number) => readonly TrafficEdge[]>();
const NONE: readonly TrafficEdge[] = [];

export function setTrafficProbe(world: World, probe: (now: number) => readonly TrafficEdge[]): void {
  probes.set(world, probe);
}

export function trafficOf(world: World): readonly TrafficEdge[] {
  return probes.get(world)?.(world.now()) ?? NONE;
}
