/**
 * Test helpers that read a cluster the way a learner sees it with kubectl: pod rows with READY,
 * STATUS (kubectl's printPod rules: Init:0/1, PodInitializing, ContainerCreating, CrashLoopBackOff,
 * Terminating...), RESTARTS, IP and NODE; node rows with Ready/NotReady.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { mustResolve } from '../../api/resources';
import type { Stored } from '../../api/types';
import type { Cluster } from '../cluster';

export function podStatusText(pod: Pod): string {
  let reason = pod.status?.reason ?? pod.status?.phase ?? '';
  let initializing = false;
  const inits = pod.status?.initContainerStatuses ?? [];
  const initCount = pod.spec?.initContainers?.length ?? 0;
  for (let i = 0; i < inits.length; i++) {
    const s = inits[i]!;
    if (s.state?.terminated && s.state.terminated.exitCode === 0) continue;
    initializing = true;
    if (s.state?.terminated) reason = `Init:${s.state.terminated.reason ?? `ExitCode:${s.state.terminated.exitCode}`}`;
    else if (s.state?.waiting?.reason && s.state.waiting.reason !== 'PodInitializing') reason = `Init:${s.state.waiting.reason}`;
    else reason = `Init:${i}/${initCount}`;
    break;
  }
  if (!initializing) {
    let hasRunning = false;
    for (const s of [...(pod.status?.containerStatuses ?? [])].reverse()) {
      if (s.state?.waiting?.reason) reason = s.state.waiting.reason;
      else if (s.state?.terminated?.reason) reason = s.state.terminated.reason;
      else if (s.state?.terminated) reason = `ExitCode:${s.state.terminated.exitCode}`;
      else if (s.ready && s.state?.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) reason = 'Running';
  }
  if (pod.metadata?.deletionTimestamp) reason = 'Terminating';
  return reason;
}

export function podReady(pod: Pod): string {
  const statuses = pod.status?.containerStatuses ?? [];
  return `${statuses.filter((s) => s.ready).length}/${pod.spec?.containers.length ?? 0}`;
}

export function podRestarts(pod: Pod): number {
  return (pod.status?.containerStatuses ?? []).reduce((n, s) => n + s.restartCount, 0);
}

export interface PodRow {
  readonly name: string;
  readonly ready: string;
  readonly status: string;
  readonly restarts: number;
  readonly ip: string;
  readonly node: string;
}

export function podRows(cluster: Cluster, namespace?: string): PodRow[] {
  return cluster.store.list<Pod>(mustResolve('pods'), { namespace }).map((p: Stored<Pod>) => ({
    name: p.metadata.name,
    ready: podReady(p),
    status: podStatusText(p),
    restarts: podRestarts(p),
    ip: p.status?.podIP ?? '<none>',
    node: p.spec?.nodeName ?? '<none>',
  }));
}

export function podRow(cluster: Cluster, prefix: string): PodRow[] {
  return podRows(cluster).filter((r) => r.name.startsWith(prefix));
}

/** `node1 NotReady`, `node2 Ready`. */
export function nodeRows(cluster: Cluster): string[] {
  return cluster.store.list<Node>(mustResolve('nodes')).map((n) => {
    const ready = n.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
    return `${n.metadata.name} ${ready ? 'Ready' : 'NotReady'}`;
  });
}
