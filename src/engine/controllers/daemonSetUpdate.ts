/**
 * A DaemonSet's RollingUpdate with maxSurge 0 (the default): old pods are deleted node by node,
 * never leaving more than maxUnavailable nodes without an available pod; an old pod that is not
 * available anyway may always be replaced. The manage step then creates the new pod on the node.
 */
import type { DaemonSet, Pod, Stored } from '../api/types';
import { scaledValue } from './deploymentUtil';
import { isDaemonPodUpdated } from './daemonSetPods';
import { isPodAvailable } from './podUtil';

/** updatedDesiredNodeCounts: maxUnavailable of the nodes that should run the pod, rounding up; never 0 with maxSurge 0. */
export function daemonMaxUnavailable(ds: DaemonSet, desired: number): number {
  const ru = ds.spec?.updateStrategy?.rollingUpdate;
  const surge = scaledValue(ru?.maxSurge ?? 0, desired, true);
  const unavailable = scaledValue(ru?.maxUnavailable ?? 1, desired, true);
  return surge === 0 && unavailable === 0 ? 1 : unavailable;
}

/** The old pods to delete now (rollingUpdate). `podsByNode` holds every claimed pod per target node. */
export function oldPodsToReplace(
  ds: Stored<DaemonSet>, podsByNode: ReadonlyMap<string, readonly Stored<Pod>[]>, desired: number, hash: string, nowMs: number,
): Stored<Pod>[] {
  const maxUnavailable = daemonMaxUnavailable(ds, desired);
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const generation = ds.metadata.generation;
  let unavailable = 0;
  const replaceable: Stored<Pod>[] = [];
  const candidates: Stored<Pod>[] = [];
  for (const node of [...podsByNode.keys()].sort()) {
    let newPod: Stored<Pod> | undefined;
    let oldPod: Stored<Pod> | undefined;
    let ambiguous = false;
    for (const pod of podsByNode.get(node) ?? []) {
      if (pod.metadata.deletionTimestamp) continue;
      if (isDaemonPodUpdated(pod, hash, generation)) {
        if (newPod) ambiguous = true;
        newPod = pod;
      } else {
        if (oldPod) ambiguous = true;
        oldPod = pod;
      }
    }
    if (ambiguous || (!newPod && !oldPod) || (newPod && oldPod)) {
      // manage() sorts this node out first; until then it counts as unavailable.
      unavailable++;
    } else if (newPod) {
      if (!isPodAvailable(newPod, minReady, nowMs)) unavailable++;
    } else if (oldPod) {
      if (!isPodAvailable(oldPod, minReady, nowMs)) replaceable.push(oldPod);
      else if (unavailable < maxUnavailable) candidates.push(oldPod);
    }
  }
  const room = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
  return [...replaceable, ...candidates.slice(0, room)];
}
