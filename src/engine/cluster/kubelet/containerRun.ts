/**
 * A pod worker's record of one container: its spec, its state as the kubelet reports it
 * (waiting / running / terminated, the last termination, readiness, restarts), and the
 * container instances that ran it (the current one and the one before, for logs).
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import type { PodContainer } from '../../pods/podContainer';
import { normalizeImageRef } from './images';
import type { ProbeHandle } from './probes';

export type Terminated = {
  readonly kind: 'terminated'; readonly exitCode: number; readonly reason: string; readonly startedAt: number; readonly finishedAt: number; readonly message?: string;
};
export type ContainerRunState =
  | { readonly kind: 'waiting'; readonly reason: string; readonly message?: string }
  | { readonly kind: 'running'; readonly startedAt: number }
  | Terminated;

export interface ContainerRun {
  readonly spec: Container;
  readonly init: boolean;
  readonly imageRef: string;
  state: ContainerRunState;
  lastTerminated: Terminated | undefined;
  ready: boolean;
  restartCount: number;
  containerId: string | undefined;
  imageId: string | undefined;
  pullFailures: number;
  crashed: boolean;
  /** Between the start of a pull/create and the container running: not to be started twice. */
  inProgress: boolean;
  /** The next container created is a restart (restartCount moves when it is created, as for real). */
  restarting: boolean;
  /** The instance that runs (or last ran): its process, its log, its files. */
  instance: PodContainer | undefined;
  /** The one before it, for `kubectl logs --previous`. */
  previous: PodContainer | undefined;
  /** The kubelet's probes of the current instance, while it runs. */
  probes: ProbeHandle | undefined;
}

export type WorkerPhase = 'network' | 'sandbox' | 'containers' | 'completed' | 'stopping' | 'stopped';

export interface PodIdentity {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly spec: PodSpec;
  readonly source: 'api' | 'file';
}

export function newContainerRun(spec: Container, init: boolean): ContainerRun {
  return {
    spec, init, imageRef: normalizeImageRef(spec.image ?? ''),
    state: { kind: 'waiting', reason: init ? 'PodInitializing' : 'ContainerCreating' },
    lastTerminated: undefined, ready: false, restartCount: 0, containerId: undefined, imageId: undefined, pullFailures: 0, crashed: false,
    inProgress: false, restarting: false, instance: undefined, previous: undefined, probes: undefined,
  };
}

/** The event's `involvedObject.fieldPath`: "spec.containers{web}". */
export function fieldPath(c: ContainerRun): string {
  return `spec.${c.init ? 'initContainers' : 'containers'}{${c.spec.name}}`;
}
