/**
 * What ReplicaSets and DaemonSets do with pods alike: claim them (ControllerRefManager: adopt
 * matching orphans, release owned pods whose labels no longer match), create them from the
 * template with a controller reference, and pick which to delete first when scaling down.
 */
import type { ApiResult } from '../api/errors';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject, LabelSelector, OwnerReference, Pod, Stored } from '../api/types';
import type { ResourceType } from '../api/resources';
import { fromLabelSelector, matchesSelector, type Selector } from '../api/selectors';
import { R, type ControllerContext } from './context';
import { controllerRefTo, createdMs, isPodReady, readySince, restartCount } from './podUtil';

/** The pods a controller owns after adopting matching orphans and releasing what no longer matches. */
export function claimPods(ctx: ControllerContext, owner: Stored, selector: LabelSelector | undefined, actor: string): Stored<Pod>[] {
  return claimObjects<Pod>(ctx, R.pods, owner, selector, actor);
}

/**
 * ControllerRefManager: the objects of a type a controller owns after adopting orphans that match
 * its selector and releasing owned ones that do not. An empty selector adopts nothing (apps/v1
 * never allows one); an owner being deleted neither adopts nor releases.
 */
export function claimObjects<T extends KubeObject>(
  ctx: ControllerContext, type: ResourceType, owner: Stored, selector: LabelSelector | undefined, actor: string,
): Stored<T>[] {
  const sel = fromLabelSelector(selector);
  const matches = selectorPredicate(sel);
  const deleting = owner.metadata.deletionTimestamp !== undefined;
  const claimed: Stored<T>[] = [];
  for (const obj of ctx.index.controlled<T>(type, owner.metadata.uid)) {
    if (matches(obj.metadata.labels)) {
      claimed.push(obj);
    } else if (!deleting) {
      const released = setOwnerRefs(ctx, type, obj, actor, (refs) => refs.filter((r) => r.uid !== owner.metadata.uid));
      if (!released.ok) claimed.push(obj);
    }
  }
  if (deleting || sel.length === 0) return claimed;
  return [...claimed, ...adoptOrphans<T>(ctx, type, owner, matches, actor)];
}

/** The adoption half of claiming: orphans of the owner's namespace that its selector matches. */
export function adoptOrphans<T extends KubeObject>(
  ctx: ControllerContext, type: ResourceType, owner: Stored, matches: (labels: Readonly<Record<string, string>> | undefined) => boolean, actor: string,
): Stored<T>[] {
  const adopted: Stored<T>[] = [];
  if (owner.metadata.deletionTimestamp) return adopted;
  for (const obj of ctx.index.orphansIn<T>(type, owner.metadata.namespace ?? 'default')) {
    if (obj.metadata.deletionTimestamp || !matches(obj.metadata.labels)) continue;
    const result = setOwnerRefs(ctx, type, obj, actor, (refs) => [...refs, controllerRefTo(owner)]);
    if (result.ok) adopted.push(result.value);
  }
  return adopted;
}

/**
 * A selector as a plain predicate. The usual matchLabels-only selector becomes a few string
 * comparisons: a ReplicaSet re-checks every pod it owns on each sync.
 */
export function selectorPredicate(sel: Selector): (labels: Readonly<Record<string, string>> | undefined) => boolean {
  if (sel.length === 0) return () => false;
  const simple = sel.every((r) => r.op === 'In' && r.values.length === 1);
  if (!simple) return (labels) => matchesSelector(sel, labels);
  const keys = sel.map((r) => r.key);
  const values = sel.map((r) => (r.op === 'In' ? r.values[0]! : ''));
  return (labels) => {
    if (!labels) return false;
    for (let i = 0; i < keys.length; i++) if (labels[keys[i]!] !== values[i]) return false;
    return true;
  };
}

function setOwnerRefs<T extends KubeObject>(
  ctx: ControllerContext, type: ResourceType, obj: Stored<T>, actor: string, change: (refs: readonly OwnerReference[]) => OwnerReference[],
): ApiResult<Stored<T>> {
  return ctx.store.mutate<T>(type, obj.metadata.namespace, obj.metadata.name, actor, (draft) => {
    const refs = change(draft.metadata.ownerReferences ?? []);
    if (refs.length > 0) draft.metadata.ownerReferences = refs;
    else delete draft.metadata.ownerReferences;
  });
}

/** controller.GetPodFromTemplate: the template's labels, annotations and spec, owned by the controller. */
export function podFromTemplate(template: PodTemplateSpec | undefined, owner: Stored, extraLabels: Readonly<Record<string, string>> = {}): Pod {
  const meta = template?.metadata;
  return {
    metadata: {
      generateName: `${owner.metadata.name}-`,
      namespace: owner.metadata.namespace ?? 'default',
      labels: { ...meta?.labels, ...extraLabels },
      ...(meta?.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta?.finalizers ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [controllerRefTo(owner)],
    },
    spec: template?.spec ?? { containers: [] },
  };
}

const PHASE_RANK: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * Pods in the order a ReplicaSet deletes them (ActivePodsWithRanks): unscheduled first, then
 * pending before running, not ready before ready, pods doubled up on a node with related pods
 * first, then the most recently ready, the most restarted, the newest. Names break the last ties.
 */
export function deletionOrder(pods: readonly Stored<Pod>[], coLocated: (pod: Stored<Pod>) => number, count = pods.length): Stored<Pod>[] {
  // Sort keys worked out once per pod, not once per comparison.
  const ranked = pods.map((pod) => {
    const ready = isPodReady(pod) ? 1 : 0;
    return {
      pod,
      assigned: pod.spec?.nodeName ? 1 : 0,
      phase: PHASE_RANK[pod.status?.phase ?? 'Pending'] ?? 0,
      ready,
      rank: coLocated(pod),
      readyAt: ready ? readySince(pod) ?? 0 : 0,
      restarts: restartCount(pod),
      created: createdMs(pod),
      name: pod.metadata.name,
    };
  });
  type Ranked = (typeof ranked)[number];
  const before = (a: Ranked, b: Ranked) => a.assigned - b.assigned || a.phase - b.phase || a.ready - b.ready || b.rank - a.rank
    || b.readyAt - a.readyAt || b.restarts - a.restarts || b.created - a.created || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0);
  if (count >= 16) return ranked.sort(before).slice(0, count).map((r) => r.pod);
  // A rolling update takes one or two pods at a time: pick them without sorting a thousand.
  const picked: Stored<Pod>[] = [];
  const left = [...ranked];
  for (let k = 0; k < count && left.length > 0; k++) {
    let best = 0;
    for (let i = 1; i < left.length; i++) if (before(left[i]!, left[best]!) < 0) best = i;
    picked.push(left[best]!.pod);
    left.splice(best, 1);
  }
  return picked;
}
