/**
 * The pod status a kubelet posts, computed from its worker: phase by the kubelet's getPhase rules,
 * the Initialized / Ready / ContainersReady conditions (PodScheduled is the scheduler's), IPs,
 * start time and one status per container. kubectl derives what learners see (Init:0/1,
 * ContainerCreating, PodInitializing, Running, CrashLoopBackOff, "1 (40s ago)") from these fields.
 */
import type { ContainerState, ContainerStatus, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../../util/time';
import type { ContainerRun, ContainerRunState, PodWorker } from './podWorker';

export function podStatusOf(worker: PodWorker, previous: PodStatus | undefined, hostIp: string, wallNow: number): PodStatus {
  const inits = worker.containers.filter((c) => c.init);
  const mains = worker.containers.filter((c) => !c.init);
  const pendingInit = inits.filter((c) => !(c.state.kind === 'terminated' && c.state.exitCode === 0));
  const initialized = pendingInit.length === 0;
  const unready = mains.filter((c) => !c.ready);
  const now = rfc3339(wallNow);
  const condition = (type: string, ok: boolean, reason: string, message: string): PodCondition => {
    const status = ok ? 'True' : 'False';
    const before = previous?.conditions?.find((c) => c.type === type);
    return {
      type,
      status,
      lastProbeTime: null as unknown as string,
      lastTransitionTime: before && before.status === status ? before.lastTransitionTime! : now,
      ...(ok ? {} : { reason, message }),
    };
  };
  const names = (list: readonly ContainerRun[]) => `[${list.map((c) => c.spec.name).join(' ')}]`;
  const scheduled = previous?.conditions?.find((c) => c.type === 'PodScheduled')
    ?? { type: 'PodScheduled', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: worker.startTime !== undefined ? rfc3339(worker.startTime) : now };
  const conditions: PodCondition[] = [
    condition('Initialized', initialized, 'ContainersNotInitialized', `containers with incomplete status: ${names(pendingInit)}`),
    condition('Ready', unready.length === 0, 'ContainersNotReady', `containers with unready status: ${names(unready)}`),
    condition('ContainersReady', unready.length === 0, 'ContainersNotReady', `containers with unready status: ${names(unready)}`),
    scheduled,
  ];
  const status: PodStatus = {
    phase: phaseOf(worker, pendingInit.length),
    conditions,
    hostIP: hostIp,
    ...(worker.podIp ? { podIP: worker.podIp, podIPs: [{ ip: worker.podIp }] } : {}),
    ...(worker.startTime !== undefined ? { startTime: rfc3339(worker.startTime) } : {}),
    ...(inits.length > 0 ? { initContainerStatuses: inits.map(containerStatus) } : {}),
    containerStatuses: mains.map(containerStatus),
    ...(previous?.qosClass ? { qosClass: previous.qosClass } : {}),
  };
  return status;
}

/** kubelet's getPhase: waiting containers keep a pod Pending; a running one makes it Running. */
function phaseOf(worker: PodWorker, pendingInit: number): string {
  const restartPolicy = worker.spec.restartPolicy ?? 'Always';
  let running = 0, waiting = 0, stopped = 0, succeeded = 0;
  for (const c of worker.containers) {
    if (c.init) continue;
    if (c.state.kind === 'running') running++;
    else if (c.state.kind === 'terminated') {
      stopped++;
      if (c.state.exitCode === 0) succeeded++;
    } else if (c.lastTerminated) stopped++;
    else waiting++;
  }
  if (pendingInit > 0 || waiting > 0) {
    const failedInit = worker.containers.some((c) => c.init && c.state.kind === 'terminated' && c.state.exitCode !== 0);
    return failedInit && restartPolicy === 'Never' ? 'Failed' : 'Pending';
  }
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (restartPolicy === 'Always' && worker.phase !== 'stopped') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never' || worker.phase === 'stopped') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

function containerStatus(c: ContainerRun): ContainerStatus {
  return {
    name: c.spec.name,
    state: stateOf(c.state, c.instance ? `containerd://${c.instance.id}` : c.containerId),
    lastState: c.lastTerminated ? stateOf(c.lastTerminated, previousId(c)) : {},
    ready: c.ready,
    restartCount: c.restartCount,
    image: c.imageRef,
    imageID: c.imageId ?? '',
    ...(c.containerId ? { containerID: c.containerId } : {}),
    started: c.state.kind === 'running',
  };
}

/** The container id of the instance `lastState` describes: the one before the current, unless none was created since. */
function previousId(c: ContainerRun): string | undefined {
  const last = c.state.kind === 'waiting' ? c.instance : c.previous;
  return last ? `containerd://${last.id}` : undefined;
}

function stateOf(state: ContainerRunState, containerId?: string): ContainerState {
  switch (state.kind) {
    case 'waiting':
      return { waiting: { reason: state.reason, ...(state.message ? { message: state.message } : {}) } };
    case 'running':
      return { running: { startedAt: rfc3339(state.startedAt) } };
    case 'terminated':
      return {
        terminated: {
          exitCode: state.exitCode, reason: state.reason, ...(state.message !== undefined ? { message: state.message } : {}),
          startedAt: rfc3339(state.startedAt), finishedAt: rfc3339(state.finishedAt), ...(containerId ? { containerID: containerId } : {}),
        },
      };
  }
}
