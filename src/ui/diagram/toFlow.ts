/**
 * toFlow(snapshot) → { nodes, edges }: the cluster diagram as a pure function of the engine's
 * snapshot (no React, no clock). Ids follow the contract e2e tests and lessons use: `node/<name>`,
 * `pod/<namespace>/<name>`, `svc/<namespace>/<name>`, `container/<host>/<name>`, `kubelet/<host>`,
 * `runtime/<host>`; groups are `controlplane/<host>`, `containers/<host>`,
 * `workload/<host>/<namespace>/<kind>/<name>` (a section, or an `aggregate` with counts by status beyond
 * AGGREGATE_ABOVE pods), `lane/services` and `lane/pending`; edges are
 * `overlay/…`, `flow/<from>/<to>/<kind>`, `endpoint/<namespace>/<service>/<pod>` and `packet/…`.
 * Parents always come before their children, as React Flow requires for sub-flows.
 */
import type { WorldSnapshot } from '../../engine';
import { containerId, containerInputs, trafficFlows } from './containers';
import { applyAnimationBudget, flowEdge, overlayEdge, packetEdge, type EdgeDraft } from './edges';
import { aggregateNode, plural, podNode, hostNode, sectionNode, type NodeContext } from './flowNodes';
import { highlightMatcher } from './highlight';
import { AGGREGATE_ABOVE, AGGREGATE_HEIGHT, containersGroupId, controlPlaneGroupId, hostBody, workloadGroupId, workloadTitle } from './hostBody';
import {
  COLUMNS, GAP, GROUP_HEADER, GROUP_PAD, HOST_SPACING_ROW, HOST_WIDTH, LANE_SPACING, gridCell, groupHeight, groupWidth, hostOrigin, laneColumns, type Point,
} from './layout';
import { buildModel, type DiagramModel, type PodView } from './model';
import { visiblePackets, type PacketFacts } from './packets';
import { serviceEdges, serviceLane, serviceRates, type ServiceTrafficFacts } from './serviceLane';
import { workloadLabel } from './workloads';
import { diagramWords } from './words';
import type { ContainerInput, DiagramNode, Flow, FlowOptions, LayoutDirection } from './types';

export const PENDING_LANE_ID = 'lane/pending';
export const PENDING_LANE_TITLE = 'Pending — not scheduled';

export { containerId, containersGroupId, controlPlaneGroupId, workloadGroupId };
export { SERVICES_LANE_ID } from './serviceLane';

/** The parts of a snapshot read beyond WorldSnapshot's declared fields: service traffic and packets. */
interface NetworkFacts {
  readonly now: number;
  readonly traffic?: readonly ServiceTrafficFacts[];
  readonly packets?: readonly PacketFacts[];
}

/**
 * The picture of a snapshot. Compose containers and their traffic come from the snapshot itself
 * (its hosts' `containers`, its `traffic`) unless `options` gives them.
 */
export function toFlow(snapshot: WorldSnapshot, options: FlowOptions = {}): Flow {
  const containers = options.containers ?? containerInputs(snapshot);
  const flows = options.flows ?? trafficFlows(snapshot, containers, diagramWords(options.lang));
  return modelToFlow(buildModel(snapshot), { ...options, containers, flows }, snapshot);
}

export function modelToFlow(model: DiagramModel, options: FlowOptions = {}, network: NetworkFacts = { now: 0 }): Flow {
  const direction: LayoutDirection = options.direction ?? 'row';
  const highlight = highlightMatcher(options.highlight);
  const ctx: NodeContext = { highlight, words: diagramWords(options.lang) };
  const containersByHost = groupContainers(options.containers ?? []);
  const workloads = new Map(model.workloads.map((w) => [w.key, w]));

  // First pass: each host's children and body height, so every host can share the tallest height.
  const bodies = model.hosts.map((host) => hostBody(host, containersByHost.get(host.name) ?? [], workloads, ctx));
  const rowHeight = Math.max(0, ...bodies.map((b) => b.height));
  const hostsWidth = direction === 'row' ? model.hosts.length * HOST_WIDTH + Math.max(0, model.hosts.length - 1) * HOST_SPACING_ROW : HOST_WIDTH;
  const hostXs = model.hosts.map((_, i) => hostOrigin(i, direction, []).x);
  const hostOfPod = podHosts(model);
  const lane = serviceLane(model.services, model.hosts, { direction, hostXs, width: Math.max(hostsWidth, HOST_WIDTH) }, (id) => hostOfPod.get(id), ctx);
  const top = lane === undefined ? 0 : lane.height + LANE_SPACING;

  const nodes: DiagramNode[] = [...(lane?.nodes ?? [])];
  const heights: number[] = [];
  const sides = new Map<string, 'left' | 'right'>();
  const aggregated = new Map<string, string>();
  let bottom = top;
  model.hosts.forEach((host, i) => {
    const height = direction === 'row' ? rowHeight : (bodies[i]?.height ?? 0);
    const origin = hostOrigin(i, direction, heights);
    const placed = { x: origin.x, y: origin.y + top };
    nodes.push(hostNode(host, placed, { width: HOST_WIDTH, height }, ctx));
    nodes.push(...(bodies[i]?.children ?? []));
    for (const [pod, side] of bodies[i]?.sides ?? []) sides.set(pod, side);
    for (const [pod, box] of bodies[i]?.aggregated ?? []) aggregated.set(pod, box);
    heights.push(height);
    bottom = Math.max(bottom, placed.y + height);
  });

  if (model.unscheduled.length > 0) {
    const y = model.hosts.length === 0 ? top : bottom + LANE_SPACING;
    nodes.push(...pendingLane(model.unscheduled, { x: 0, y }, Math.max(hostsWidth, HOST_WIDTH), ctx));
  }

  const ids = new Set(nodes.map((n) => n.id));
  const hostIndex = new Map(model.hosts.map((h, i) => [h.name, i]));
  const packets = visiblePackets(network, (id) => ids.has(id));
  const rates = serviceRates(network.traffic ?? [], model.services, model.refs);
  const drafts: EdgeDraft[] = [
    ...model.overlays.map((o) => overlayEdge(o, direction)),
    ...packets.map((p) => packetEdge(p, direction, (hostIndex.get(p.sourceHost) ?? 0) < (hostIndex.get(p.targetHost) ?? 0))),
    // A flow whose end is not on the picture (a pod just deleted) is dropped: React Flow cannot draw it.
    ...(options.flows ?? []).filter((f) => ids.has(f.source) && ids.has(f.target)).map(flowEdge),
    ...serviceEdges(model.services, { routes: lane?.routes ?? new Map(), sides, rates, highlighted: highlight.has, aggregated }),
  ];
  const marked = highlight.empty ? drafts : drafts.map((d) => (highlight.has(d.edge.id) ? { ...d, highlighted: true } : d));
  return { nodes, edges: applyAnimationBudget(marked, options.reducedMotion ?? false) };
}

function podHosts(model: DiagramModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of model.hosts) for (const p of [...h.controlPlane, ...h.pods]) out.set(p.id, h.name);
  return out;
}

function pendingLane(pods: readonly PodView[], origin: Point, width: number, ctx: NodeContext): DiagramNode[] {
  // A workload with more than AGGREGATE_ABOVE pods waiting is one box with counts (hostBody.ts), first.
  const byWorkload = new Map<string, PodView[]>();
  for (const pod of pods) if (pod.workload !== undefined) byWorkload.set(pod.workload.key, [...(byWorkload.get(pod.workload.key) ?? []), pod]);
  const big = [...byWorkload].filter(([, list]) => list.length > AGGREGATE_ABOVE).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const bigKeys = new Set(big.map(([key]) => key));
  const loose = pods.filter((p) => p.workload === undefined || !bigKeys.has(p.workload.key));
  // As many columns as the hosts' width allows, but no wider than the pods need.
  const columns = Math.max(1, Math.min(laneColumns(width), Math.max(loose.length, big.length > 0 ? COLUMNS : 1)));
  const top = big.length * (AGGREGATE_HEIGHT + GAP);
  const lane = sectionNode({
    id: PENDING_LANE_ID, kind: 'pending', title: PENDING_LANE_TITLE, position: origin, width: groupWidth(columns),
    height: top + (loose.length > 0 ? groupHeight(loose.length, columns) : GROUP_HEADER + GROUP_PAD),
    parentId: undefined, ariaLabel: `${PENDING_LANE_TITLE}, ${plural(pods.length, 'pod')}`,
  }, ctx);
  const boxes = big.map(([key, list], i) => aggregateNode({
    id: workloadGroupId('pending', key), title: workloadTitle(list, undefined), pods: list, parentId: PENDING_LANE_ID,
    position: { x: GROUP_PAD, y: GROUP_HEADER + i * (AGGREGATE_HEIGHT + GAP) }, width: groupWidth(columns) - 2 * GROUP_PAD, height: AGGREGATE_HEIGHT,
    ariaLabel: `${workloadLabel(list[0]!.workload!)} in ${list[0]!.namespace}: ${plural(list.length, 'pod')} not scheduled`,
  }, ctx));
  return [lane, ...boxes, ...loose.map((pod, i) => {
    const cell = gridCell(i, columns);
    const title = pod.workload === undefined ? undefined : workloadLabel(pod.workload);
    return podNode(pod, { position: { x: GROUP_PAD + cell.x, y: GROUP_HEADER + top + cell.y }, parentId: PENDING_LANE_ID, title, revision: undefined }, ctx);
  })];
}

function groupContainers(containers: readonly ContainerInput[]): Map<string, ContainerInput[]> {
  const byHost = new Map<string, ContainerInput[]>();
  for (const c of containers) byHost.set(c.host, [...(byHost.get(c.host) ?? []), c]);
  for (const list of byHost.values()) list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return byHost;
}
