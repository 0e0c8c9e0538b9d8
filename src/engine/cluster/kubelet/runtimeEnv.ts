/**
 * What a pod worker needs from the kubelet that runs it: time, images, the node's network, and
 * somewhere to report events and changes. An interface, so the worker stays a plain state machine
 * that tests can drive without a cluster.
 */
import type { TimerId } from '../../clock';
import type { ProcessSignal } from '../../containers/process';
import type { PodContainer } from '../../pods/podContainer';
import type { Random } from '../../random';
import type { ImageStore } from './images';
import type { ContainerBehaviour, LifecycleProfile } from './lifecycle';
import type { ContainerRun, PodWorker } from './podWorker';
import type { ProbeCallbacks, ProbeHandle } from './probes';

export type NetworkState =
  /** No CNI config in /etc/cni/net.d: containerd reports NetworkReady=false. */
  | { readonly kind: 'not-ready' }
  /** A config exists but its plugin cannot hand out addresses yet (weave's daemon is not up). */
  | { readonly kind: 'plugin-down'; readonly plugin: string }
  | { readonly kind: 'ready' };

/** What the kubelet needs of a container instance (containerd's container and its task). */
export interface ContainerInstance {
  readonly id: string;
  /** Why the runtime cannot start it (runc: the executable is missing), or undefined. */
  readonly startError: string | undefined;
  /** Runs a program the simulation models (so probes apply, and its exits are its own). */
  readonly modelled: boolean;
  readonly running: boolean;
  /** Starts the process; `exited` is called once when it ends (by itself or by a signal). */
  start(exited: (code: number) => void): void;
  signal(sig: ProcessSignal): void;
  /** Releases everything it holds and closes its log, without reporting an exit. */
  end(): void;
}

export type CreateResult =
  | { readonly ok: true; readonly instance: PodContainer }
  /** The kubelet could not build the container's config (a missing ConfigMap, Secret or key). */
  | { readonly ok: false; readonly reason: 'CreateContainerConfigError'; readonly message: string };

export type AllocateResult = { readonly ok: true; readonly ip: string } | { readonly ok: false; readonly message: string };

export interface RuntimeEnv {
  readonly nodeName: string;
  readonly hostIp: string;
  readonly profile: LifecycleProfile;
  readonly images: ImageStore;
  now(): number;
  wallNow(): number;
  schedule(ms: number, fn: () => void, label: string): TimerId;
  cancel(id: TimerId): void;
  /** A stream of randomness for one purpose of one pod. */
  random(label: string): Random;
  network(): NetworkState;
  allocateIp(worker: PodWorker): AllocateResult;
  releaseIp(ip: string): void;
  /** Records an event about the worker's pod (dropped while the API server is unreachable). */
  event(worker: PodWorker, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void;
  /** The worker's status changed: sync it to the API. */
  changed(worker: PodWorker): void;
  containerStarted(worker: PodWorker, container: string): void;
  containerStopped(worker: PodWorker, container: string): void;
  /** Creates the container instance that will run (absent: containers run no process, as in early tests). */
  createInstance?(worker: PodWorker, container: ContainerRun, id: string): CreateResult;
  /** Starts the kubelet's probes of a running container (undefined: it has none). */
  probes?(worker: PodWorker, container: ContainerRun, callbacks: ProbeCallbacks): ProbeHandle | undefined;
  /** Overrides the image's usual behaviour (an etcd that cannot bind its address crashes). */
  behaviour?(worker: PodWorker, container: string): ContainerBehaviour | undefined;
}
