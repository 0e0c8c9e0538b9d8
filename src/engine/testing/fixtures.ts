/**
 * Small builders for the objects controller tests create, shaped like what `kubectl create` sends
 * (labels app=<name>, one container named after its image), so tests stay one line long.
 */
import type { DaemonSet, Deployment, Node, Pod, ReplicaSet, Taint, Toleration } from '../api/types';

export interface WorkloadOptions {
  readonly namespace?: string;
  readonly image?: string;
  readonly replicas?: number;
  readonly labels?: Readonly<Record<string, string>>;
  readonly tolerations?: readonly Toleration[];
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly minReadySeconds?: number;
  readonly hostNetwork?: boolean;
  readonly hostPort?: number;
}

export interface DeploymentOptions extends WorkloadOptions {
  readonly strategy?: 'RollingUpdate' | 'Recreate';
  readonly maxSurge?: number | string;
  readonly maxUnavailable?: number | string;
  readonly revisionHistoryLimit?: number;
  readonly progressDeadlineSeconds?: number;
}

function podTemplate(name: string, o: WorkloadOptions) {
  const labels = { ...(o.labels ?? { app: name }) };
  const image = o.image ?? 'nginx';
  const container = {
    name: containerName(image),
    image,
    ...(o.hostPort ? { ports: [{ containerPort: o.hostPort, hostPort: o.hostPort }] } : {}),
  };
  return {
    metadata: { labels },
    spec: {
      containers: [container],
      ...(o.tolerations ? { tolerations: [...o.tolerations] } : {}),
      ...(o.nodeSelector ? { nodeSelector: { ...o.nodeSelector } } : {}),
      ...(o.hostNetwork ? { hostNetwork: true } : {}),
    },
  };
}

/** `nginx:1.25` → `nginx`, `dockercoins/worker:v0.1` → `worker`, as `kubectl create deployment` names it. */
export function containerName(image: string): string {
  const base = image.slice(image.lastIndexOf('/') + 1);
  return base.split(/[:@]/)[0]!;
}

export function deployment(name: string, o: DeploymentOptions = {}): Deployment {
  const template = podTemplate(name, o);
  const rolling = o.maxSurge !== undefined || o.maxUnavailable !== undefined
    ? { rollingUpdate: { ...(o.maxSurge !== undefined ? { maxSurge: o.maxSurge } : {}), ...(o.maxUnavailable !== undefined ? { maxUnavailable: o.maxUnavailable } : {}) } }
    : {};
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: o.namespace ?? 'default', labels: { ...template.metadata.labels } },
    spec: {
      replicas: o.replicas ?? 1,
      selector: { matchLabels: { ...template.metadata.labels } },
      template,
      ...(o.strategy ? { strategy: { type: o.strategy, ...(o.strategy === 'RollingUpdate' ? rolling : {}) } } : o.maxSurge !== undefined || o.maxUnavailable !== undefined ? { strategy: { type: 'RollingUpdate', ...rolling } } : {}),
      ...(o.minReadySeconds !== undefined ? { minReadySeconds: o.minReadySeconds } : {}),
      ...(o.revisionHistoryLimit !== undefined ? { revisionHistoryLimit: o.revisionHistoryLimit } : {}),
      ...(o.progressDeadlineSeconds !== undefined ? { progressDeadlineSeconds: o.progressDeadlineSeconds } : {}),
    },
  };
}

export function replicaSet(name: string, o: WorkloadOptions = {}): ReplicaSet {
  const template = podTemplate(name, o);
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: o.namespace ?? 'default', labels: { ...template.metadata.labels } },
    spec: {
      replicas: o.replicas ?? 1,
      selector: { matchLabels: { ...template.metadata.labels } },
      template,
      ...(o.minReadySeconds !== undefined ? { minReadySeconds: o.minReadySeconds } : {}),
    },
  };
}

export function daemonSet(name: string, o: WorkloadOptions = {}): DaemonSet {
  const labels = o.labels ?? { name };
  const template = podTemplate(name, { ...o, labels });
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: o.namespace ?? 'default', labels: { ...labels } },
    spec: {
      selector: { matchLabels: { ...labels } },
      template,
      ...(o.minReadySeconds !== undefined ? { minReadySeconds: o.minReadySeconds } : {}),
    },
  };
}

export function pod(name: string, o: WorkloadOptions & { readonly nodeName?: string } = {}): Pod {
  const template = podTemplate(name, { ...o, labels: o.labels ?? { run: name } });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.namespace ?? 'default', labels: template.metadata.labels },
    spec: { ...template.spec, ...(o.nodeName ? { nodeName: o.nodeName } : {}) },
  };
}

/** Tolerates every taint, as kube-proxy and weave-net do. */
export const TOLERATE_ALL: readonly Toleration[] = [{ operator: 'Exists' }];

/** What kubeadm puts on a control-plane node, and what lets a pod ignore it. */
export const CONTROL_PLANE_TAINT: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
export const TOLERATE_CONTROL_PLANE: readonly Toleration[] = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }];

export interface FakeNodeOptions {
  readonly name: string;
  readonly controlPlane?: boolean;
  readonly ready?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
  readonly taints?: readonly Taint[];
  readonly maxPods?: number;
  readonly ip?: string;
}

export function fakeNode(o: FakeNodeOptions, timestamp: string): Node {
  const taints = [...(o.controlPlane ? [CONTROL_PLANE_TAINT] : []), ...(o.taints ?? [])];
  const capacity = { cpu: '4', memory: '8139880Ki', pods: String(o.maxPods ?? 110), 'ephemeral-storage': '61202244Ki' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: o.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': o.name,
        'kubernetes.io/os': 'linux',
        ...(o.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
        ...o.labels,
      },
    },
    spec: taints.length > 0 ? { taints } : {},
    status: {
      capacity,
      allocatable: capacity,
      addresses: [{ type: 'InternalIP', address: o.ip ?? '192.168.0.10' }, { type: 'Hostname', address: o.name }],
      conditions: [readyCondition(o.ready ?? true, timestamp)],
    },
  };
}

export function readyCondition(ready: boolean, timestamp: string) {
  return ready
    ? { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: timestamp, lastTransitionTime: timestamp }
    : {
      type: 'Ready', status: 'False', reason: 'KubeletNotReady', lastHeartbeatTime: timestamp, lastTransitionTime: timestamp,
      message: 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
    };
}
