/**
 * The snapshot's window on pod traffic crossing the overlay. Tiny on purpose: the snapshot is on
 * the first prompt's path, the service network (./serviceNetwork.ts) only loads with a cluster,
 * and registers its packet log here for its world.
 */
import type { World } from '../world';

/** One exchange between pods (or a node and a pod) on different nodes: it crossed the weave link. */
export interface OverlayPacket {
  /** Virtual ms when the connection was made (or the echo request sent). */
  readonly at: number;
  /** Increases by one per recorded packet, so a viewer can tell new ones from those it has drawn. */
  readonly seq: number;
  /** The client: `namespace/name` of a pod, else its address (a node's IP). */
  readonly from: string;
  /** The server: `namespace/name` of a pod, else the address it answered on. */
  readonly to: string;
  readonly fromNode: string;
  readonly toNode: string;
  /** `namespace/name` of the client pod; absent for a node's own process (a shell's curl). */
  readonly fromPod?: string;
  /** `namespace/name` of the pod that answered; absent when a node's process did. */
  readonly toPod?: string;
  readonly protocol: 'TCP' | 'UDP' | 'ICMP';
  /** What it carried: "http", "redis" (the server's protocol), "icmp" (ping), else "tcp" or "udp". */
  readonly kind: string;
  /** The server's port (none for ICMP). */
  readonly port?: number;
}

const probes = new WeakMap<World, (now: number) => readonly OverlayPacket[]>();
const NONE: readonly OverlayPacket[] = [];

export function setPacketProbe(world: World, probe: (now: number) => readonly OverlayPacket[]): void {
  probes.set(world, probe);
}

/** Recent packets that crossed the overlay between nodes, oldest first; empty when none. */
export function packetsOf(world: World): readonly OverlayPacket[] {
  return probes.get(world)?.(world.now()) ?? NONE;
}
