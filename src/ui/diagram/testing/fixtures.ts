/**
 * The cluster states the first lesson walks through, as snapshots (seed-fidelity §2.5, §3.3):
 * bare hosts → kubeadm init on node1 → kubeadm join on node2 → weave-net starting → weave-net up.
 * Names are the ones public v1.27 transcripts show (coredns-5d78c9869d-…, weave-net-…).
 */
import type { Pod, Stored, WorldSnapshot } from '../../../engine';
import type { Endpoints, Service } from '../../../engine';
import { cluster, daemonSet, endpoints, host, node, pod, service, state, world, type ContainerSpec } from './builders';

export const NODE1_IP = '192.168.0.8';
export const NODE2_IP = '192.168.0.7';
const ENDPOINT = `${NODE1_IP}:6443`;

export const COREDNS = ['coredns-5d78c9869d-4xjkl', 'coredns-5d78c9869d-9wrtm'] as const;
export const KUBE_PROXY = { node1: 'kube-proxy-7gjbv', node2: 'kube-proxy-hfbrr' } as const;
export const WEAVE = { node1: 'weave-net-b85tm', node2: 'weave-net-xbpvg' } as const;

const running = (name: string, restarts = 0): ContainerSpec => ({ name, state: state.running(), ready: true, restarts });

function staticPods(): Stored<Pod>[] {
  return (['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const).map((component) =>
    pod(`${component}-node1`, {
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      nodeName: 'node1',
      phase: 'Running',
      hostNetwork: true,
      ip: NODE1_IP,
      containers: [running(component)],
      readyCondition: true,
    }));
}

function kubeProxy(nodeName: 'node1' | 'node2'): Stored<Pod> {
  return pod(KUBE_PROXY[nodeName], {
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-proxy' },
    owner: { kind: 'DaemonSet', name: 'kube-proxy' },
    nodeName,
    phase: 'Running',
    hostNetwork: true,
    ip: nodeName === 'node1' ? NODE1_IP : NODE2_IP,
    containers: [running('kube-proxy')],
    readyCondition: true,
  });
}

function corednsPending(name: string): Stored<Pod> {
  return pod(name, {
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-dns' },
    owner: { kind: 'ReplicaSet', name: 'coredns-5d78c9869d' },
    phase: 'Pending',
    containers: [{ name: 'coredns' }],
  });
}

function corednsRunning(name: string, nodeName: string, ip: string): Stored<Pod> {
  return pod(name, {
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-dns' },
    owner: { kind: 'ReplicaSet', name: 'coredns-5d78c9869d' },
    nodeName,
    phase: 'Running',
    ip,
    containers: [running('coredns')],
    readyCondition: true,
  });
}

/** The stages a weave-net pod shows in `kubectl get pods` on its way to 2/2. */
export type WeaveStage = 'Init:0/1' | 'PodInitializing' | '1/2' | '2/2';

export function weavePod(nodeName: 'node1' | 'node2', stage: WeaveStage): Stored<Pod> {
  const init: ContainerSpec[] = [{ name: 'weave-init', state: stage === 'Init:0/1' ? state.running() : state.completed() }];
  const waiting = (name: string): ContainerSpec => ({ name, state: state.waiting('PodInitializing') });
  const containers: Record<WeaveStage, ContainerSpec[]> = {
    'Init:0/1': [waiting('weave'), waiting('weave-npc')],
    PodInitializing: [waiting('weave'), waiting('weave-npc')],
    '1/2': [{ name: 'weave', state: state.running(), ready: false }, running('weave-npc')],
    '2/2': [running('weave', nodeName === 'node2' ? 1 : 0), running('weave-npc')],
  };
  return pod(WEAVE[nodeName], {
    namespace: 'kube-system',
    labels: { name: 'weave-net' },
    owner: { kind: 'DaemonSet', name: 'weave-net' },
    nodeName,
    phase: stage === '1/2' || stage === '2/2' ? 'Running' : 'Pending',
    hostNetwork: true,
    ip: nodeName === 'node1' ? NODE1_IP : NODE2_IP,
    initContainers: init,
    containers: containers[stage],
    readyCondition: stage === '2/2',
  });
}

const weaveDaemonSet = () => daemonSet('weave-net', 'kube-system', [{ name: 'weave' }, { name: 'weave-npc' }]);

export const KUBE_DNS_IP = '10.96.0.10';

/**
 * The two Services every kubeadm cluster has: `kubernetes` (10.96.0.1:443, its endpoint the API
 * server on node1:6443) and `kube-dns` (10.96.0.10, its endpoints the coredns pods once they run).
 */
function systemServices(coredns: readonly { readonly pod: string; readonly ip: string; readonly node: string }[] = []): { services: Stored<Service>[]; endpoints: Stored<Endpoints>[] } {
  return {
    services: [
      service('kubernetes', 'default', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }] }),
      service('kube-dns', 'kube-system', {
        clusterIP: KUBE_DNS_IP,
        selector: { 'k8s-app': 'kube-dns' },
        ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }, { name: 'metrics', port: 9153 }],
      }),
    ],
    endpoints: [
      endpoints('kubernetes', 'default', [6443], [{ ip: NODE1_IP }]),
      endpoints('kube-dns', 'kube-system', [53, 9153], coredns.map((c) => ({ ip: c.ip, pod: c.pod, node: c.node }))),
    ],
  };
}

/** Two machines, no cluster yet. */
export function beforeInit(): WorldSnapshot {
  return world([host('node1', NODE1_IP), host('node2', NODE2_IP)]);
}

/** node1 NotReady, the control plane and kube-proxy Running, coredns Pending with no node. */
export function afterInit(): WorldSnapshot {
  return world(
    [host('node1', NODE1_IP, true, `https://${ENDPOINT}`), host('node2', NODE2_IP)],
    [cluster({
      controlPlaneHost: 'node1',
      endpoint: ENDPOINT,
      nodes: [node('node1', { ip: NODE1_IP, controlPlane: true })],
      pods: [...COREDNS.map(corednsPending), ...staticPods(), kubeProxy('node1')],
      ...systemServices(),
    })],
    2,
  );
}

/** node2 joined: NotReady too, with its own kube-proxy. */
export function afterJoin(): WorldSnapshot {
  return world(
    [host('node1', NODE1_IP, true, `https://${ENDPOINT}`), host('node2', NODE2_IP, true, `https://${ENDPOINT}`)],
    [cluster({
      controlPlaneHost: 'node1',
      endpoint: ENDPOINT,
      nodes: [node('node1', { ip: NODE1_IP, controlPlane: true }), node('node2', { ip: NODE2_IP })],
      pods: [...COREDNS.map(corednsPending), ...staticPods(), kubeProxy('node1'), kubeProxy('node2')],
      ...systemServices(),
    })],
    3,
  );
}

/** weave-net applied: its pods on their way up, nodes still NotReady, coredns still Pending. */
export function duringWeave(node1: WeaveStage = '1/2', node2: WeaveStage = 'Init:0/1'): WorldSnapshot {
  return world(
    [host('node1', NODE1_IP, true, `https://${ENDPOINT}`), host('node2', NODE2_IP, true, `https://${ENDPOINT}`)],
    [cluster({
      controlPlaneHost: 'node1',
      endpoint: ENDPOINT,
      nodes: [node('node1', { ip: NODE1_IP, controlPlane: true }), node('node2', { ip: NODE2_IP })],
      pods: [
        ...COREDNS.map(corednsPending), ...staticPods(), kubeProxy('node1'), kubeProxy('node2'),
        weavePod('node1', node1), weavePod('node2', node2),
      ],
      daemonsets: [weaveDaemonSet()],
      ...systemServices(),
    })],
    4,
  );
}

/** Both nodes Ready, weave-net 2/2 on each, coredns Running with pod IPs from each node's weave range. */
export function afterWeave(): WorldSnapshot {
  return world(
    [host('node1', NODE1_IP, true, `https://${ENDPOINT}`), host('node2', NODE2_IP, true, `https://${ENDPOINT}`)],
    [cluster({
      controlPlaneHost: 'node1',
      endpoint: ENDPOINT,
      nodes: [node('node1', { ip: NODE1_IP, controlPlane: true, ready: true }), node('node2', { ip: NODE2_IP, ready: true })],
      pods: [
        corednsRunning(COREDNS[0], 'node1', '10.32.0.2'), corednsRunning(COREDNS[1], 'node2', '10.44.0.1'),
        ...staticPods(), kubeProxy('node1'), kubeProxy('node2'), weavePod('node1', '2/2'), weavePod('node2', '2/2'),
      ],
      daemonsets: [weaveDaemonSet()],
      ...systemServices([{ pod: COREDNS[0], ip: '10.32.0.2', node: 'node1' }, { pod: COREDNS[1], ip: '10.44.0.1', node: 'node2' }]),
    })],
    5,
  );
}
