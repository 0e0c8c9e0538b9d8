/**
 * Small builders for API objects shaped the way the engine stores them (Stored<T>, frozen), so the
 * diagram's tests can describe a cluster state in a few lines without running the engine.
 */
import { deepFreeze } from '../../../engine';
import type {
  ClusterSnapshot, ContainerSnapshot, ContainerState, ContainerStatus, DaemonSet, Endpoints, HostSnapshot, Node, Pod, ReplicaSet, Service, Stored,
  WorldSnapshot,
} from '../../../engine';

const CREATED = '2023-06-01T09:00:00Z';
let uidCounter = 0;

function meta(name: string, namespace: string | undefined, labels: Record<string, string> = {}) {
  uidCounter++;
  return {
    name,
    ...(namespace === undefined ? {} : { namespace }),
    uid: `00000000-0000-4000-8000-${String(uidCounter).padStart(12, '0')}`,
    resourceVersion: String(100 + uidCounter),
    creationTimestamp: CREATED,
    labels,
  };
}

export function host(name: string, ip: string, kubeletRunning = false, apiServer?: string, containers: readonly ContainerSnapshot[] = []): HostSnapshot {
  return { name, ip, kubeletRunning, apiServer, containers };
}

export interface NodeSpec {
  readonly ip: string;
  readonly controlPlane?: boolean;
  readonly ready?: boolean;
  readonly unschedulable?: boolean;
}

export function node(name: string, spec: NodeSpec): Stored<Node> {
  const labels: Record<string, string> = { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' };
  if (spec.controlPlane === true) labels['node-role.kubernetes.io/control-plane'] = '';
  const ready = spec.ready === true;
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, undefined, labels),
    spec: spec.unschedulable === true ? { unschedulable: true } : {},
    status: {
      addresses: [{ type: 'InternalIP', address: spec.ip }, { type: 'Hostname', address: name }],
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' },
        ready
          ? { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }
          : { type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'container runtime network not ready' },
      ],
    },
  });
}

/** Container state shorthands: what the kubelet reports at each step of a pod's life. */
export const state = {
  running: (): ContainerState => ({ running: { startedAt: CREATED } }),
  waiting: (reason: string): ContainerState => ({ waiting: { reason } }),
  completed: (): ContainerState => ({ terminated: { exitCode: 0, reason: 'Completed' } }),
  failed: (exitCode: number, reason?: string): ContainerState => ({ terminated: { exitCode, ...(reason === undefined ? {} : { reason }) } }),
};

export interface ContainerSpec {
  readonly name: string;
  readonly state?: ContainerState;
  readonly ready?: boolean;
  readonly restarts?: number;
}

export interface PodSpec {
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
  readonly nodeName?: string;
  readonly phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  readonly reason?: string;
  readonly ip?: string;
  readonly hostNetwork?: boolean;
  readonly initContainers?: readonly ContainerSpec[];
  readonly containers: readonly ContainerSpec[];
  readonly owner?: { readonly kind: string; readonly name: string };
  readonly deleting?: boolean;
  readonly readyCondition?: boolean;
}

function containerStatus(c: ContainerSpec): ContainerStatus {
  return {
    name: c.name,
    image: `registry.example/${c.name}:1`,
    imageID: '',
    ready: c.ready ?? false,
    restartCount: c.restarts ?? 0,
    ...(c.state === undefined ? {} : { state: c.state }),
  };
}

export function pod(name: string, spec: PodSpec): Stored<Pod> {
  const namespace = spec.namespace ?? 'default';
  const hasStatuses = spec.containers.some((c) => c.state !== undefined);
  const conditions = [];
  if (spec.nodeName === undefined) conditions.push({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' });
  else conditions.push({ type: 'PodScheduled', status: 'True' });
  if (spec.readyCondition !== undefined) conditions.push({ type: 'Ready', status: spec.readyCondition ? 'True' : 'False' });
  const metadata = {
    ...meta(name, namespace, spec.labels ?? {}),
    ...(spec.owner === undefined ? {} : { ownerReferences: [{ apiVersion: 'apps/v1', kind: spec.owner.kind, name: spec.owner.name, uid: 'owner', controller: true }] }),
    ...(spec.deleting === true ? { deletionTimestamp: CREATED, deletionGracePeriodSeconds: 30 } : {}),
  };
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: {
      ...(spec.nodeName === undefined ? {} : { nodeName: spec.nodeName }),
      ...(spec.hostNetwork === true ? { hostNetwork: true } : {}),
      ...(spec.initContainers === undefined ? {} : { initContainers: spec.initContainers.map((c) => ({ name: c.name, image: `registry.example/${c.name}:1` })) }),
      containers: spec.containers.map((c) => ({ name: c.name, image: `registry.example/${c.name}:1` })),
    },
    status: {
      phase: spec.phase ?? 'Pending',
      ...(spec.reason === undefined ? {} : { reason: spec.reason }),
      conditions,
      ...(spec.ip === undefined ? {} : { podIP: spec.ip, hostIP: spec.ip }),
      ...(spec.initContainers === undefined ? {} : { initContainerStatuses: spec.initContainers.map(containerStatus) }),
      ...(hasStatuses ? { containerStatuses: spec.containers.map(containerStatus) } : {}),
    },
  });
}

export function daemonSet(name: string, namespace: string, containers: readonly { name: string; env?: Record<string, string> }[]): Stored<DaemonSet> {
  return deepFreeze({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: meta(name, namespace, { name }),
    spec: {
      selector: { matchLabels: { name } },
      template: {
        metadata: { labels: { name } },
        spec: {
          containers: containers.map((c) => ({
            name: c.name,
            image: `registry.example/${c.name}:1`,
            ...(c.env === undefined ? {} : { env: Object.entries(c.env).map(([k, v]) => ({ name: k, value: v })) }),
          })),
        },
      },
    },
  });
}

export function replicaSet(name: string, namespace: string, deployment: string, revision: number, replicas: number): Stored<ReplicaSet> {
  const hash = name.slice(name.lastIndexOf('-') + 1);
  return deepFreeze({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      ...meta(name, namespace, { app: deployment, 'pod-template-hash': hash }),
      annotations: { 'deployment.kubernetes.io/revision': String(revision) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment, uid: `deploy-${deployment}`, controller: true }],
    },
    spec: { replicas, selector: { matchLabels: { app: deployment, 'pod-template-hash': hash } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    status: { replicas },
  });
}

export interface ServiceSpec {
  readonly type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  readonly clusterIP?: string;
  readonly ports?: readonly { readonly port: number; readonly targetPort?: number; readonly nodePort?: number; readonly protocol?: 'TCP' | 'UDP'; readonly name?: string }[];
  readonly selector?: Record<string, string>;
  readonly externalName?: string;
}

export function service(name: string, namespace: string, spec: ServiceSpec): Stored<Service> {
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, namespace),
    spec: {
      type: spec.type ?? 'ClusterIP',
      ...(spec.clusterIP === undefined ? {} : { clusterIP: spec.clusterIP, clusterIPs: [spec.clusterIP] }),
      ...(spec.ports === undefined ? {} : { ports: spec.ports.map((p) => ({ protocol: 'TCP', targetPort: p.port, ...p })) }),
      ...(spec.selector === undefined ? {} : { selector: spec.selector }),
      ...(spec.externalName === undefined ? {} : { externalName: spec.externalName }),
    },
  });
}

export interface EndpointAddress {
  readonly ip: string;
  /** The pod behind the address (`targetRef`), in the Endpoints' namespace. */
  readonly pod?: string;
  readonly node?: string;
}

/** An Endpoints object as the endpoints controller writes it: one subset, ready and not-ready addresses. */
export function endpoints(name: string, namespace: string, ports: readonly number[], ready: readonly EndpointAddress[], notReady: readonly EndpointAddress[] = []): Stored<Endpoints> {
  const address = (a: EndpointAddress) => ({
    ip: a.ip,
    ...(a.node === undefined ? {} : { nodeName: a.node }),
    ...(a.pod === undefined ? {} : { targetRef: { kind: 'Pod', namespace, name: a.pod } }),
  });
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta(name, namespace),
    subsets: ready.length + notReady.length === 0 ? [] : [{
      ...(ready.length === 0 ? {} : { addresses: ready.map(address) }),
      ...(notReady.length === 0 ? {} : { notReadyAddresses: notReady.map(address) }),
      ports: ports.map((port) => ({ port, protocol: 'TCP' })),
    }],
  });
}

export interface ClusterParts {
  readonly controlPlaneHost: string;
  readonly endpoint: string;
  readonly nodes?: readonly Stored<Node>[];
  readonly pods?: readonly Stored<Pod>[];
  readonly daemonsets?: readonly Stored<DaemonSet>[];
  readonly replicasets?: readonly Stored<ReplicaSet>[];
  readonly services?: readonly Stored<Service>[];
  readonly endpoints?: readonly Stored<Endpoints>[];
}

export function cluster(parts: ClusterParts): ClusterSnapshot {
  return {
    controlPlaneHost: parts.controlPlaneHost,
    endpoint: parts.endpoint,
    nodes: parts.nodes ?? [],
    pods: parts.pods ?? [],
    services: parts.services ?? [],
    endpoints: parts.endpoints ?? [],
    deployments: [],
    replicasets: parts.replicasets ?? [],
    daemonsets: parts.daemonsets ?? [],
    namespaces: [],
  };
}

export function world(
  hosts: readonly HostSnapshot[], clusters: readonly ClusterSnapshot[] = [], revision = 1, traffic: WorldSnapshot['traffic'] = [],
  packets: WorldSnapshot['packets'] = [],
): WorldSnapshot {
  return { revision, now: revision * 1000, wallNow: Date.UTC(2023, 5, 1, 9, 0, 0) + revision * 1000, seed: 'diagram', hosts, clusters, traffic, packets };
}
