/**
 * The Services lane above the hosts, and the edges from each Service to the pods behind it.
 *
 * A Service belongs to no node (kube-proxy on every node implements it), so it sits outside them,
 * in a lane across the top. Each one is placed above the host that holds most of its endpoints, in
 * the pods' columns, so its edges drop straight into that host; one with no endpoints sits above
 * the control-plane host. Edges are still unless the traffic meter reports requests through the
 * Service, then their dashes move at the measured rate.
 */
import { serviceEdge, type EdgeDraft } from './edges';
import { serviceNode, sectionNode, type NodeContext } from './flowNodes';
import {
  BUS_FIRST, BUS_LEVELS, BUS_STEP, COLUMNS, GROUP_HEADER, GROUP_PAD, HOST_PAD, TRUNK_FIRST, TRUNK_LEVELS, TRUNK_STEP, gridCell, gridHeight,
} from './layout';
import type { HostView } from './model';
import { resolveRef, type RefIndex } from './refs';
import type { ServiceView } from './services';
import type { DiagramNode, LayoutDirection, ServiceRoute } from './types';

export const SERVICES_LANE_ID = 'lane/services';
export const SERVICES_LANE_TITLE = 'Services';

export interface ServiceLane {
  readonly nodes: DiagramNode[];
  readonly height: number;
  readonly routes: ReadonlyMap<string, ServiceRoute>;
}

export interface LaneGeometry {
  readonly direction: LayoutDirection;
  /** Each host's left edge, in layout order. */
  readonly hostXs: readonly number[];
  readonly width: number;
}

/** The host index a Service is drawn above: most endpoints there, the first such host on a tie. */
function homeOf(svc: ServiceView, hosts: readonly HostView[], hostOfPod: (id: string) => string | undefined): number {
  const counts = new Map<string, number>();
  for (const e of svc.endpoints) {
    const host = e.target === undefined ? undefined : hostOfPod(e.target);
    if (host !== undefined) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  let best = -1;
  let bestCount = 0;
  hosts.forEach((h, i) => {
    const n = counts.get(h.name) ?? 0;
    if (n > bestCount) [best, bestCount] = [i, n];
  });
  if (best >= 0) return best;
  const controlPlane = hosts.findIndex((h) => h.controlPlane.length > 0);
  return Math.max(0, controlPlane);
}

export function serviceLane(
  services: readonly ServiceView[], hosts: readonly HostView[], geometry: LaneGeometry, hostOfPod: (id: string) => string | undefined, ctx: NodeContext,
): ServiceLane | undefined {
  if (services.length === 0) return undefined;
  const segments = new Map<number, ServiceView[]>();
  for (const svc of services) {
    const home = geometry.direction === 'row' ? homeOf(svc, hosts, hostOfPod) : 0;
    segments.set(home, [...(segments.get(home) ?? []), svc]);
  }
  const rows = Math.max(...[...segments.values()].map((list) => gridHeight(list.length, COLUMNS)));
  const height = GROUP_HEADER + rows + GROUP_PAD;
  const nodes: DiagramNode[] = [sectionNode({
    id: SERVICES_LANE_ID, kind: 'services', title: SERVICES_LANE_TITLE, position: { x: 0, y: 0 }, width: geometry.width, height, parentId: undefined,
    ariaLabel: `${SERVICES_LANE_TITLE}, ${services.length} ${services.length === 1 ? 'service' : 'services'}`,
  }, ctx)];
  for (const [home, list] of [...segments.entries()].sort(([a], [b]) => a - b)) {
    const baseX = (geometry.hostXs[home] ?? 0) + HOST_PAD + GROUP_PAD;
    list.forEach((svc, j) => {
      const cell = gridCell(j, COLUMNS);
      nodes.push(serviceNode(svc, { x: baseX + cell.x, y: GROUP_HEADER + cell.y }, SERVICES_LANE_ID, ctx));
    });
  }
  const routes = new Map<string, ServiceRoute>();
  services.forEach((svc, k) => {
    routes.set(svc.id, { trunkY: height + TRUNK_FIRST + (k % TRUNK_LEVELS) * TRUNK_STEP, bus: BUS_FIRST + (k % BUS_LEVELS) * BUS_STEP });
  });
  return { nodes, height, routes };
}

/** What the lane reads of the traffic meter: requests that went through a Service (`via`), to the pod that answered. */
export interface ServiceTrafficFacts {
  readonly from: string;
  readonly to: string;
  readonly ratePerSecond: number;
  /** The Service the connection was made to ("svc/default/web", "default/web" or its ClusterIP). */
  readonly via?: string;
}

/**
 * Requests per second through each Service to each of its pods: Service id → pod id → rate.
 *
 * The meter may say which Service a request went through (`via`). When it does not, a request to
 * a pod that exactly one Service with a cluster IP sends to is counted as that Service's: kube-proxy
 * is how clients reach such pods (curl on the Service, DockerCoins' worker calling rng). A request
 * straight to that pod's IP is then drawn through its Service too; `via` tells the two apart.
 */
export function serviceRates(traffic: readonly ServiceTrafficFacts[], services: readonly ServiceView[], refs: RefIndex): Map<string, Map<string, number>> {
  const rates = new Map<string, Map<string, number>>();
  const add = (svc: string, pod: string, rate: number) => {
    let byPod = rates.get(svc);
    if (byPod === undefined) rates.set(svc, (byPod = new Map()));
    byPod.set(pod, (byPod.get(pod) ?? 0) + rate);
  };
  const byId = new Map(services.map((s) => [s.id, s]));
  const fronting = new Map<string, string[]>();
  for (const s of services) {
    if (!/^\d/.test(s.clusterIP)) continue;
    for (const e of s.endpoints) if (e.ready && e.target !== undefined) fronting.set(e.target, [...(fronting.get(e.target) ?? []), s.id]);
  }
  for (const t of traffic) {
    if (!(t.ratePerSecond > 0)) continue;
    const to = resolveRef(t.to, refs);
    const via = t.via === undefined ? undefined : resolveRef(t.via.startsWith('svc/') || t.via.includes('.') ? t.via : `svc/${t.via}`, refs);
    if (via?.startsWith('svc/') === true && to?.startsWith('pod/') === true) {
      add(via, to, t.ratePerSecond);
    } else if (t.via === undefined && to?.startsWith('pod/') === true) {
      const only = fronting.get(to);
      if (only?.length === 1) add(only[0]!, to, t.ratePerSecond);
    } else if (to?.startsWith('svc/') === true) {
      // Only the Service is known: share the rate among the pods kube-proxy picks from.
      const ready = (byId.get(to)?.endpoints ?? []).filter((e) => e.ready && e.target !== undefined);
      for (const e of ready) add(to, e.target as string, t.ratePerSecond / ready.length);
    }
  }
  return rates;
}

export interface ServiceEdgeContext {
  readonly routes: ReadonlyMap<string, ServiceRoute>;
  readonly sides: ReadonlyMap<string, 'left' | 'right'>;
  readonly rates: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly highlighted: (id: string) => boolean;
  /** Pods drawn inside an aggregate → its id: one edge per Service and aggregate, ready if any pod is, the rates summed. */
  readonly aggregated?: ReadonlyMap<string, string>;
}

/** One edge per Service and endpoint pod on a host (an address listed for several ports is one pod). */
export function serviceEdges(services: readonly ServiceView[], ctx: ServiceEdgeContext): EdgeDraft[] {
  const drafts: EdgeDraft[] = [];
  for (const svc of services) {
    const route = ctx.routes.get(svc.id);
    if (route === undefined) continue;
    const ends = new Map<string, { side: 'left' | 'right'; ready: boolean; rate: number }>();
    for (const e of svc.endpoints) {
      const target = e.target === undefined ? undefined : (ctx.aggregated?.get(e.target) ?? e.target);
      const side = target === undefined ? undefined : ctx.sides.get(target);
      if (target === undefined || side === undefined) continue;
      const rate = ctx.rates.get(svc.id)?.get(e.target ?? '') ?? 0;
      const seen = ends.get(target);
      if (seen === undefined) ends.set(target, { side, ready: e.ready, rate });
      else if (target !== e.target) ends.set(target, { side, ready: seen.ready || e.ready, rate: seen.rate + rate });
    }
    for (const [pod, end] of ends) {
      drafts.push(serviceEdge({
        service: svc, pod, side: end.side, route, ready: end.ready, ratePerSecond: end.rate, highlighted: ctx.highlighted(svc.id),
      }));
    }
  }
  return drafts;
}
