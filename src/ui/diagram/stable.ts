/**
 * Keeps object identity across frames. The store hands the diagram a new snapshot every frame (the
 * clock moves), and toFlow builds fresh objects each time; React Flow re-renders a node whenever its
 * object changes. Reusing the previous object for every node and edge that is equal by value means
 * only what really changed re-renders, and an unchanged picture returns the very same arrays.
 */
import { deepEqual, type WorldSnapshot } from '../../engine';
import type { DiagramEdge, DiagramNode, Flow } from './types';

export function stabilizeFlow(previous: Flow | undefined, next: Flow): Flow {
  if (previous === undefined) return next;
  const nodes = reuse(previous.nodes, next.nodes);
  const edges = reuse(previous.edges, next.edges);
  if (nodes === previous.nodes && edges === previous.edges) return previous;
  return { nodes, edges };
}

function reuse<T extends DiagramNode | DiagramEdge>(previous: readonly T[], next: readonly T[]): readonly T[] {
  const byId = new Map(previous.map((item) => [item.id, item]));
  let unchanged = previous.length === next.length;
  const out = next.map((item, i) => {
    const old = byId.get(item.id);
    const kept = old !== undefined && deepEqual(old, item) ? old : item;
    if (kept !== previous[i]) unchanged = false;
    return kept;
  });
  return unchanged ? previous : out;
}

/**
 * What the picture depends on, as a cheap key: the engine bumps `revision` on every observable change
 * (API writes, kubelets starting), and host fields cover the machines. The clock (`now`) is left out
 * on purpose: it moves every frame and the picture shows no ages.
 */
export function snapshotKey(snapshot: WorldSnapshot): string {
  const hosts = snapshot.hosts.map((h) => `${h.name}=${h.ip},${h.kubeletRunning ? 1 : 0},${h.apiServer ?? ''}`).join(';');
  return `${snapshot.revision}|${snapshot.clusters.length}|${hosts}`;
}
