/**
 * A pod's STATUS and READY as `kubectl get pods` prints them, and the colour category the diagram
 * gives that status. The reasoning follows the server-side table printer kubectl v1.27 shows
 * (printPod): the phase, overridden by the pod's reason, then by the first unfinished init container
 * (`Init:0/1`, `Init:CrashLoopBackOff`), then by the main containers' waiting/terminated reasons
 * (`ContainerCreating`, `PodInitializing`, `CrashLoopBackOff`), and `Terminating` once deleted.
 */
import type { ContainerStatus, Pod } from '../../engine';

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

/** The node lifecycle controller marks pods on an unreachable node with this reason. */
const NODE_UNREACHABLE_REASON = 'NodeLost';

export function podDisplayStatus(pod: Pod): PodDisplayStatus {
  const status = pod.status ?? {};
  const containerCount = pod.spec?.containers.length ?? 0;
  let reason: string = status.reason ?? status.phase ?? 'Pending';
  if (status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  let restarts = 0;
  let readyCount = 0;
  const init = initReason(pod);
  if (init !== undefined) {
    reason = init.reason;
    restarts = init.restarts;
  } else {
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // kubectl walks the containers from last to first, so the first container's reason wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i] as ContainerStatus;
      restarts += c.restartCount;
      const override = containerReason(c);
      if (override !== undefined) reason = override;
      else if (c.ready && c.state?.running !== undefined) {
        hasRunning = true;
        readyCount++;
      }
    }
    // A pod whose last container completed while another still runs reads Running (or NotReady).
    if (reason === 'Completed' && hasRunning) {
      reason = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp != null) {
    reason = status.reason === NODE_UNREACHABLE_REASON ? 'Unknown' : 'Terminating';
  }

  return {
    status: reason,
    ready: `${readyCount}/${containerCount}`,
    readyCount,
    containerCount,
    restarts,
    category: categoryOf(reason, readyCount, containerCount),
  };
}

/** The status of the first init container that has not completed, if any. */
function initReason(pod: Pod): { reason: string; restarts: number } | undefined {
  const statuses = pod.status?.initContainerStatuses ?? [];
  const total = pod.spec?.initContainers?.length ?? statuses.length;
  let restarts = 0;
  for (let i = 0; i < statuses.length; i++) {
    const c = statuses[i] as ContainerStatus;
    restarts += c.restartCount;
    const terminated = c.state?.terminated;
    if (terminated !== undefined && terminated.exitCode === 0) continue;
    if (terminated !== undefined) {
      if (terminated.reason) return { reason: `Init:${terminated.reason}`, restarts };
      return { reason: terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`, restarts };
    }
    const waiting = c.state?.waiting?.reason;
    if (waiting && waiting !== 'PodInitializing') return { reason: `Init:${waiting}`, restarts };
    return { reason: `Init:${i}/${total}`, restarts };
  }
  return undefined;
}

function containerReason(c: ContainerStatus): string | undefined {
  const waiting = c.state?.waiting?.reason;
  if (waiting) return waiting;
  const terminated = c.state?.terminated;
  if (terminated === undefined) return undefined;
  if (terminated.reason) return terminated.reason;
  return terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
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
