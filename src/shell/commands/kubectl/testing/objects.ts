/**
 * API objects shaped as a kubeadm v1.27 cluster holds them (seed-fidelity §2.5, §3.3, §3.7), for
 * kubectl's tests until the real kubelet and controllers drive them: nodes, static pods,
 * kube-proxy, coredns and weave-net pods in their successive states.
 */
import type { Container, ContainerStatus, Host, Node, NodeCondition, Pod, PodCondition } from '../../../../engine';
import { rfc3339 } from '../../../../engine';

export const CONTAINERD = 'containerd://1.6.21';

export function nodeObject(host: Host, controlPlane: boolean, at: number): Node {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': host.name, 'kubernetes.io/os': 'linux',
  };
  if (controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  return {
    metadata: {
      name: host.name, labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      taints: [
        ...(controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : []),
        { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
      ],
    },
    status: {
      conditions: nodeConditions(false, at, undefined),
      addresses: [{ type: 'InternalIP', address: host.ip }, { type: 'Hostname', address: host.name }],
      capacity: { cpu: '8', 'ephemeral-storage': '61255492Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '32879876Ki', pods: '110' },
      allocatable: { cpu: '8', 'ephemeral-storage': '56453061334', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '32777476Ki', pods: '110' },
      nodeInfo: {
        machineID: host.machineId, systemUUID: host.machineId.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'), bootID: host.bootId,
        kernelVersion: '4.4.0-210-generic', osImage: 'CentOS Linux 7 (Core)', containerRuntimeVersion: CONTAINERD,
        kubeletVersion: 'v1.27.2', kubeProxyVersion: 'v1.27.2', operatingSystem: 'linux', architecture: 'amd64',
      },
    },
  };
}

/** The kubelet's four conditions, plus Weave's NetworkUnavailable once it ran. */
export function nodeConditions(ready: boolean, at: number, weaveAt: number | undefined): NodeCondition[] {
  const t = rfc3339(at);
  const cond = (type: string, status: string, reason: string, message: string, since = t): NodeCondition =>
    ({ type, status, lastHeartbeatTime: t, lastTransitionTime: since, reason, message });
  return [
    ...(weaveAt !== undefined ? [cond('NetworkUnavailable', 'False', 'WeaveIsUp', 'Weave pod has set this', rfc3339(weaveAt))] : []),
    cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    ready
      ? cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status')
      : cond('Ready', 'False', 'KubeletNotReady', 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized'),
  ];
}

const POD_DEFAULTS = {
  dnsPolicy: 'ClusterFirst', enableServiceLinks: true, preemptionPolicy: 'PreemptLowerPriority', restartPolicy: 'Always',
  schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30,
} as const;

export function container(name: string, image: string, extra: Partial<Container> = {}): Container {
  return { name, image, imagePullPolicy: 'IfNotPresent', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', ...extra };
}

/** A static pod's mirror, as the kubelet posts it: owned by the Node, host network, node-critical. */
export function staticPod(component: string, node: string, image: string, requests: Record<string, string>, command: string[]): Pod {
  return {
    metadata: {
      name: `${component}-${node}`, namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.mirror': 'fd1ba4e3d2e2c7b1a6f3c9d0e8b5a4f2' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node, uid: 'node-uid', controller: true }],
    },
    spec: {
      ...POD_DEFAULTS,
      containers: [container(component, image, { command, resources: { requests } })],
      hostNetwork: true, nodeName: node, priority: 2000001000, priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    },
  };
}

export function dsPod(ds: string, node: string, containers: Container[], extra: Partial<Pod['spec'] & object> = {}, labels: Record<string, string> = {}): Pod {
  return {
    metadata: {
      generateName: `${ds}-`, namespace: 'kube-system',
      labels: { 'controller-revision-hash': '7d8f8c9b5c', 'pod-template-generation': '1', ...labels },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds, uid: `${ds}-uid`, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      ...POD_DEFAULTS, containers, nodeName: node, hostNetwork: true, priority: 2000001000, priorityClassName: 'system-node-critical',
      serviceAccountName: ds, serviceAccount: ds,
      tolerations: [{ operator: 'Exists' }, { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }],
      ...extra,
    },
  };
}

export function corednsPod(): Pod {
  return {
    metadata: {
      generateName: 'coredns-5d78c9869d-', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '5d78c9869d' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'coredns-5d78c9869d', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      ...POD_DEFAULTS, dnsPolicy: 'Default', priority: 2000000000, priorityClassName: 'system-cluster-critical',
      serviceAccountName: 'coredns', serviceAccount: 'coredns', nodeSelector: { 'kubernetes.io/os': 'linux' },
      containers: [container('coredns', 'registry.k8s.io/coredns/coredns:v1.10.1', {
        args: ['-conf', '/etc/coredns/Corefile'],
        ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }, { name: 'metrics', containerPort: 9153, protocol: 'TCP' }],
        resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
        livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, periodSeconds: 10, successThreshold: 1, failureThreshold: 5 },
        readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }, { name: 'kube-api-access-x7k2p', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
      })],
      volumes: [
        { name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }], defaultMode: 420 } },
        { name: 'kube-api-access-x7k2p', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }, { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } }] } },
      ],
      tolerations: [
        { key: 'CriticalAddonsOnly', operator: 'Exists' },
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
  };
}

export function weaveContainers(): { init: Container[]; main: Container[] } {
  return {
    init: [container('weave-init', 'weaveworks/weave-kube:2.8.1', { command: ['/home/weave/init.sh'], securityContext: { privileged: true } })],
    main: [
      container('weave', 'weaveworks/weave-kube:2.8.1', {
        command: ['/home/weave/launch.sh'], resources: { requests: { cpu: '50m' } },
        env: [{ name: 'INIT_CONTAINER', value: 'true' }, { name: 'HOSTNAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
        readinessProbe: { httpGet: { host: '127.0.0.1', path: '/status', port: 6784, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      }),
      container('weave-npc', 'weaveworks/weave-npc:2.8.1', { resources: { requests: { cpu: '50m' } } }),
    ],
  };
}

export interface ContainerRun {
  readonly startedAt?: number;
  readonly waiting?: string;
  readonly terminated?: { reason: string; exitCode: number; startedAt: number; finishedAt: number };
  readonly lastTerminated?: { reason: string; exitCode: number; startedAt: number; finishedAt: number };
  readonly ready?: boolean;
  readonly restarts?: number;
}

export function containerStatus(c: Container, run: ContainerRun, idSeed: string): ContainerStatus {
  const image = c.image!.includes(':') ? c.image! : `${c.image}:latest`;
  const started = run.startedAt !== undefined;
  const term = (t: NonNullable<ContainerRun['terminated']>) => ({
    reason: t.reason, exitCode: t.exitCode, startedAt: rfc3339(t.startedAt), finishedAt: rfc3339(t.finishedAt), containerID: `containerd://${idSeed}0`,
  });
  return {
    name: c.name, image: image.startsWith('registry.k8s.io') ? image : `docker.io/${image}`,
    imageID: started || run.terminated ? `${image.split(':')[0]}@sha256:${idSeed.repeat(8).slice(0, 64)}` : '',
    ...(started || run.terminated ? { containerID: `containerd://${idSeed.repeat(8).slice(0, 64)}` } : {}),
    ready: run.ready ?? started, restartCount: run.restarts ?? 0, started,
    state: run.terminated ? { terminated: term(run.terminated) }
      : started ? { running: { startedAt: rfc3339(run.startedAt!) } } : { waiting: { reason: run.waiting ?? 'ContainerCreating' } },
    lastState: run.lastTerminated ? { terminated: term(run.lastTerminated) } : {},
  };
}

export function podConditions(at: { initialized?: number; ready?: number; scheduled: number; containersReady?: number }): PodCondition[] {
  const c = (type: string, t: number | undefined): PodCondition => ({ type, status: t === undefined ? 'False' : 'True', lastProbeTime: null as never, lastTransitionTime: rfc3339(t ?? at.scheduled) });
  return [c('Initialized', at.initialized), c('Ready', at.ready), c('ContainersReady', at.containersReady ?? at.ready), c('PodScheduled', at.scheduled)];
}
