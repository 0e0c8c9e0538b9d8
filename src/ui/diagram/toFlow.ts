/**
 * toFlow(snapshot) → { nodes, edges }: the cluster diagram as a pure function of the engine's
 * snapshot (no React, no clock). Ids follow the contract e2e tests use: `node/<name>`,
 * `pod/<namespace>/<name>`, `container/<host>/<name>`; groups are `controlplane/<host>`,
 * `containers/<host>` and `lane/pending`; data flows are `flow/<from>/<to>/<kind>`. Parents always
 * come before their children, as React Flow requires for sub-flows.
 */
import type { WorldSnapshot } from '../../engine';
import { COMPONENT_TITLES } from './controlPlane';
import { layoutContainers } from './containerLayout';
import { containerId, containerInputs, trafficFlows } from './containers';
import { applyAnimationBudget, flowEdge, overlayEdge } from './edges';
import {
  CONTAINER_HEIGHT, CONTAINER_WIDTH, COLUMNS, EMPTY_HOST_BODY, GAP, GROUP_HEADER, GROUP_PAD, HOST_CONTENT_WIDTH, HOST_HEADER, HOST_PAD, HOST_SPACING_ROW,
  HOST_WIDTH, LANE_SPACING, POD_HEIGHT, POD_WIDTH, gridCell, gridHeight, groupHeight, groupWidth, hostOrigin, laneColumns,
  type Point,
} from './layout';
import { buildModel, type DiagramModel, type HostView, type PodView } from './model';
import { diagramWords, type DiagramWords } from './words';
import type {
  ContainerFlowNode, ContainerInput, DiagramNode, Flow, FlowOptions, SectionFlowNode, HostFlowNode, LayoutDirection, PodFlowNode,
} from './types';

export const PENDING_LANE_ID = 'lane/pending';
export const PENDING_LANE_TITLE = 'Pending — not scheduled';

export function controlPlaneGroupId(host: string): string {
  return `controlplane/${host}`;
}

export function containersGroupId(host: string): string {
  return `containers/${host}`;
}

export { containerId };

/**
 * The picture of a snapshot. Compose containers and their traffic come from the snapshot itself
 * (its hosts' `containers`, its `traffic`) unless `options` gives them.
 */
export function toFlow(snapshot: WorldSnapshot, options: FlowOptions = {}): Flow {
  const containers = options.containers ?? containerInputs(snapshot);
  const flows = options.flows ?? trafficFlows(snapshot, containers, diagramWords(options.lang));
  return modelToFlow(buildModel(snapshot), { ...options, containers, flows });
}

export function modelToFlow(model: DiagramModel, options: FlowOptions = {}): Flow {
  const direction: LayoutDirection = options.direction ?? 'row';
  const highlight = new Set(options.highlight ?? []);
  const containersByHost = groupContainers(options.containers ?? []);
  const words = diagramWords(options.lang);

  // First pass: each host's children and body height, so every host can share the tallest height.
  const bodies = model.hosts.map((host) => hostBody(host, containersByHost.get(host.name) ?? [], highlight, words));
  const rowHeight = Math.max(0, ...bodies.map((b) => b.height));
  const nodes: DiagramNode[] = [];
  const heights: number[] = [];
  let bottom = 0;
  model.hosts.forEach((host, i) => {
    const height = direction === 'row' ? rowHeight : (bodies[i]?.height ?? 0);
    const origin = hostOrigin(i, direction, heights);
    nodes.push(hostNode(host, origin, height, highlight));
    nodes.push(...(bodies[i]?.children ?? []));
    heights.push(height);
    bottom = Math.max(bottom, origin.y + height);
  });

  if (model.unscheduled.length > 0) {
    const hostsWidth = direction === 'row' ? model.hosts.length * HOST_WIDTH + Math.max(0, model.hosts.length - 1) * HOST_SPACING_ROW : HOST_WIDTH;
    const y = model.hosts.length === 0 ? 0 : bottom + LANE_SPACING;
    nodes.push(...pendingLane(model.unscheduled, { x: 0, y }, Math.max(hostsWidth, HOST_WIDTH), highlight));
  }

  const ids = new Set(nodes.map((n) => n.id));
  const drafts = [
    ...model.overlays.map((o) => overlayEdge(o, direction)),
    // A flow whose end is not on the picture (a pod just deleted) is dropped: React Flow cannot draw it.
    ...(options.flows ?? []).filter((f) => ids.has(f.source) && ids.has(f.target)).map(flowEdge),
  ];
  return { nodes, edges: applyAnimationBudget(drafts, options.reducedMotion ?? false) };
}

interface HostBody {
  readonly children: DiagramNode[];
  readonly height: number;
}

/** Lays out a host's sections top to bottom: control plane, pods, compose containers. */
function hostBody(host: HostView, containers: readonly ContainerInput[], highlight: ReadonlySet<string>, words: DiagramWords): HostBody {
  const children: DiagramNode[] = [];
  let y = HOST_HEADER;
  const parentId = host.id;
  if (host.controlPlane.length > 0) {
    const groupId = controlPlaneGroupId(host.name);
    const height = groupHeight(host.controlPlane.length, COLUMNS);
    const titles = host.controlPlane.map((p) => (p.component === undefined ? p.name : COMPONENT_TITLES[p.component]));
    children.push(groupNode(groupId, 'control-plane', 'control plane', { x: HOST_PAD, y }, HOST_CONTENT_WIDTH, height, parentId,
      `control plane on ${host.name}: ${titles.join(', ')}`, highlight));
    host.controlPlane.forEach((pod, i) => children.push(podNode(pod, inGroup(i), groupId, highlight)));
    y += height + 2 * GAP;
  }
  if (host.pods.length > 0) {
    const origin = { x: HOST_PAD + GROUP_PAD, y };
    host.pods.forEach((pod, i) => {
      const cell = gridCell(i, COLUMNS);
      children.push(podNode(pod, { x: origin.x + cell.x, y: origin.y + cell.y }, parentId, highlight));
    });
    y += gridHeight(host.pods.length, COLUMNS) + 2 * GAP;
  }
  if (containers.length > 0) {
    const groupId = containersGroupId(host.name);
    const box = layoutContainers(containers);
    children.push(groupNode(groupId, 'containers', words.containersTitle, { x: HOST_PAD, y }, HOST_CONTENT_WIDTH, box.height, parentId,
      words.containersOn(containers.length, host.name), highlight));
    for (const { container, position } of box.placed) children.push(containerNode(container, position, groupId, highlight, words));
    y += box.height + 2 * GAP;
  }
  const empty = children.length === 0;
  const height = empty ? HOST_HEADER + EMPTY_HOST_BODY : y - 2 * GAP + HOST_PAD;
  return { children, height };
}

/** Position of item `i` inside a titled group. */
function inGroup(i: number): Point {
  const cell = gridCell(i, COLUMNS);
  return { x: GROUP_PAD + cell.x, y: GROUP_HEADER + cell.y };
}

function hostBadge(host: HostView): string {
  switch (host.membership) {
    case 'none':
      return 'not in a cluster';
    case 'registering':
      return 'not registered yet';
    case 'member':
      return host.status ?? 'Unknown';
  }
}

function hostNode(host: HostView, position: Point, height: number, highlight: ReadonlySet<string>): HostFlowNode {
  const badge = hostBadge(host);
  const podCount = host.controlPlane.length + host.pods.length;
  const parts = [`node ${host.name}`, host.ip, host.role, badge, host.membership === 'member' ? plural(podCount, 'pod') : undefined];
  return withHighlight({
    id: host.id,
    type: 'host',
    position,
    width: HOST_WIDTH,
    height,
    ariaLabel: parts.filter((p) => p !== undefined).join(', '),
    data: {
      name: host.name,
      ip: host.ip,
      membership: host.membership,
      role: host.role,
      badge,
      ready: host.ready,
      highlighted: highlight.has(host.id),
    },
  }, highlight);
}

function groupNode(
  id: string, kind: SectionFlowNode['data']['kind'], title: string, position: Point, width: number, height: number,
  parentId: string | undefined, ariaLabel: string, highlight: ReadonlySet<string>,
): SectionFlowNode {
  return withHighlight({
    id,
    type: 'section',
    position,
    width,
    height,
    ...(parentId === undefined ? {} : { parentId }),
    ariaLabel,
    data: { kind, title, highlighted: highlight.has(id) },
  }, highlight);
}

export function podAriaLabel(pod: PodView): string {
  const name = pod.component === undefined ? `pod ${pod.name}` : `pod ${pod.name} (${COMPONENT_TITLES[pod.component]})`;
  if (pod.nodeName === undefined) return `${name}, ${pod.status}, not scheduled`;
  const parts = [name, pod.status, `${pod.ready} ready`];
  if (pod.restarts > 0) parts.push(plural(pod.restarts, 'restart'));
  parts.push(`on ${pod.nodeName}`);
  if (pod.ip !== undefined) parts.push(`IP ${pod.ip}`);
  return parts.join(', ');
}

function podNode(pod: PodView, position: Point, parentId: string, highlight: ReadonlySet<string>): PodFlowNode {
  return withHighlight({
    id: pod.id,
    type: 'pod',
    position,
    width: POD_WIDTH,
    height: POD_HEIGHT,
    parentId,
    ariaLabel: podAriaLabel(pod),
    data: {
      name: pod.name,
      namespace: pod.namespace,
      title: pod.component === undefined ? undefined : COMPONENT_TITLES[pod.component],
      status: pod.status,
      category: pod.category,
      ready: pod.ready,
      restarts: pod.restarts,
      ip: pod.ip,
      highlighted: highlight.has(pod.id),
    },
  }, highlight);
}

function containerNode(c: ContainerInput, position: Point, parentId: string, highlight: ReadonlySet<string>, words: DiagramWords): ContainerFlowNode {
  const id = containerId(c.host, c.name);
  const parts = [words.container(c.name, c.service, c.host), c.status];
  if (c.ip !== undefined && c.ip !== '') parts.push(words.ip(c.ip));
  if (c.ports !== undefined && c.ports !== '') parts.push(words.ports(c.ports));
  return withHighlight({
    id,
    type: 'container',
    position,
    width: CONTAINER_WIDTH,
    height: CONTAINER_HEIGHT,
    parentId,
    ariaLabel: parts.join(', '),
    data: { host: c.host, name: c.name, service: c.service, label: c.label ?? c.name, status: c.status, category: c.category, highlighted: highlight.has(id) },
  }, highlight);
}

function pendingLane(pods: readonly PodView[], origin: Point, width: number, highlight: ReadonlySet<string>): DiagramNode[] {
  // As many columns as the hosts' width allows, but no wider than the pods need.
  const columns = Math.max(1, Math.min(laneColumns(width), pods.length));
  const lane = groupNode(PENDING_LANE_ID, 'pending', PENDING_LANE_TITLE, origin, groupWidth(columns), groupHeight(pods.length, columns), undefined,
    `${PENDING_LANE_TITLE}, ${plural(pods.length, 'pod')}`, highlight);
  return [lane, ...pods.map((pod, i) => {
    const cell = gridCell(i, columns);
    return podNode(pod, { x: GROUP_PAD + cell.x, y: GROUP_HEADER + cell.y }, PENDING_LANE_ID, highlight);
  })];
}

function groupContainers(containers: readonly ContainerInput[]): Map<string, ContainerInput[]> {
  const byHost = new Map<string, ContainerInput[]>();
  for (const c of containers) byHost.set(c.host, [...(byHost.get(c.host) ?? []), c]);
  for (const list of byHost.values()) list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return byHost;
}

/** Only highlighted nodes carry a class: fewer fields, cheaper equality checks between frames. */
function withHighlight<T extends DiagramNode>(node: T, highlight: ReadonlySet<string>): T {
  return highlight.has(node.id) ? { ...node, className: 'kp-highlight' } : node;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
