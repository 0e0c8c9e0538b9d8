/**
 * The READY, STATUS and RESTARTS cells of `kubectl get pods`, computed as printPod does in
 * v1.27: init containers first (Init:0/1, Init:CrashLoopBackOff, PodInitializing once they are
 * done), then the main containers from last to first (ContainerCreating, CrashLoopBackOff,
 * Completed, Error...), Terminating when a deletion is pending; RESTARTS "N (Xm ago)" from the
 * latest container termination.
 */
import type { ContainerStatus, Pod } from '../../../../engine';
import { humanDuration } from '../../../format/duration';

export interface PodSummary {
  readonly ready: string;
  readonly status: string;
  readonly restarts: string;
}

export function podSummary(pod: Pod, nowMs: number): PodSummary {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const totalContainers = spec?.containers?.length ?? 0;
  let readyContainers = 0;
  let restarts = 0;
  let lastRestart = 0;
  let reason = status.reason || status.phase || '';
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const noteTermination = (cs: ContainerStatus) => {
    const finished = cs.lastState?.terminated?.finishedAt;
    const t = finished ? Date.parse(finished) : NaN;
    if (!Number.isNaN(t) && t > lastRestart) lastRestart = t;
  };

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  const initCount = spec?.initContainers?.length ?? 0;
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i]!;
    restarts += cs.restartCount ?? 0;
    noteTermination(cs);
    const terminated = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
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
      if (waiting && waiting.reason) reason = waiting.reason;
      else if (terminated && terminated.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = ready ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp) reason = 'Terminating';

  const restartText = lastRestart > 0 ? `${restarts} (${humanDuration(nowMs - lastRestart)} ago)` : String(restarts);
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartText };
}
