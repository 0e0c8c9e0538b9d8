/**
 * Keeps object identity across frames. The store hands the diagram a new snapshot every frame (the
 * clock moves), and toFlow builds fresh objects each time; React Flow re-renders a node whenever its
 * object changes. Reusing the previous object for every node and edge that is equal by value means
 * only what really changed re-renders, and an unchanged picture returns the very same arrays.
 */
import { deepEqual, type WorldSnapshot } from '../../engine';
import type { ContainerWorld } from './containers';
import { PACKET_BUCKET_MS, PACKET_TTL_MS, type PacketWorld } from './packets';
import type { ServiceTrafficFacts } from './serviceLane';
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
 * (API writes, kubelets starting), and host fields cover the machines and their containers. Traffic
 * changes without a revision (rates are measured over a sliding window), so its rates are in the key
 * at the precision the labels show; so do the packets on the picture, which come and go with the
 * clock. The clock itself (`now`) is left out on purpose: it moves every frame and the picture shows
 * no ages.
 */
export function snapshotKey(snapshot: WorldSnapshot): string {
  const facts: ContainerWorld = snapshot;
  const hosts = snapshot.hosts.map((h, i) => {
    const containers = (facts.hosts[i]?.containers ?? []).map((c) => `${c.name}:${c.state}:${c.exitCode ?? ''}:${c.ip}`).join(',');
    return `${h.name}=${h.ip},${h.kubeletRunning ? 1 : 0},${h.apiServer ?? ''},${containers}`;
  }).join(';');
  const metered: readonly (ServiceTrafficFacts & { readonly kind: string })[] = snapshot.traffic;
  const traffic = metered.map((t) => `${t.from}>${t.to}>${t.kind}:${t.ratePerSecond.toFixed(1)}${t.via === undefined ? '' : `@${t.via}`}`).join(',');
  const net: PacketWorld = snapshot;
  const packets = (net.packets ?? [])
    .filter((p) => p.at <= net.now && net.now - p.at < PACKET_TTL_MS)
    .map((p) => `${p.fromPod ?? p.fromNode}>${p.toPod ?? p.toNode}/${Math.floor(p.at / PACKET_BUCKET_MS)}`)
    .join(',');
  return `${snapshot.revision}|${snapshot.clusters.length}|${hosts}|${traffic}|${packets}`;
}
