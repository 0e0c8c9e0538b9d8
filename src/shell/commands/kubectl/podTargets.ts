/**
 * Which pod and which container a command means, as kubectl's logs, exec and port-forward decide:
 * `POD`, `pod/POD` or `TYPE/NAME` (a deployment, replica set, daemon set, job, stateful set or
 * service: the first of its pods in podutils.ByLogging order, "Found 3 pods, using pod/..."), and
 * the container (-c, else the default-container annotation, else the first one, "Defaulted
 * container ... out of: ...").
 */
import { fromLabelSelector, fromLabels, mustResolve, resolveResourceType, resourceKey, type Pod, type Selector, type Stored } from '../../../engine';
import type { ApiConnection } from './client';

const PODS = mustResolve('pods');

export type PodPick =
  | { readonly kind: 'pod'; readonly pod: Stored<Pod>; readonly notice?: string }
  /** The object exists but has no pod yet: kubectl waits (--pod-running-timeout). */
  | { readonly kind: 'none-yet' }
  | { readonly kind: 'error'; readonly error: string };

function isReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function readySince(pod: Pod): number {
  const c = (pod.status?.conditions ?? []).find((x) => x.type === 'Ready' && x.status === 'True');
  return Date.parse(c?.lastTransitionTime ?? '') || 0;
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

const PHASE_RANK: Readonly<Record<string, number>> = { Running: 0, Unknown: 1, Pending: 2 };

/** podutils.ByLogging: assigned, running, ready (longest first), most restarted, oldest. */
export function byLogging(a: Pod, b: Pod): number {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na ? -1 : 1;
  const pa = PHASE_RANK[a.status?.phase ?? ''] ?? 3;
  const pb = PHASE_RANK[b.status?.phase ?? ''] ?? 3;
  if (pa !== pb) return pa - pb;
  if (isReady(a) !== isReady(b)) return isReady(a) ? -1 : 1;
  if (isReady(a) && readySince(a) !== readySince(b)) return readySince(a) - readySince(b);
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  return (Date.parse(a.metadata?.creationTimestamp ?? '') || 0) - (Date.parse(b.metadata?.creationTimestamp ?? '') || 0);
}

/** The selector of a workload or service, for kubectl's SelectorsForObject. */
function selectorOf(obj: Stored): Selector | undefined {
  const spec = (obj as { spec?: { selector?: unknown } }).spec;
  if (obj.kind === 'Service') {
    const sel = spec?.selector as Record<string, string> | undefined;
    return sel && Object.keys(sel).length > 0 ? fromLabels(sel) : undefined;
  }
  const sel = spec?.selector as Parameters<typeof fromLabelSelector>[0] | undefined;
  return sel ? fromLabelSelector(sel) : undefined;
}

/** Pods matching a selector in a namespace, in ByLogging order. */
export function podsBySelector(conn: ApiConnection, namespace: string | undefined, selector: Selector): Stored<Pod>[] {
  return conn.store.list<Pod>(PODS, { namespace, selector }).sort(byLogging);
}

/** Resolves `POD`, `pod/POD` or `TYPE/NAME` in a namespace. */
export function pickPod(conn: ApiConnection, namespace: string, ref: string): PodPick {
  const slash = ref.indexOf('/');
  const typeName = slash < 0 ? 'pods' : ref.slice(0, slash);
  const name = slash < 0 ? ref : ref.slice(slash + 1);
  const type = resolveResourceType(typeName);
  if (!type) return { kind: 'error', error: `error: the server doesn't have a resource type "${typeName}"` };
  const obj = conn.store.get(type, type.namespaced ? namespace : undefined, name);
  if (!obj) return { kind: 'error', error: `Error from server (NotFound): ${resourceKey(type)} "${name}" not found` };
  if (type.kind === 'Pod') return { kind: 'pod', pod: obj as Stored<Pod> };
  const selector = selectorOf(obj);
  if (!selector) return { kind: 'error', error: `error: cannot attach to ${obj.kind === 'Service' ? '*v1.Service' : `*v1.${obj.kind}`}: selector for ${obj.kind === 'Service' ? '*v1.Service' : `*v1.${obj.kind}`} not implemented` };
  const pods = podsBySelector(conn, namespace, selector);
  if (pods.length === 0) return { kind: 'none-yet' };
  return { kind: 'pod', pod: pods[0]!, ...(pods.length > 1 ? { notice: `Found ${pods.length} pods, using pod/${pods[0]!.metadata.name}\n` } : {}) };
}

/** podcmd.AllContainerNames: "weave, weave-npc, weave-init (init)". */
export function allContainerNames(pod: Pod): string {
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  for (const c of pod.spec?.initContainers ?? []) names.push(`${c.name} (init)`);
  return names.join(', ');
}

export type ContainerChoice = { readonly ok: true; readonly name: string; readonly notice?: string } | { readonly ok: false; readonly name: string };

/**
 * The container a command works on: the one asked for (which may not exist: the caller words that
 * error), else the `kubectl.kubernetes.io/default-container` annotation, else the first container
 * with a "Defaulted container" notice when there was a choice.
 */
export function chooseContainer(pod: Pod, requested: string | undefined): ContainerChoice {
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  if (requested) return all.some((c) => c.name === requested) ? { ok: true, name: requested } : { ok: false, name: requested };
  let notice = '';
  const preferred = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (preferred) {
    if (all.some((c) => c.name === preferred)) return { ok: true, name: preferred };
    notice += `Default container name "${preferred}" not found in pod ${pod.metadata?.name}\n`;
  }
  const first = pod.spec?.containers[0]?.name ?? '';
  const several = (pod.spec?.containers.length ?? 0) > 1 || (pod.spec?.initContainers?.length ?? 0) > 0;
  if (several) notice += `Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`;
  return { ok: true, name: first, ...(notice ? { notice } : {}) };
}
