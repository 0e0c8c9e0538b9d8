/**
 * Packets crossing the pod network between nodes (a ping from a pod on node1 to one on node2, the
 * DockerCoins worker calling rng on the other node): each recent exchange the snapshot reports is
 * drawn as a dot travelling from its source to its destination over the overlay, for a moment.
 *
 * Pure: which packets are visible follows from the snapshot alone (its `packets` and its `now`). A
 * steady stream between two pods shows one dot per second per direction, not one per request, and
 * the picture never holds more than MAX_PACKETS of them.
 */

/** What the diagram reads of one packet (engine: OverlayPacket, the service network's log). */
export interface PacketFacts {
  /** Virtual ms when the connection was made (or the echo request sent). */
  readonly at: number;
  readonly fromNode: string;
  readonly toNode: string;
  /** `namespace/name` of the client pod; absent for a node's own process (a shell's curl). */
  readonly fromPod?: string;
  /** `namespace/name` of the pod that answered. */
  readonly toPod?: string;
  /** TCP, UDP, ICMP. */
  readonly protocol?: string;
  /** What it carried: "http", "redis", "icmp" (ping), "tcp", "udp". */
  readonly kind?: string;
  /** The server's port (none for ICMP). */
  readonly port?: number;
}

/** The parts of a snapshot this module reads. */
export interface PacketWorld {
  readonly now: number;
  readonly packets?: readonly PacketFacts[];
}

/** How long a packet stays on the picture, in virtual ms. */
export const PACKET_TTL_MS = 1500;
/** One dot per pair and direction per this many ms: a steady stream must not restart its dot every frame. */
export const PACKET_BUCKET_MS = 1000;
export const MAX_PACKETS = 12;

export interface PacketView {
  /** `packet/<source id>/<target id>/<bucket>`: stable while one dot flies, new for the next. */
  readonly id: string;
  /** Diagram ids: the pod, or the node when the end is a node's own process or a pod not drawn. */
  readonly source: string;
  readonly target: string;
  readonly sourceHost: string;
  readonly targetHost: string;
  /** "ping", "DNS", "TCP :80"... */
  readonly label: string;
  readonly at: number;
}

/** What a learner calls the packet: ping for ICMP echo, HTTP, Redis, DNS for port 53, else the protocol and port. */
export function packetLabel(p: Pick<PacketFacts, 'protocol' | 'kind' | 'port'>): string {
  const kind = p.kind?.toLowerCase();
  if (kind === 'icmp' || p.protocol === 'ICMP') return 'ping';
  if (kind === 'http') return 'HTTP';
  if (kind === 'redis') return 'Redis';
  if (p.port === 53) return 'DNS';
  const protocol = p.protocol ?? kind?.toUpperCase() ?? 'packet';
  return p.port === undefined ? protocol : `${protocol} :${p.port}`;
}

/**
 * The packets to draw: sent within the last PACKET_TTL_MS between two different hosts (only those
 * crossed the overlay), newest first, one per pair and bucket, capped. `onPicture` says whether a
 * diagram id is drawn: an end that is not falls back to its node.
 */
export function visiblePackets(world: PacketWorld, onPicture: (id: string) => boolean): PacketView[] {
  const recent = (world.packets ?? []).filter((p) => p.at <= world.now && world.now - p.at < PACKET_TTL_MS && p.fromNode !== p.toNode);
  if (recent.length === 0) return [];
  const end = (pod: string | undefined, node: string) => (pod !== undefined && onPicture(`pod/${pod}`) ? `pod/${pod}` : `node/${node}`);
  const sorted = [...recent].sort((a, b) => b.at - a.at);
  const seen = new Set<string>();
  const out: PacketView[] = [];
  for (const p of sorted) {
    const source = end(p.fromPod, p.fromNode);
    const target = end(p.toPod, p.toNode);
    if (!onPicture(source) || !onPicture(target)) continue;
    const id = `packet/${source}/${target}/${Math.floor(p.at / PACKET_BUCKET_MS)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ id, source, target, sourceHost: p.fromNode, targetHost: p.toNode, label: packetLabel(p), at: p.at });
    if (out.length === MAX_PACKETS) break;
  }
  return out;
}
