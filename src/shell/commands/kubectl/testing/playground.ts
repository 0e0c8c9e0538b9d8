/**
 * A scripted playground for kubectl's tests: a World whose node1 runs an API server (a Cluster
 * listening on 6443, admin.conf written, /root/.kube/config linked to it as on PWK), with the
 * objects `kubeadm init`, `kubeadm join` and the Weave manifest leave behind, built by hand at
 * chosen virtual times so ages and names are stable.
 */
import {
  base64Encode, Cluster, mustResolve, rfc3339, World, type Host, type KubeObject, type Pod, type Stored,
} from '../../../../engine';
import { toYaml } from '../../../format/yaml';
import {
  container, containerStatus, corednsPod, dsPod, nodeConditions, nodeObject, podConditions, staticPod, weaveContainers,
} from './objects';
import { runKubectl, type RunOptions, type RunResult } from './run';

const T = (name: string) => mustResolve(name);

export function adminConf(cluster: Cluster, server: string): string {
  return toYaml({
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': cluster.ca.certData, server }, name: 'kubernetes' }],
    contexts: [{ context: { cluster: 'kubernetes', user: 'kubernetes-admin' }, name: 'kubernetes-admin@kubernetes' }],
    'current-context': 'kubernetes-admin@kubernetes',
    kind: 'Config',
    preferences: {},
    users: [{ name: 'kubernetes-admin', user: { 'client-certificate-data': base64Encode('client cert'), 'client-key-data': base64Encode('client key') } }],
  });
}

export class Playground {
  readonly world: World;
  cluster: Cluster | undefined;
  private stopListening: (() => void) | undefined;

  constructor(seed = 'kubectl') {
    this.world = new World({ seed });
  }

  get node1(): Host {
    return this.world.host('node1')!;
  }

  get node2(): Host {
    return this.world.host('node2')!;
  }

  get store() {
    if (!this.cluster) throw new Error('no cluster yet');
    return this.cluster.store;
  }

  advance(ms: number): this {
    this.world.advance(ms);
    return this;
  }

  kubectl(args: string | readonly string[], opts: RunOptions = {}): RunResult {
    return runKubectl(this.world, args, opts);
  }

  create<T extends KubeObject>(resource: string, obj: T): Stored<T> {
    const r = this.store.create(T(resource), obj, 'test');
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }

  status(resource: string, namespace: string | undefined, name: string, status: unknown): void {
    const r = this.store.mutate(T(resource), namespace, name, 'test', (d) => {
      (d as unknown as { status: unknown }).status = status;
    });
    if (!r.ok) throw new Error(r.error.message);
  }

  /** Records an event about an object, as a component would. */
  event(resource: string, namespace: string | undefined, name: string, type: 'Normal' | 'Warning', reason: string, message: string, component: string, host?: string): void {
    const obj = this.store.get(T(resource), namespace, name);
    if (!obj) throw new Error(`no ${resource} ${name}`);
    // Event names carry the time in nanoseconds; one millisecond apart keeps them distinct.
    this.advance(1);
    this.cluster!.recorder.record(obj, type, reason, message, { component, ...(host ? { host } : {}) });
  }

  /** Starts the API server on node1 and writes the kubeconfig files kubeadm writes. */
  startApiServer(): Cluster {
    const world = this.world;
    const cluster = new Cluster({ controlPlaneHost: 'node1', advertiseAddress: this.node1.ip, clock: world.clock, epochMs: world.epochMs, random: world.random.fork('cluster') });
    world.addCluster(cluster);
    this.cluster = cluster;
    this.stopListening = world.network.listen({ host: 'node1', address: '0.0.0.0', port: 6443, protocol: 'TCP', process: 'kube-apiserver', service: { kind: 'kube-apiserver', cluster } });
    const conf = adminConf(cluster, `https://${this.node1.ip}:6443`);
    this.node1.fs.mkdir('/etc/kubernetes', { parents: true });
    this.node1.fs.writeFile('/etc/kubernetes/admin.conf', conf, { mode: 0o600 });
    this.node1.fs.mkdir('/root/.kube', { parents: true });
    this.node1.fs.symlink('/etc/kubernetes/admin.conf', '/root/.kube/config');
    return cluster;
  }

  stopApiServer(): void {
    this.stopListening?.();
    this.stopListening = undefined;
  }

  /** What `kubeadm init` leaves: node1 NotReady, control plane and kube-proxy Running, coredns Pending. */
  init(): this {
    this.advance(5_000);
    this.startApiServer();
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
      this.create('namespaces', { metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    }
    // kubeadm's addons create their ServiceAccounts first: the API server admits no pod that names a missing one.
    for (const account of ['coredns', 'kube-proxy']) this.create('serviceaccounts', { metadata: { name: account, namespace: 'kube-system' } });
    this.create('services', {
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None' },
    });
    this.advance(5_000);
    const ip = this.node1.ip;
    this.create('nodes', nodeObject(this.node1, true, this.world.wallNow()));
    for (const [reason, message] of [
      ['NodeHasSufficientMemory', 'Node node1 status is now: NodeHasSufficientMemory'],
      ['NodeHasNoDiskPressure', 'Node node1 status is now: NodeHasNoDiskPressure'],
      ['NodeHasSufficientPID', 'Node node1 status is now: NodeHasSufficientPID'],
    ]) this.event('nodes', undefined, 'node1', 'Normal', reason!, message!, 'kubelet', 'node1');
    this.create('leases', { metadata: { name: 'node1', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node1', leaseDurationSeconds: 40, renewTime: rfc3339(this.world.wallNow()).replace('Z', '.000000Z') } });
    this.advance(2_000);
    const statics: [string, string, Record<string, string>][] = [
      ['etcd', 'registry.k8s.io/etcd:3.5.7-0', { cpu: '100m', memory: '100Mi' }],
      ['kube-apiserver', 'registry.k8s.io/kube-apiserver:v1.27.2', { cpu: '250m' }],
      ['kube-controller-manager', 'registry.k8s.io/kube-controller-manager:v1.27.2', { cpu: '200m' }],
      ['kube-scheduler', 'registry.k8s.io/kube-scheduler:v1.27.2', { cpu: '100m' }],
    ];
    for (const [component, image, requests] of statics) {
      const pod = this.create('pods', staticPod(component, 'node1', image, requests, [component]));
      this.runPod(pod, ip, ip, 1_000);
    }
    this.advance(8_000);
    this.create('services', {
      metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' } },
      spec: {
        type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], selector: { 'k8s-app': 'kube-dns' }, sessionAffinity: 'None',
        ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }, { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 }, { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 }],
      },
    });
    this.kubeProxy('node1');
    for (let i = 0; i < 2; i++) {
      const pod = this.create('pods', corednsPod());
      this.status('pods', 'kube-system', pod.metadata.name, {
        phase: 'Pending', qosClass: 'Burstable',
        conditions: [{
          type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: rfc3339(this.world.wallNow()), reason: 'Unschedulable',
          message: '0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
        }],
      });
      this.event('pods', 'kube-system', pod.metadata.name, 'Warning', 'FailedScheduling',
        '0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
        'default-scheduler');
    }
    return this;
  }

  private kubeProxy(node: string): void {
    const host = this.world.host(node)!;
    const pod = this.create('pods', dsPod('kube-proxy', node, [container('kube-proxy', 'registry.k8s.io/kube-proxy:v1.27.2', {
      command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
      env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
      securityContext: { privileged: true },
    })], {}, { 'k8s-app': 'kube-proxy' }));
    this.runPod(pod, host.ip, host.ip, 3_000);
  }

  /** Marks a pod Running and Ready, started `startupMs` after its creation. */
  runPod(pod: Stored<Pod>, hostIP: string, podIP: string, startupMs: number, restarts: { at: number } | undefined = undefined, startedAt?: number): void {
    const created = Date.parse(pod.metadata.creationTimestamp);
    const started = startedAt ?? created + startupMs;
    const seed = pod.metadata.uid.replace(/-/g, '').slice(0, 8);
    this.status('pods', pod.metadata.namespace, pod.metadata.name, {
      phase: 'Running', hostIP, podIP, podIPs: [{ ip: podIP }], startTime: rfc3339(created), qosClass: 'Burstable',
      conditions: podConditions({ initialized: created, ready: restarts ? restarts.at + 2_000 : started, scheduled: created }),
      ...((pod.spec?.initContainers?.length ?? 0) > 0
        ? { initContainerStatuses: pod.spec!.initContainers!.map((c) => containerStatus(c, { terminated: { reason: 'Completed', exitCode: 0, startedAt: created + 1_000, finishedAt: created + 2_000 } }, seed)) }
        : {}),
      containerStatuses: pod.spec!.containers.map((c, i) => containerStatus(c, restarts && i === 0
        ? { startedAt: restarts.at, restarts: 1, lastTerminated: { reason: 'Error', exitCode: 1, startedAt: started, finishedAt: restarts.at - 1_000 } }
        : { startedAt: started }, `${seed}${i}`)),
    });
  }

  /** What `kubeadm join` on node2 leaves: node2 NotReady and its kube-proxy. */
  join(): this {
    this.advance(40_000);
    this.create('nodes', nodeObject(this.node2, false, this.world.wallNow()));
    this.advance(5_000);
    this.kubeProxy('node2');
    return this;
  }

  /** A weave-net pod on a node, created now, waiting in its init container. */
  weavePod(node: string): Stored<Pod> {
    const { init, main } = weaveContainers();
    // Weave's manifest brings its ServiceAccount along.
    if (!this.store.get(T('serviceaccounts'), 'kube-system', 'weave-net')) this.create('serviceaccounts', { metadata: { name: 'weave-net', namespace: 'kube-system' } });
    const pod = this.create('pods', dsPod('weave-net', node, main, { initContainers: init }, { name: 'weave-net' }));
    this.status('pods', 'kube-system', pod.metadata.name, {
      phase: 'Pending', hostIP: this.world.host(node)!.ip, startTime: rfc3339(this.world.wallNow()), qosClass: 'Burstable',
      conditions: podConditions({ scheduled: this.world.wallNow() }),
      initContainerStatuses: init.map((c) => containerStatus(c, { waiting: 'PodInitializing' }, 'aa')),
      containerStatuses: main.map((c) => containerStatus(c, { waiting: 'PodInitializing' }, 'bb')),
    });
    return this.store.get(T('pods'), 'kube-system', pod.metadata.name)!;
  }

  /** Weave applied and settled: weave-net 2/2 on both nodes (node2's restarted once), nodes Ready, coredns Running. */
  weave(): this {
    this.advance(25_000);
    const weaveStart = this.world.wallNow();
    const pods = ['node1', 'node2'].map((n) => this.weavePod(n));
    this.advance(20_000);
    pods.forEach((pod, i) => {
      const host = this.world.host(pod.spec!.nodeName!)!;
      this.runPod(pod, host.ip, host.ip, 6_000, i === 1 ? { at: weaveStart + 20_000 } : undefined);
    });
    for (const host of [this.node1, this.node2]) {
      this.event('nodes', undefined, host.name, 'Normal', 'NodeReady', `Node ${host.name} status is now: NodeReady`, 'kubelet', host.name);
      this.store.mutate<KubeObject>(T('nodes'), undefined, host.name, 'test', (d) => {
        const node = d as unknown as { spec: { taints: { key: string }[] }; status: { conditions: unknown } };
        node.spec.taints = node.spec.taints.filter((t) => t.key !== 'node.kubernetes.io/not-ready');
        node.status.conditions = nodeConditions(true, this.world.wallNow(), weaveStart + 8_000);
      });
    }
    this.advance(5_000);
    let octet = 2;
    for (const pod of this.store.list<Pod>(T('pods'), { namespace: 'kube-system' }).filter((p) => p.metadata.name.startsWith('coredns-'))) {
      this.store.mutate<Pod>(T('pods'), 'kube-system', pod.metadata.name, 'test', (d) => {
        d.spec!.nodeName = 'node1';
      });
      this.runPod(this.store.get<Pod>(T('pods'), 'kube-system', pod.metadata.name)!, this.node1.ip, `10.32.0.${octet++}`, 0, undefined, this.world.wallNow() - 2_000);
      const name = pod.metadata.name;
      this.event('pods', 'kube-system', name, 'Normal', 'Scheduled', `Successfully assigned kube-system/${name} to node1`, 'default-scheduler');
      this.event('pods', 'kube-system', name, 'Normal', 'Pulled', 'Container image "registry.k8s.io/coredns/coredns:v1.10.1" already present on machine', 'kubelet', 'node1');
      this.event('pods', 'kube-system', name, 'Normal', 'Created', 'Created container coredns', 'kubelet', 'node1');
      this.event('pods', 'kube-system', name, 'Normal', 'Started', 'Started container coredns', 'kubelet', 'node1');
    }
    return this;
  }
}
