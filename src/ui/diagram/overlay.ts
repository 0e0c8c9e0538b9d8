/**
 * The pod network drawn between nodes. Weave Net runs one pod per node (a DaemonSet); once its pod
 * runs on two nodes, their pods can reach each other across the overlay, so the diagram draws an
 * edge between them. Derived from API objects only: the DaemonSet's pods and their status.
 */
import type { ClusterSnapshot, DaemonSet, Pod, Stored, WorldSnapshot } from '../../engine';
import { podDisplayStatus } from './podStatus';

export interface OverlayView {
  /** The diagram's edge id: `overlay/<network>/<from>/<to>`. */
  readonly id: string;
  readonly network: string;
  /** Host names, in the order the diagram lays them out. */
  readonly from: string;
  readonly to: string;
  /** The edge label, e.g. "weave-net overlay (10.32.0.0/12)". */
  readonly label: string;
  readonly range: string | undefined;
}

interface PodNetwork {
  /** The DaemonSet's name, also the label's key word. */
  readonly name: string;
  readonly title: string;
  /** How its pods are labelled in the manifest the lessons apply. */
  readonly label: readonly [key: string, value: string];
  /** Where the pod range comes from: an env var of the agent container, with the add-on's default. */
  readonly rangeEnv: { readonly container: string; readonly name: string; readonly fallback: string } | undefined;
}

/**
 * Weave Net allocates from 10.32.0.0/12 unless IPALLOC_RANGE says otherwise (weave-kube's launch.sh).
 * kube-router (PWK's network since 2020) routes each node's podCIDR instead.
 */
const POD_NETWORKS: readonly PodNetwork[] = [
  { name: 'weave-net', title: 'weave-net overlay', label: ['name', 'weave-net'], rangeEnv: { container: 'weave', name: 'IPALLOC_RANGE', fallback: '10.32.0.0/12' } },
  { name: 'kube-router', title: 'kube-router pod network', label: ['k8s-app', 'kube-router'], rangeEnv: undefined },
];

export function findOverlays(snapshot: WorldSnapshot, hosts: readonly { readonly name: string }[]): OverlayView[] {
  const overlays: OverlayView[] = [];
  const seen = new Set<string>();
  for (const cluster of snapshot.clusters) {
    for (const network of POD_NETWORKS) {
      const up = nodesRunning(cluster, network);
      // Chain the nodes in layout order: node1 — node2 — node3. A full mesh would say the same
      // with many more edges.
      const members = hosts.filter((h) => up.has(h.name)).map((h) => h.name);
      const range = podRange(cluster, network);
      for (let i = 1; i < members.length; i++) {
        const from = members[i - 1] as string;
        const to = members[i] as string;
        const id = `overlay/${network.name}/${from}/${to}`;
        if (seen.has(id)) continue;
        seen.add(id);
        overlays.push({ id, network: network.name, from, to, range, label: range === undefined ? network.title : `${network.title} (${range})` });
      }
    }
  }
  return overlays;
}

/** Nodes where the network's agent pod runs (kubectl would show it Running, whatever its READY). */
function nodesRunning(cluster: ClusterSnapshot, network: PodNetwork): Set<string> {
  const nodes = new Set<string>();
  for (const pod of cluster.pods) {
    const nodeName = pod.spec?.nodeName;
    if (nodeName === undefined || !belongsTo(pod, network)) continue;
    if (podDisplayStatus(pod).status === 'Running') nodes.add(nodeName);
  }
  return nodes;
}

function belongsTo(pod: Stored<Pod>, network: PodNetwork): boolean {
  const [key, value] = network.label;
  if (pod.metadata.labels?.[key] === value) return true;
  return pod.metadata.ownerReferences?.some((ref) => ref.kind === 'DaemonSet' && ref.name === network.name) ?? false;
}

function podRange(cluster: ClusterSnapshot, network: PodNetwork): string | undefined {
  const env = network.rangeEnv;
  if (env === undefined) return undefined;
  const ds: Stored<DaemonSet> | undefined = cluster.daemonsets.find((d) => d.metadata.name === network.name);
  const container = ds?.spec?.template.spec?.containers.find((c) => c.name === env.container);
  const value = container?.env?.find((e) => e.name === env.name)?.value;
  return value !== undefined && value !== '' ? value : env.fallback;
}
