/**
 * The pod network as the cluster's API objects describe it, for the diagram, lesson checks and the
 * kubelets' address allocation:
 * - a node's pod network is up when its NetworkUnavailable condition is False (Weave sets it,
 *   reason WeaveIsUp, when its pod runs on that node);
 * - Weave's peers are listed in the `weave-net` ConfigMap in kube-system (annotation
 *   kube-peers.weave.works/peers), and each peer owns a slice of 10.32.0.0/12: the control-plane
 *   host the first, 10.32.0.0, the others the next ones in the order they joined (10.44.0.0,
 *   10.40.0.0...), as Weave's IPAM splits its range. Real Weave lets consensus pick which peer
 *   starts the ring; we fix it on the control plane so node1's pods are always the familiar
 *   10.32.0.x, and a slice never moves once given.
 */
import type { ApiStore } from '../api/store';
import { mustResolve } from '../api/resources';
import type { ConfigMap, Node } from '../api/types';

export const WEAVE_RANGE = '10.32.0.0/12';
export const WEAVE_PEERS_ANNOTATION = 'kube-peers.weave.works/peers';
export const WEAVE_CONFIGMAP = 'weave-net';

/** Where each peer's slice starts, in the order peers join (a /14 each, carved as Weave halves its free space). */
const SLICE_BASES = ['10.32.0.0', '10.44.0.0', '10.40.0.0', '10.36.0.0', '10.46.0.0', '10.42.0.0', '10.38.0.0', '10.34.0.0'];
const SLICE_SIZE = 1 << 18;

export interface PodSlice {
  readonly node: string;
  /** "10.44.0.0/14" */
  readonly cidr: string;
  /** The address of the weave bridge on that host. */
  readonly bridge: string;
  /** Integer value of the first address pods may get. */
  readonly firstPod: number;
  /** Integer value one past the last address of the slice. */
  readonly end: number;
}

export interface WeavePeer {
  readonly PeerName: string;
  readonly NodeName: string;
}

const NODES = mustResolve('nodes');
const CONFIGMAPS = mustResolve('configmaps');

export class PodNetwork {
  constructor(
    private readonly store: ApiStore,
    private readonly controlPlaneHost: string,
  ) {}

  /** Names of the nodes whose pod network is up, sorted. */
  nodesUp(): string[] {
    return this.store.list<Node>(NODES).filter((n) => isNetworkUp(n)).map((n) => n.metadata.name);
  }

  isUp(node: string): boolean {
    return isNetworkUp(this.store.get<Node>(NODES, undefined, node));
  }

  /** Weave's peers in the order they joined. */
  peers(): WeavePeer[] {
    const cm = this.store.get<ConfigMap>(CONFIGMAPS, 'kube-system', WEAVE_CONFIGMAP);
    return parsePeers(cm?.metadata.annotations?.[WEAVE_PEERS_ANNOTATION]);
  }

  sliceOf(node: string): PodSlice | undefined {
    const peers = this.peers().map((p) => p.NodeName);
    if (!peers.includes(node)) return undefined;
    const order = [this.controlPlaneHost, ...peers.filter((n) => n !== this.controlPlaneHost)];
    const index = order.indexOf(node);
    const base = SLICE_BASES[index];
    if (base === undefined) return undefined;
    const start = ipToInt(base);
    return {
      node,
      cidr: `${base}/14`,
      bridge: intToIp(start + (index === 0 ? 1 : 0)),
      firstPod: start + (index === 0 ? 2 : 1),
      end: start + SLICE_SIZE,
    };
  }

  /** Every peer's slice, for the diagram's overlay label. */
  slices(): PodSlice[] {
    return this.peers().map((p) => this.sliceOf(p.NodeName)).filter((s): s is PodSlice => s !== undefined)
      .sort((a, b) => ipToInt(a.bridge) - ipToInt(b.bridge));
  }
}

export function isNetworkUp(node: Node | undefined): boolean {
  return node?.status?.conditions?.some((c) => c.type === 'NetworkUnavailable' && c.status === 'False') ?? false;
}

export function parsePeers(annotation: string | undefined): WeavePeer[] {
  if (!annotation) return [];
  try {
    const parsed = JSON.parse(annotation) as { Peers?: unknown };
    if (!Array.isArray(parsed.Peers)) return [];
    return parsed.Peers.filter((p): p is WeavePeer =>
      typeof p === 'object' && p !== null && typeof (p as WeavePeer).NodeName === 'string' && typeof (p as WeavePeer).PeerName === 'string');
  } catch {
    return [];
  }
}

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + (Number(part) & 255), 0);
}

export function intToIp(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}
