/**
 * What the diagram and its table show, derived from a WorldSnapshot and nothing else: hosts with
 * their Node status, the pods on each, the unscheduled pods, and the pod-network overlay. Both views
 * (react-flow and the table) read this model, so they always tell the same story. Pure and
 * deterministic: no clock reads (ages would change every frame and re-render every node).
 */
import type { ClusterSnapshot, HostSnapshot, Node, Pod, ReplicaSet, Stored, WorldSnapshot } from '../../engine';
import { podDisplayStatus, type PodCategory } from './podStatus';
import { CONTROL_PLANE_COMPONENTS, controlPlaneComponentOf, type ControlPlaneComponent } from './controlPlane';
import { findOverlays, type OverlayView } from './overlay';
import type { RefIndex } from './refs';
import { serviceViews, type ServiceCluster, type ServiceView } from './services';
import { buildWorkloads, podWorkload, replicaSetIndex, type PodWorkload, type WorkloadView } from './workloads';

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
  /** The Deployment, DaemonSet... it belongs to; undefined for a bare or static pod. */
  readonly workload: PodWorkload | undefined;
  /** Shares its node's address (kube-proxy, weave-net, the control plane). */
  readonly hostNetwork: boolean;
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
  /** The kubelet runs on this machine (after kubeadm init or join). */
  readonly kubelet: boolean;
}

export interface DiagramModel {
  readonly hosts: readonly HostView[];
  /** Pods with no node yet (`Pending — not scheduled`), sorted by namespace then name. */
  readonly unscheduled: readonly PodView[];
  readonly overlays: readonly OverlayView[];
  /** Every Service, sorted by namespace then name, with the pods behind it. */
  readonly services: readonly ServiceView[];
  /** Workloads that have pods, sorted by namespace, kind and name. */
  readonly workloads: readonly WorkloadView[];
  /** Turns the engine's names for the ends of a request into diagram ids. */
  readonly refs: RefIndex;
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
  const all: PodView[] = [];
  for (const cluster of snapshot.clusters) {
    const replicaSets = replicaSetIndex(cluster);
    for (const pod of cluster.pods) {
      const view = podView(pod, replicaSets);
      // Two clusters may hold a pod with the same name (a reset and a new init): the first wins,
      // so react-flow never sees a duplicate id.
      if (seen.has(view.id)) continue;
      seen.add(view.id);
      all.push(view);
      if (view.nodeName === undefined) unscheduled.push(view);
      else podsByNode.set(view.nodeName, [...(podsByNode.get(view.nodeName) ?? []), view]);
    }
  }

  const hosts = hostList(snapshot).map((entry) => hostView(entry, podsByNode.get(entry.name) ?? []));
  const knownHosts = new Set(hosts.map((h) => h.name));
  // A pod bound to a node the picture does not show (a Node object with no machine behind it) would
  // vanish; the pending lane at least keeps it visible.
  for (const [nodeName, pods] of podsByNode) if (!knownHosts.has(nodeName)) unscheduled.push(...pods);
  const refs = refIndex(hosts, all);
  const services = buildServices(snapshot, hosts, refs);
  const serviceIds = new Set(services.map((s) => s.id));
  const serviceByIp = new Map(services.filter((s) => /^\d/.test(s.clusterIP)).map((s) => [s.clusterIP, s.id]));
  return {
    hosts,
    unscheduled: unscheduled.sort(byNamespaceThenName),
    overlays: findOverlays(snapshot, hosts),
    services,
    workloads: buildWorkloads(all.map((p) => ({ workload: p.workload, ready: p.category === 'ready' })), snapshot.clusters),
    refs: { ...refs, serviceIds, serviceByIp },
  };
}

function refIndex(hosts: readonly HostView[], pods: readonly PodView[]): Omit<RefIndex, 'serviceIds' | 'serviceByIp'> {
  const podByIp = new Map<string, string>();
  for (const p of pods) if (p.ip !== undefined && !p.hostNetwork && !podByIp.has(p.ip)) podByIp.set(p.ip, p.id);
  return {
    hosts: new Set(hosts.map((h) => h.name)),
    hostByIp: new Map(hosts.filter((h) => h.ip !== undefined).map((h) => [h.ip as string, h.name])),
    podIds: new Set(pods.map((p) => p.id)),
    podByIp,
  };
}

/** Every cluster's Services (the first of a duplicate id wins, as for pods), sorted by namespace then name. */
function buildServices(snapshot: WorldSnapshot, hosts: readonly HostView[], refs: Omit<RefIndex, 'serviceIds' | 'serviceByIp'>): ServiceView[] {
  const apiServerByHostIp = new Map<string, string>();
  for (const h of hosts) {
    const api = h.controlPlane.find((p) => p.component === 'kube-apiserver');
    if (api !== undefined && h.ip !== undefined) apiServerByHostIp.set(h.ip, api.id);
  }
  const book = { podByIp: refs.podByIp, podIds: refs.podIds, apiServerByHostIp };
  const seen = new Set<string>();
  const out: ServiceView[] = [];
  for (const cluster of snapshot.clusters) {
    // Endpoints objects are read where the snapshot carries them (see services.ts).
    const facts: ServiceCluster = cluster;
    for (const svc of serviceViews(facts, book)) {
      if (seen.has(svc.id)) continue;
      seen.add(svc.id);
      out.push(svc);
    }
  }
  return out.sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
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
    kubelet: host?.kubeletRunning ?? false,
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

function podView(pod: Stored<Pod>, replicaSets: ReadonlyMap<string, Stored<ReplicaSet>>): PodView {
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
    workload: podWorkload(pod, replicaSets),
    hostNetwork: pod.spec?.hostNetwork === true,
  };
}

/** kubectl sorts by name within a namespace; a plain code-point order keeps it locale-independent. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byNamespaceThenName(a: PodView, b: PodView): number {
  return compare(a.namespace, b.namespace) || compare(a.name, b.name);
}
