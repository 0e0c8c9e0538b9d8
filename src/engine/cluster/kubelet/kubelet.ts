/**
 * The kubelet of one host: a Controller named `kubelet:<node>` on its cluster's controller manager.
 *
 * Two halves, as in the real one. The runtime half (pod workers, static pods read from
 * /etc/kubernetes/manifests, the CNI config check, a housekeeping tick) runs on the virtual clock
 * whether or not the API server answers, which is how it can start the API server itself. The API
 * half (register the Node, renew its Lease, post pod status, create mirror pods, finish graceful
 * deletions) runs as reconcile(key) and only while the API server is up.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { WatchEvent } from '../../api/types';
import type { Controller, ReconcileResult } from '../../controllers/manager';
import type { Host, KubeletHandle } from '../../host/host';
import type { Listener } from '../../host/network';
import type { Random } from '../../random';
import type { World } from '../../world';
import type { Cluster } from '../cluster';
import { PORTS } from '../constants';
import { weaveContainerStarted, weaveContainerStopped, weaveNetworkState } from '../addons/weaveAgent';
import { controlPlaneBehaviour } from '../controlPlane/components';
import { imagesOf, type ImageStore } from './images';
import { PROFILES, type ContainerBehaviour, type LifecycleProfile } from './lifecycle';
import { PodWorker } from './podWorker';
import type { AllocateResult, NetworkState, RuntimeEnv } from './runtimeEnv';
import { allocatePodIp } from './ipam';
import { ManifestWatch, readStaticPods, type StaticPod } from './staticPods';
import { reconcileLease, reconcileNode, reconcilePod, recordPodEvent } from './kubeletApi';
import { rfc3339Micro } from '../../util/time';
import { mustResolve } from '../../api/resources';
import { createPodContainer } from '../../pods/runtime';
import { startProbes } from './probes';

const PODS = mustResolve('pods');

export interface KubeletInit {
  readonly world: World;
  readonly host: Host;
  readonly cluster: Cluster;
  readonly nodeName?: string;
}

export class Kubelet implements Controller, KubeletHandle {
  readonly name: string;
  readonly nodeName: string;
  readonly host: Host;
  readonly world: World;
  readonly apiServer: string;
  readonly images: ImageStore;
  running = true;
  cluster: Cluster | undefined;
  /** Pod workers by `namespace/name`. */
  readonly workers = new Map<string, PodWorker>();
  /** Static pods by their mirror pod's `namespace/name`. */
  readonly staticPods = new Map<string, StaticPod>();
  /** The Ready status last computed by the node status loop (it posts it on its own cadence). */
  reportedNetworkReady = false;
  lastHeartbeatAt = -Infinity;
  lastLeaseAt = -Infinity;
  registered = false;
  /** Set by the weave agent once weave's daemon on this host answers (127.0.0.1:6784). */
  weaveUp = false;
  private readonly random: Random;
  private readonly env: RuntimeEnv;
  private tickTimer: number | undefined;
  private readonly manifests = new ManifestWatch();
  private network: NetworkState = { kind: 'not-ready' };
  private lastStatusAt = -Infinity;
  private unlisten: (() => void) | undefined;

  constructor(init: KubeletInit) {
    this.host = init.host;
    this.world = init.world;
    this.cluster = init.cluster;
    this.nodeName = init.nodeName ?? init.host.name;
    this.name = `kubelet:${this.nodeName}`;
    this.apiServer = init.cluster.endpoint;
    this.images = imagesOf(init.host);
    this.random = init.world.random.fork(`kubelet/${this.nodeName}/${init.cluster.ca.hash}`);
    this.env = this.makeEnv();
  }

  get profile(): LifecycleProfile {
    return this.cluster?.profile ?? PROFILES.realistic;
  }

  /** Starts the service: listens on 10250, reads static pods, joins its cluster's controllers. */
  start(): void {
    const listener: Listener = { host: this.host.name, address: '0.0.0.0', port: PORTS.kubelet, protocol: 'TCP', process: 'kubelet', service: { kind: 'kubelet' } };
    this.unlisten = this.world.network.listen(listener);
    this.network = this.computeNetwork();
    this.reportedNetworkReady = this.network.kind !== 'not-ready';
    if (this.cluster) {
      this.cluster.kubelets.set(this.nodeName, this);
      this.cluster.controllers.add(this);
    }
    this.host.kubelet = this;
    this.tick();
  }

  /** `systemctl stop kubelet` followed by kubeadm reset's container removal. */
  stop(): void {
    this.running = false;
    this.world.clock.cancel(this.tickTimer);
    this.tickTimer = undefined;
    for (const worker of this.workers.values()) {
      worker.dispose();
      this.containerStoppedAll(worker);
    }
    this.workers.clear();
    this.staticPods.clear();
    this.weaveUp = false;
    this.unlisten?.();
    this.unlisten = undefined;
    this.detach();
    if (this.host.kubelet === this) this.host.kubelet = undefined;
    this.world.touch();
  }

  /** Its cluster went away (the control plane was reset): keep the process, drop the pods. */
  orphan(): void {
    for (const worker of this.workers.values()) {
      worker.dispose();
      this.containerStoppedAll(worker);
    }
    this.workers.clear();
    this.detach();
  }

  /** Looks at manifests and the network again now instead of at the next tick (kubeadm just wrote files). */
  poke(): void {
    this.housekeeping();
  }

  /** The store write actor and the controller's name. */
  keysFor(event: WatchEvent): readonly string[] {
    if (event.resource === 'pods') {
      const bound = (p: Pod | undefined) => p?.spec?.nodeName === this.nodeName;
      if (bound(event.object as Pod) || bound(event.previous as Pod | undefined)) {
        return [`pod/${event.object.metadata.namespace ?? 'default'}/${event.object.metadata.name}`];
      }
      return [];
    }
    if (event.resource === 'nodes' && event.object.metadata.name === this.nodeName) {
      return event.type === 'ADDED' ? ['node', ...this.staticKeys()] : ['node'];
    }
    return [];
  }

  resync(): readonly string[] {
    const store = this.cluster?.store;
    if (!store) return [];
    const keys = new Set<string>(['node', 'lease', ...this.staticKeys()]);
    for (const key of this.workers.keys()) keys.add(`pod/${key}`);
    for (const pod of store.list<Pod>(PODS)) {
      if (pod.spec?.nodeName === this.nodeName) keys.add(`pod/${pod.metadata.namespace}/${pod.metadata.name}`);
    }
    return [...keys];
  }

  enabled(): boolean {
    return this.running && this.cluster !== undefined && this.cluster.apiServerUp;
  }

  reconcile(key: string): ReconcileResult | void {
    if (!this.cluster) return;
    if (key === 'node') return reconcileNode(this, this.cluster);
    if (key === 'lease') return reconcileLease(this, this.cluster);
    if (key.startsWith('pod/')) return reconcilePod(this, this.cluster, key.slice(4));
  }

  /** The env a pod worker runs in: this kubelet's view of time, images and network. */
  workerEnv(): RuntimeEnv {
    return this.env;
  }

  /** Creates and starts a worker for a pod (from the API or a manifest). */
  startWorker(worker: PodWorker): void {
    this.workers.set(worker.key, worker);
    worker.start();
  }

  enqueue(key: string): void {
    this.cluster?.controllers.enqueue(this.name, key);
  }

  leaseRenewTime(): string {
    return rfc3339Micro(this.world.wallNow());
  }

  networkState(): NetworkState {
    return this.network;
  }

  private staticKeys(): string[] {
    return [...this.staticPods.keys()].map((k) => `pod/${k}`);
  }

  private detach(): void {
    if (this.cluster) {
      this.cluster.controllers.remove(this.name);
      if (this.cluster.kubelets.get(this.nodeName) === this) this.cluster.kubelets.delete(this.nodeName);
    }
    this.cluster = undefined;
  }

  private tick(): void {
    if (!this.running) return;
    this.housekeeping();
    this.tickTimer = this.world.clock.schedule(this.profile.housekeepingMs, () => this.tick(), `${this.name} housekeeping`);
  }

  private housekeeping(): void {
    if (!this.running) return;
    if (this.manifests.changed(this.host.fs)) {
      this.syncStaticPods();
    }
    const network = this.computeNetwork();
    if (network.kind !== this.network.kind) {
      this.network = network;
      for (const worker of [...this.workers.values()]) worker.retryNetwork();
    }
    const now = this.world.now();
    if (now - this.lastStatusAt >= this.profile.nodeStatusMs) {
      this.lastStatusAt = now;
      this.reportedNetworkReady = this.network.kind !== 'not-ready';
      this.enqueue('node');
    }
    if (now - this.lastLeaseAt >= this.profile.leaseMs) this.enqueue('lease');
  }

  private computeNetwork(): NetworkState {
    return weaveNetworkState(this);
  }

  /** Starts pods for new or changed manifests and stops those whose file went away. */
  private syncStaticPods(): void {
    if (!this.cluster) return;
    const seen = rfc3339Nano(this.world.wallNow(), this.random);
    const current = new Map(readStaticPods(this.host.fs, this.nodeName, seen).map((sp) => [
      `${sp.pod.metadata!.namespace}/${sp.pod.metadata!.name}`, sp,
    ]));
    for (const [key, old] of [...this.staticPods]) {
      const now = current.get(key);
      if (now && now.hash === old.hash) continue;
      this.staticPods.delete(key);
      const worker = this.workers.get(key);
      const grace = (old.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
      if (worker) {
        worker.stop(grace, () => {
          if (this.workers.get(key) === worker) this.workers.delete(key);
          this.syncStaticPods();
          this.enqueue(`pod/${key}`);
        });
      }
      this.enqueue(`pod/${key}`);
    }
    for (const [key, sp] of current) {
      if (this.staticPods.has(key) || this.workers.has(key)) continue;
      this.staticPods.set(key, sp);
      const meta = sp.pod.metadata!;
      this.startWorker(new PodWorker(this.env, {
        namespace: meta.namespace!, name: meta.name!, uid: sp.hash, labels: meta.labels ?? {}, spec: sp.pod.spec!, source: 'file',
      }));
      this.enqueue(`pod/${key}`);
    }
  }

  private containerStoppedAll(worker: PodWorker): void {
    for (const c of worker.containers) this.env.containerStopped(worker, c.spec.name);
  }

  private makeEnv(): RuntimeEnv {
    const profile = () => this.profile;
    return {
      nodeName: this.nodeName,
      hostIp: this.host.ip,
      get profile() {
        return profile();
      },
      images: this.images,
      now: () => this.world.now(),
      wallNow: () => this.world.wallNow(),
      schedule: (ms, fn, label) => this.world.clock.schedule(ms, fn, `${this.name} ${label}`),
      cancel: (id) => this.world.clock.cancel(id),
      random: (label) => this.random.fork(label),
      network: () => this.network,
      allocateIp: (worker): AllocateResult => allocatePodIp(this, worker),
      releaseIp: (ip) => this.world.network.removeAddress(this.host.name, ip),
      event: (worker, type, reason, message, fieldPath) => recordPodEvent(this, worker, type, reason, message, fieldPath),
      changed: (worker) => {
        this.enqueue(`pod/${worker.key}`);
        this.world.touch();
      },
      containerStarted: (worker, container) => {
        if (worker.source === 'file') this.cluster?.controlPlane?.componentStarted(worker, container, this);
        weaveContainerStarted(this, worker, container);
      },
      containerStopped: (worker, container) => {
        if (worker.source === 'file') this.cluster?.controlPlane?.componentStopped(worker, container);
        weaveContainerStopped(this, worker, container);
      },
      createInstance: (worker, container, id) => createPodContainer({
        world: this.world, cluster: this.cluster, nodeName: this.nodeName, hostName: this.host.name, hostIp: this.host.ip,
      }, worker, container, id),
      probes: (worker, container, callbacks) => {
        const instance = container.instance;
        if (!instance) return undefined;
        return startProbes({
          world: this.world, node: this.host.name, podIp: instance.ip, container: container.spec, instance, firstProbeMs: this.profile.readyMs,
          sourceIp: worker.hostNetwork ? this.host.ip : this.cluster?.podNetwork.sliceOf(this.nodeName)?.bridge ?? this.host.ip,
          schedule: (ms, fn, label) => this.world.clock.schedule(ms, fn, `${this.name} ${label} ${worker.key}`),
          cancel: (id) => this.world.clock.cancel(id),
          event: (type, reason, message) => recordPodEvent(this, worker, type, reason, message, `spec.containers{${container.spec.name}}`),
        }, callbacks);
      },
      behaviour: (worker, container): ContainerBehaviour | undefined => controlPlaneBehaviour(this, worker, container),
    };
  }
}

/** RFC 3339 with nanoseconds, as the kubelet stamps kubernetes.io/config.seen. */
function rfc3339Nano(wallMs: number, random: Random): string {
  const iso = new Date(wallMs).toISOString();
  return `${iso.slice(0, 19)}.${String(wallMs % 1000).padStart(3, '0')}${String(random.int(1_000_000)).padStart(6, '0')}Z`;
}

