/**
 * A pod's STATUS, READY and RESTARTS as the API server's table printer computes them for
 * `kubectl get pods` (v1.27's printPod): the phase, overridden by the pod's reason, then by the
 * first unfinished init container (`Init:0/1`, `Init:CrashLoopBackOff`), else by the main
 * containers' waiting or terminated reasons walked from last to first (`ContainerCreating`,
 * `PodInitializing`, `CrashLoopBackOff`, `ExitCode:1`), and `Terminating` once a deletion is
 * pending. kubectl prints it; the diagram colours pods by it: one computation for both.
 */
import type { ContainerStatus, Pod } from './types';
import { parseTime } from '../util/time';

export interface PodTableStatus {
  /** The STATUS column. */
  readonly status: string;
  /** Ready containers, and containers in the spec: READY is `${readyCount}/${containerCount}`. */
  readonly readyCount: number;
  readonly containerCount: number;
  /** The RESTARTS count: init containers' while initializing, else the main containers'. */
  readonly restarts: number;
  /** Wall-clock ms of the latest container termination, for RESTARTS' "(5m ago)"; 0 if none. */
  readonly lastRestartMs: number;
}

/** The node lifecycle controller marks pods on an unreachable node with this reason. */
const NODE_LOST = 'NodeLost';

export function podTableStatus(pod: Pod): PodTableStatus {
  const status = pod.status ?? {};
  const containerCount = pod.spec?.containers?.length ?? 0;
  let reason: string = status.reason || status.phase || 'Pending';
  if (status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';
  let restarts = 0;
  let readyCount = 0;
  let lastRestartMs = 0;
  const noteTermination = (cs: ContainerStatus) => {
    const finished = parseTime(cs.lastState?.terminated?.finishedAt);
    if (finished !== undefined && finished > lastRestartMs) lastRestartMs = finished;
  };

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  const initCount = pod.spec?.initContainers?.length ?? initStatuses.length;
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i]!;
    restarts += cs.restartCount ?? 0;
    noteTermination(cs);
    const terminated = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (terminated) {
      reason = terminated.reason ? `Init:${terminated.reason}` : terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initCount}`;
    }
    initializing = true;
    break;
  }

  if (!initializing) {
    restarts = 0;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i]!;
      restarts += cs.restartCount ?? 0;
      noteTermination(cs);
      const waiting = cs.state?.waiting;
      const terminated = cs.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyCount++;
      }
    }
    // A pod whose last container completed while another still runs reads Running (or NotReady).
    if (reason === 'Completed' && hasRunning) {
      reason = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp) reason = status.reason === NODE_LOST ? 'Unknown' : 'Terminating';
  return { status: reason, readyCount, containerCount, restarts, lastRestartMs };
}
