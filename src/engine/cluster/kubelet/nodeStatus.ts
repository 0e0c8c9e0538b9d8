/**
 * The Node object a kubelet registers and the status it keeps posting: labels, addresses,
 * capacity, system info, images, and the four conditions it owns (MemoryPressure, DiskPressure,
 * PIDPressure, Ready). Conditions others own (NetworkUnavailable, which Weave sets) are kept.
 *
 * Ready stays False with containerd's "cni plugin not initialized" message until a CNI config
 * exists on the host: that is why a fresh kubeadm node is NotReady until a pod network runs.
 */
import type { Node, NodeCondition, NodeStatus } from 'kubernetes-types/core/v1';
import type { Host } from '../../host/host';
import { KERNEL_VERSION, OS_IMAGE } from '../../host/host';
import { rfc3339 } from '../../util/time';
import { CONTAINER_RUNTIME_VERSION, CRI_SOCKET, KUBERNETES_VERSION, PORTS } from '../constants';
import type { ImageStore } from './images';
import { imageId } from './images';

/** What a PWK instance reported: a slice of a large shared machine. */
export const NODE_CAPACITY = {
  cpu: '8',
  'ephemeral-storage': '65536000Ki',
  'hugepages-1Gi': '0',
  'hugepages-2Mi': '0',
  memory: '32880720Ki',
  pods: '110',
} as const;

/** Capacity minus the kubelet's default eviction thresholds (memory.available 100Mi, nodefs 10%). */
export const NODE_ALLOCATABLE = {
  cpu: '8',
  'ephemeral-storage': '60397977600',
  'hugepages-1Gi': '0',
  'hugepages-2Mi': '0',
  memory: '32778320Ki',
  pods: '110',
} as const;

export const NETWORK_NOT_READY_MESSAGE =
  'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';

export function nodeLabels(nodeName: string): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': nodeName,
    'kubernetes.io/os': 'linux',
  };
}

export function newNode(nodeName: string): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: nodeName,
      labels: nodeLabels(nodeName),
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': CRI_SOCKET,
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    // The API server's TaintNodesByCondition admission plugin gives every new node this taint, so
    // nothing lands on it before its kubelet reports Ready (the node controller lifts it then).
    spec: { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] },
    status: {},
  };
}

export interface NodeFacts {
  readonly host: Host;
  readonly networkReady: boolean;
  readonly images: ImageStore;
  readonly wallNow: number;
  /** Post even if only the heartbeat moved (nodeStatusReportFrequency elapsed). */
  readonly heartbeat: boolean;
}

/** The status the kubelet would post now, merged into the previous one. */
export function nodeStatusOf(previous: NodeStatus | undefined, facts: NodeFacts): NodeStatus {
  const now = rfc3339(facts.wallNow);
  const own = (type: string, status: 'True' | 'False', reason: string, message: string): NodeCondition => {
    const before = previous?.conditions?.find((c) => c.type === type);
    const same = before?.status === status && before.reason === reason && before.message === message;
    return {
      type,
      status,
      lastHeartbeatTime: same && !facts.heartbeat ? before.lastHeartbeatTime! : now,
      lastTransitionTime: before && before.status === status ? before.lastTransitionTime! : now,
      reason,
      message,
    };
  };
  const owned = new Set(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']);
  const others = (previous?.conditions ?? []).filter((c) => !owned.has(c.type));
  const conditions: NodeCondition[] = [
    ...others,
    own('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    own('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    own('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    facts.networkReady
      ? own('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status')
      : own('Ready', 'False', 'KubeletNotReady', NETWORK_NOT_READY_MESSAGE),
  ];
  const host = facts.host;
  return {
    addresses: [{ type: 'InternalIP', address: host.ip }, { type: 'Hostname', address: host.name }],
    allocatable: { ...NODE_ALLOCATABLE },
    capacity: { ...NODE_CAPACITY },
    conditions,
    daemonEndpoints: { kubeletEndpoint: { Port: PORTS.kubelet } },
    images: facts.images.list().sort((a, b) => b.sizeBytes - a.sizeBytes).map((img) => ({ names: [imageId(img), img.ref], sizeBytes: img.sizeBytes })),
    nodeInfo: {
      architecture: 'amd64',
      bootID: host.bootId,
      containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
      kernelVersion: KERNEL_VERSION,
      kubeProxyVersion: KUBERNETES_VERSION,
      kubeletVersion: KUBERNETES_VERSION,
      machineID: host.machineId,
      operatingSystem: 'linux',
      osImage: OS_IMAGE,
      systemUUID: systemUuid(host.machineId),
    },
  };
}

/** The node's Ready condition is True. */
export function isNodeReady(node: Node | undefined): boolean {
  return node?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function systemUuid(machineId: string): string {
  const h = machineId.toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
