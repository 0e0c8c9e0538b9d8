/**
 * Running counts of each controller's pods, kept by the informer index as pods come and go, so a
 * ReplicaSet's status costs a lookup instead of a pass over its thousand pods: how many are
 * active (neither finished nor being deleted), how many of those are ready, and which label sets
 * they carry (fullyLabeledReplicas, and whether a pod stopped matching its owner's selector).
 */
import type { Pod } from '../api/types';
import { isPodActive, isPodReady } from './podUtil';

export interface LabelSetTally {
  readonly labels: Readonly<Record<string, string>>;
  /** Pods with exactly these labels, active or not. */
  total: number;
  /** Of those, the active ones. */
  active: number;
}

export interface PodTally {
  /** Every pod the controller owns, finished and terminating ones included. */
  total: number;
  active: number;
  readyActive: number;
  /** Label sets by their canonical text. */
  readonly labelSets: Map<string, LabelSetTally>;
}

const EMPTY: Readonly<Record<string, string>> = Object.freeze({});

export class PodTallies {
  private readonly byController = new Map<string, PodTally>();

  get(controllerUid: string): PodTally | undefined {
    return this.byController.get(controllerUid);
  }

  change(controllerUid: string, pod: Pod, delta: 1 | -1): void {
    let tally = this.byController.get(controllerUid);
    if (!tally) this.byController.set(controllerUid, (tally = { total: 0, active: 0, readyActive: 0, labelSets: new Map() }));
    const active = isPodActive(pod);
    tally.total += delta;
    if (active) {
      tally.active += delta;
      if (isPodReady(pod)) tally.readyActive += delta;
    }
    const labels = pod.metadata?.labels ?? EMPTY;
    const key = labelKey(labels);
    let set = tally.labelSets.get(key);
    if (!set) tally.labelSets.set(key, (set = { labels, total: 0, active: 0 }));
    set.total += delta;
    if (active) set.active += delta;
    if (set.total === 0) tally.labelSets.delete(key);
    if (tally.total === 0) this.byController.delete(controllerUid);
  }
}

/** Labels as text with sorted keys: equal label sets give equal keys. */
function labelKey(labels: Readonly<Record<string, string>>): string {
  const keys = Object.keys(labels);
  if (keys.length > 1) keys.sort();
  let out = '';
  for (const k of keys) out += `${k}\u0000${labels[k]}\u0001`;
  return out;
}
