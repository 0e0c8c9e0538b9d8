/**
 * The control plane as processes on the control-plane host: etcd, kube-apiserver,
 * kube-controller-manager and kube-scheduler run because the kubelet started their static pods.
 * When a container starts, its process listens on its ports; the API server answers (on
 * 0.0.0.0:6443) once it has warmed up and etcd runs; the scheduler's and controller manager's
 * loops run only while their containers do. Stop a static pod and the matching part stops.
 */
import type { TimerId } from '../../clock';
import type { Unsubscribe } from '../../emitter';
import type { Host } from '../../host/host';
import type { World } from '../../world';
import type { Cluster } from '../cluster';
import { PORTS } from '../constants';
import type { Kubelet } from '../kubelet/kubelet';
import type { ContainerBehaviour } from '../kubelet/lifecycle';
import type { PodWorker } from '../kubelet/podWorker';
import { bootstrapApiServerObjects } from './apiServerBootstrap';

export type ComponentName = 'etcd' | 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler';
const COMPONENTS: readonly ComponentName[] = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];

function componentOf(worker: PodWorker, container: string): ComponentName | undefined {
  const name = worker.labels.component;
  return COMPONENTS.find((c) => c === name && c === container);
}

export class ControlPlane {
  private readonly running = new Set<ComponentName>();
  private apiReady = false;
  private up = false;
  private warmup: TimerId | undefined;
  private readonly listeners = new Map<ComponentName, Unsubscribe[]>();
  private apiListener: Unsubscribe | undefined;

  constructor(
    private readonly world: World,
    private readonly cluster: Cluster,
    readonly host: Host,
  ) {}

  /** kube-apiserver answers: its container runs, has warmed up, and etcd runs. */
  get apiServerUp(): boolean {
    return this.up;
  }

  isRunning(component: ComponentName): boolean {
    return this.running.has(component);
  }

  schedulerRunning(): boolean {
    return this.up && this.running.has('kube-scheduler');
  }

  controllerManagerRunning(): boolean {
    return this.up && this.running.has('kube-controller-manager');
  }

  componentStarted(worker: PodWorker, container: string, kubelet: Kubelet): void {
    const component = componentOf(worker, container);
    if (!component || kubelet.host !== this.host) return;
    this.running.add(component);
    this.listenFor(component);
    if (component === 'kube-apiserver') {
      this.world.clock.cancel(this.warmup);
      this.warmup = this.world.clock.schedule(this.cluster.profile.apiServerWarmupMs, () => {
        this.warmup = undefined;
        this.apiReady = this.running.has('kube-apiserver');
        this.update();
      }, 'kube-apiserver warm-up');
    }
    this.update();
  }

  componentStopped(worker: PodWorker, container: string): void {
    const component = componentOf(worker, container);
    if (!component || !this.running.has(component)) return;
    this.running.delete(component);
    for (const unlisten of this.listeners.get(component) ?? []) unlisten();
    this.listeners.delete(component);
    if (component === 'kube-apiserver') {
      this.world.clock.cancel(this.warmup);
      this.warmup = undefined;
      this.apiReady = false;
    }
    this.update();
  }

  /** Everything stops (kubeadm reset, or the cluster is removed). */
  dispose(): void {
    this.world.clock.cancel(this.warmup);
    for (const list of this.listeners.values()) for (const unlisten of list) unlisten();
    this.listeners.clear();
    this.running.clear();
    this.apiReady = false;
    this.update();
  }

  private update(): void {
    const up = this.apiReady && this.running.has('kube-apiserver') && this.running.has('etcd') && this.etcdCanServe();
    if (up === this.up) return;
    this.up = up;
    if (up) {
      this.apiListener = this.world.network.listen({
        host: this.host.name, address: '0.0.0.0', port: PORTS.apiServer, protocol: 'TCP', process: 'kube-apiserver',
        service: { kind: 'kube-apiserver', cluster: this.cluster },
      });
      bootstrapApiServerObjects(this.cluster);
    } else {
      this.apiListener?.();
      this.apiListener = undefined;
    }
    this.world.touch();
  }

  /** etcd only serves when it could bind the advertise address (it crash-loops otherwise). */
  private etcdCanServe(): boolean {
    return this.world.network.hostOf(this.cluster.advertiseAddress) === this.host.name;
  }

  private listenFor(component: ComponentName): void {
    const listen = (address: string, port: number) => this.world.network.listen({
      host: this.host.name, address, port, protocol: 'TCP', process: component, service: { kind: component },
    });
    const ip = this.cluster.advertiseAddress;
    const list: Unsubscribe[] = [];
    switch (component) {
      case 'etcd':
        list.push(listen('127.0.0.1', PORTS.etcdClient), listen(ip, PORTS.etcdClient), listen(ip, PORTS.etcdPeer));
        break;
      case 'kube-apiserver':
        break;
      case 'kube-controller-manager':
        list.push(listen('127.0.0.1', PORTS.controllerManager));
        break;
      case 'kube-scheduler':
        list.push(listen('127.0.0.1', PORTS.scheduler));
        break;
    }
    this.listeners.set(component, list);
  }
}

/**
 * etcd binds the advertise address; on a host that does not own that address it exits at once
 * ("bind: cannot assign requested address") and the kubelet restarts it with back-off, so the
 * control plane never comes up and `kubeadm init` times out, as the real one does.
 */
export function controlPlaneBehaviour(kubelet: Kubelet, worker: PodWorker, container: string): ContainerBehaviour | undefined {
  if (worker.source !== 'file') return undefined;
  const component = componentOf(worker, container);
  const ip = kubelet.cluster?.advertiseAddress;
  if (!ip || kubelet.world.network.hostOf(ip) === kubelet.host.name) return undefined;
  // etcd exits at once; kube-apiserver gives up on etcd after a while and exits too.
  if (component === 'etcd') return { exitAfterMs: 800, exitCode: 1 };
  if (component === 'kube-apiserver') return { exitAfterMs: 20_000, exitCode: 1 };
  return undefined;
}
