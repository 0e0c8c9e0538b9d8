/**
 * Pod facts every workload controller needs, with the rules of k8s.io/kubernetes/pkg/api/v1/pod:
 * a pod is ready when its Ready condition is True, available once it has been ready for
 * minReadySeconds, active while it is neither finished nor being deleted.
 */
import type { OwnerReference, Pod, Stored, WatchEvent } from '../api/types';
import { controllerOf } from '../api/types';
import { nsKey } from './keys';
import { parseTime } from '../util/time';
import { deepEqual } from '../util/json';

/**
 * Readiness read once per stored version of a pod: stored objects never change, so the answer is
 * kept beside the object (a ReplicaSet of 1,000 pods asks on every sync).
 */
const readiness = new WeakMap<object, { readonly ready: boolean; readonly since: number | undefined }>();

function readinessOf(pod: Pod): { readonly ready: boolean; readonly since: number | undefined } {
  let r = readiness.get(pod);
  if (!r) {
    const c = readyCondition(pod);
    const ready = c?.status === 'True';
    r = { ready, since: ready ? parseTime(c?.lastTransitionTime) : undefined };
    if (Object.isFrozen(pod)) readiness.set(pod, r);
  }
  return r;
}

export function isPodReady(pod: Pod): boolean {
  return readinessOf(pod).ready;
}

/** Wall-clock ms since which the pod has been ready, if it is. */
export function readySince(pod: Pod): number | undefined {
  return readinessOf(pod).since;
}

/** Ready for more than minReadySeconds (strictly after, as the real check uses Before). */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = readySince(pod);
  return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}

/** Virtual ms until a ready pod becomes available, or undefined when that is not pending. */
export function msUntilAvailable(pod: Pod, minReadySeconds: number, nowMs: number): number | undefined {
  if (minReadySeconds <= 0 || !isPodReady(pod) || isPodAvailable(pod, minReadySeconds, nowMs)) return undefined;
  const since = readySince(pod);
  if (since === undefined) return undefined;
  return Math.max(1, since + minReadySeconds * 1000 - nowMs + 1);
}

/** Neither Succeeded nor Failed, and not being deleted (controller.IsPodActive). */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function restartCount(pod: Pod): number {
  return (pod.status?.containerStatuses ?? []).reduce((sum, c) => sum + (c.restartCount ?? 0), 0);
}

function readyCondition(pod: Pod) {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** The controller reference a workload puts on what it creates (metav1.NewControllerRef). */
export function controllerRefTo(owner: Stored): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
}

const created = new WeakMap<object, number>();

/** Creation time in wall-clock ms (0 when missing, so such objects sort first, as upstream). */
export function createdMs(obj: { readonly metadata?: { readonly creationTimestamp?: string } }): number {
  let ms = created.get(obj);
  if (ms === undefined) {
    ms = parseTime(obj.metadata?.creationTimestamp) ?? 0;
    if (Object.isFrozen(obj)) created.set(obj, ms);
  }
  return ms;
}

/** Oldest first, then by name: the order ReplicaSetsByCreationTimestamp and friends use. */
export function byCreation(a: Stored, b: Stored): number {
  const d = createdMs(a) - createdMs(b);
  if (d !== 0) return d;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

export interface ConditionChange {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  readonly reason?: string;
  readonly message?: string;
}

/**
 * podutil.UpdatePodCondition: replaces the condition of that type, keeping lastTransitionTime when
 * the status did not change. lastProbeTime stays null, as the scheduler writes it.
 */
export function setPodCondition(status: { conditions?: unknown[] }, change: ConditionChange, now: string): void {
  const list = (status.conditions ?? []) as Record<string, unknown>[];
  const i = list.findIndex((c) => c['type'] === change.type);
  const old = i >= 0 ? list[i] : undefined;
  const next: Record<string, unknown> = {
    type: change.type,
    status: change.status,
    lastProbeTime: null,
    lastTransitionTime: old && old['status'] === change.status ? old['lastTransitionTime'] : now,
    ...(change.reason !== undefined ? { reason: change.reason } : {}),
    ...(change.message !== undefined ? { message: change.message } : {}),
  };
  if (i >= 0) list[i] = next;
  else list.push(next);
  status.conditions = list;
}

/**
 * Whether a pod's change can matter to the workload that owns it: readiness, phase, deletion,
 * labels, owners or node. A kubelet writing an IP or a container's start time does not.
 */
export function podChangeMattersToOwner(pod: Pod, previous: Pod | undefined): boolean {
  if (!previous) return true;
  return isPodReady(pod) !== isPodReady(previous)
    || readySince(pod) !== readySince(previous)
    || pod.status?.phase !== previous.status?.phase
    || pod.metadata?.deletionTimestamp !== previous.metadata?.deletionTimestamp
    || pod.spec?.nodeName !== previous.spec?.nodeName
    || restartCount(pod) !== restartCount(previous)
    || !deepEqual(pod.metadata?.labels, previous.metadata?.labels)
    || !deepEqual(pod.metadata?.ownerReferences, previous.metadata?.ownerReferences);
}

/**
 * The keys of the `kind` workloads (ReplicaSet, DaemonSet, Job) a pod event concerns: the
 * controller owner of the pod as it is and as it was (a pod can be released or adopted). Callers
 * first ask podChangeMattersToOwner whether the change is worth a look at all.
 */
export function ownerKeysOfPodEvent(event: WatchEvent, kind: string): Set<string> {
  const keys = new Set<string>();
  for (const obj of [event.object, event.previous]) {
    const ref = obj ? controllerOf(obj) : undefined;
    if (obj && ref?.kind === kind) keys.add(nsKey(obj.metadata.namespace, ref.name));
  }
  return keys;
}
