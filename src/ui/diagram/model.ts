/**
 * What the diagram and its table show, derived from a WorldSnapshot and nothing else: hosts with
 * their Node status, the pods on each, the unscheduled pods, and the pod-network overlay. Both views
 * (react-flow and the table) read this model, so they always tell the same story. Pure and
 * deterministic: no clock reads (ages would change every frame and re-render every node).
 */
import type { ClusterSnapshot, HostSnapshot, Node, Pod, Stored, WorldSnapshot } from '../../engine';
import { podDisplayStatus, type PodCategory } from './podStatus';
import { CONTROL_PLANE_COMPONENTS, controlPlaneComponentOf, type ControlPlaneComponent } from './controlPlane';
import { findOverlays, type OverlayView } from './overlay';

export interface PodView {
  /** react-flow id: `pod/<namespace>/<name>`. */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly status: string;
  readonly category: PodCategory;
  readonly ready: string;
  readonly restarts: number;
  readonly ip: string | undefined;
  readonly nodeName: string | undefined;
  /** Set for the kubeadm static pods (API server, etcd, scheduler, controller manager). */
  readonly component: ControlPlaneComponent | undefined;
}

/** Whether a host takes part in a cluster: none before init/join, registering until its Node exists. */
export type Membership = 'none' | 'registering' | 'member';

export interface HostView {
  /** react-flow id: `node/<name>`. */
  readonly id: string;
  readonly name: string;
  readonly ip: string | undefined;
  readonly membership: Membership;
  /** kubectl's ROLES ("control-plane"), or "worker" for a node without a role label. */
  readonly role: string | undefined;
  /** kubectl's STATUS for the Node ("Ready", "NotReady", "Ready,SchedulingDisabled"). */
  readonly status: string | undefined;
  readonly ready: boolean;
  /** The static control-plane pods on this host, in a fixed order. */
  readonly controlPlane: readonly PodView[];
  /** Every other pod bound to this node, sorted by namespace then name. */
  readonly pods: readonly PodView[];
}

export interface DiagramModel {
  readonly hosts: readonly HostView[];
  /** Pods with no node yet (`Pending — not scheduled`), sorted by namespace then name. */
  readonly unscheduled: readonly PodView[];
  readonly overlays: readonly OverlayView[];
}

export type { OverlayView } from './overlay';

export function hostId(name: string): string {
  return `node/${name}`;
}

export function podId(namespace: string, name: string): string {
  return `pod/${namespace}/${name}`;
}

export function buildModel(snapshot: WorldSnapshot): DiagramModel {
  const seen = new Set<string>();
  const podsByNode = new Map<string, PodView[]>();
  const unscheduled: PodView[] = [];
  for (const cluster of snapshot.clusters) {
    for (const pod of cluster.pods) {
      const view = podView(pod);
      // Two clusters may hold a pod with the same name (a reset and a new init): the first wins,
      // so react-flow never sees a duplicate id.
      if (seen.has(view.id)) continue;
      seen.add(view.id);
      if (view.nodeName === undefined) unscheduled.push(view);
      else podsByNode.set(view.nodeName, [...(podsByNode.get(view.nodeName) ?? []), view]);
    }
  }

  const hosts = hostList(snapshot).map((entry) => hostView(entry, podsByNode.get(entry.name) ?? []));
  const knownHosts = new Set(hosts.map((h) => h.name));
  // A pod bound to a node the picture does not show (a Node object with no machine behind it) would
  // vanish; the pending lane at least keeps it visible.
  for (const [nodeName, pods] of podsByNode) if (!knownHosts.has(nodeName)) unscheduled.push(...pods);
  return { hosts, unscheduled: unscheduled.sort(byNamespaceThenName), overlays: findOverlays(snapshot, hosts) };
}

interface HostEntry {
  readonly name: string;
  readonly host: HostSnapshot | undefined;
  readonly node: Stored<Node> | undefined;
  readonly cluster: ClusterSnapshot | undefined;
}

/** The machines in snapshot order, then any Node objects that have no machine, by name. */
function hostList(snapshot: WorldSnapshot): HostEntry[] {
  const entries: HostEntry[] = snapshot.hosts.map((host) => {
    const found = findNode(snapshot, host.name);
    const cluster = found?.cluster ?? snapshot.clusters.find((c) => c.controlPlaneHost === host.name || endpointMatches(c, host.apiServer));
    return { name: host.name, host, node: found?.node, cluster };
  });
  const names = new Set(entries.map((e) => e.name));
  const extra: HostEntry[] = [];
  for (const cluster of snapshot.clusters) {
    for (const node of cluster.nodes) {
      if (names.has(node.metadata.name)) continue;
      names.add(node.metadata.name);
      extra.push({ name: node.metadata.name, host: undefined, node, cluster });
    }
  }
  extra.sort((a, b) => compare(a.name, b.name));
  return [...entries, ...extra];
}

function findNode(snapshot: WorldSnapshot, name: string): { node: Stored<Node>; cluster: ClusterSnapshot } | undefined {
  for (const cluster of snapshot.clusters) {
    const node = cluster.nodes.find((n) => n.metadata.name === name);
    if (node) return { node, cluster };
  }
  return undefined;
}

function endpointMatches(cluster: ClusterSnapshot, apiServer: string | undefined): boolean {
  if (apiServer === undefined) return false;
  return apiServer.replace(/^https?:\/\//, '').replace(/\/.*$/, '') === cluster.endpoint;
}

function hostView(entry: HostEntry, pods: readonly PodView[]): HostView {
  const { node, host, cluster } = entry;
  const membership: Membership = node !== undefined ? 'member' : cluster !== undefined || host?.kubeletRunning === true ? 'registering' : 'none';
  const controlPlane: PodView[] = [];
  const others: PodView[] = [];
  for (const pod of pods) (pod.component !== undefined ? controlPlane : others).push(pod);
  controlPlane.sort((a, b) => componentRank(a) - componentRank(b) || byNamespaceThenName(a, b));
  const status = node === undefined ? undefined : nodeStatus(node);
  return {
    id: hostId(entry.name),
    name: entry.name,
    ip: host?.ip ?? node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address,
    membership,
    role: node !== undefined ? nodeRoles(node) : cluster?.controlPlaneHost === entry.name ? 'control-plane' : undefined,
    status,
    ready: status?.split(',')[0] === 'Ready',
    controlPlane,
    pods: others.sort(byNamespaceThenName),
  };
}

function componentRank(pod: PodView): number {
  return pod.component === undefined ? CONTROL_PLANE_COMPONENTS.length : CONTROL_PLANE_COMPONENTS.indexOf(pod.component);
}

/** kubectl prints "Ready" only when the Ready condition is True; "NotReady" otherwise, "Unknown" without one. */
export function nodeStatus(node: Node): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const parts = [ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (node.spec?.unschedulable === true) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** kubectl's ROLES: every `node-role.kubernetes.io/<role>` label (and `kubernetes.io/role`), sorted. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const role = key.slice('node-role.kubernetes.io/'.length);
      if (role !== '') roles.add(role);
    } else if (key === 'kubernetes.io/role' && value !== '') roles.add(value);
  }
  return roles.size === 0 ? 'worker' : [...roles].sort(compare).join(',');
}

function podView(pod: Stored<Pod>): PodView {
  const namespace = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name;
  const shown = podDisplayStatus(pod);
  const nodeName = pod.spec?.nodeName;
  return {
    id: podId(namespace, name),
    namespace,
    name,
    status: shown.status,
    category: shown.category,
    ready: shown.ready,
    restarts: shown.restarts,
    ip: pod.status?.podIP,
    nodeName: nodeName === undefined || nodeName === '' ? undefined : nodeName,
    component: controlPlaneComponentOf(pod),
  };
}

/** kubectl sorts by name within a namespace; a plain code-point order keeps it locale-independent. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byNamespaceThenName(a: PodView, b: PodView): number {
  return compare(a.namespace, b.namespace) || compare(a.name, b.name);
}
