/**
 * A pod's STATUS and READY as `kubectl get pods` prints them (the engine's podTableStatus, the same
 * computation kubectl uses), and the colour category the diagram gives that status.
 */
import { podTableStatus, type Pod } from '../../engine';

/** What a learner should read from a pod's colour (always paired with a glyph and the text). */
export type PodCategory = 'pending' | 'starting' | 'running' | 'ready' | 'terminating' | 'failed' | 'completed';

export interface PodDisplayStatus {
  /** The STATUS column: Pending, ContainerCreating, Init:0/1, PodInitializing, Running, ... */
  readonly status: string;
  /** The READY column: ready containers / containers in the spec, e.g. "1/2". */
  readonly ready: string;
  readonly readyCount: number;
  readonly containerCount: number;
  /** Sum of restarts, as the RESTARTS column counts them. */
  readonly restarts: number;
  readonly category: PodCategory;
}

export function podDisplayStatus(pod: Pod): PodDisplayStatus {
  const s = podTableStatus(pod);
  return {
    status: s.status,
    ready: `${s.readyCount}/${s.containerCount}`,
    readyCount: s.readyCount,
    containerCount: s.containerCount,
    restarts: s.restarts,
    category: categoryOf(s.status, s.readyCount, s.containerCount),
  };
}

/** Reasons that mean "on its way": the kubelet is pulling, creating or initialising. */
const STARTING = new Set(['ContainerCreating', 'PodInitializing']);
const PENDING = new Set(['Pending', 'SchedulingGated']);

export function categoryOf(status: string, readyCount: number, containerCount: number): PodCategory {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Running') return containerCount > 0 && readyCount === containerCount ? 'ready' : 'running';
  if (status === 'NotReady') return 'running';
  if (status === 'Completed' || status === 'Succeeded') return 'completed';
  if (PENDING.has(status)) return 'pending';
  if (STARTING.has(status) || /^Init:\d+\/\d+$/.test(status)) return 'starting';
  // Everything else kubectl can print is a problem: CrashLoopBackOff, Error, ErrImagePull,
  // ImagePullBackOff, OOMKilled, Init:Error, ExitCode:N, Failed, Evicted, Unknown...
  return 'failed';
}
