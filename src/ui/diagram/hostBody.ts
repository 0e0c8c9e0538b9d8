/**
 * What goes inside a host's box, top to bottom: the kubelet and container-runtime chips in its
 * header, the control plane, its pods, and its compose containers. Pods of one workload that has two
 * or more of them on this host share a titled box ("web deployment: 6 pods"); a workload's lone pod
 * carries the workload's name as its title instead, so DaemonSets (one pod per node) stay compact.
 * Positions are relative to the host (React Flow sub-flows).
 */
import { COMPONENT_TITLES } from './controlPlane';
import { layoutContainers } from './containerLayout';
import { agentNode, aggregateNode, containerNode, plural, podNode, sectionNode, type NodeContext } from './flowNodes';
import {
  AGENT_HEIGHT, AGENT_WIDTH, COLUMNS, EMPTY_HOST_BODY, GAP, GROUP_HEADER, GROUP_PAD, HOST_CONTENT_WIDTH, HOST_HEADER, HOST_PAD, HOST_WIDTH,
  gridCell, gridHeight, groupHeight, type Point,
} from './layout';
import type { HostView, PodView } from './model';
import type { ContainerInput, DiagramNode } from './types';
import { revisionTag, workloadLabel, type WorkloadView } from './workloads';

export function controlPlaneGroupId(host: string): string {
  return `controlplane/${host}`;
}

export function containersGroupId(host: string): string {
  return `containers/${host}`;
}

/** `workload/<host>/<namespace>/<kind>/<name>`: one box per workload and host. */
export function workloadGroupId(host: string, key: string): string {
  return `workload/${host}/${key}`;
}

/**
 * Beyond this many pods of one workload on one host, the picture draws them as one box with counts
 * by status (the workload box's id, type `aggregate`): 1,000 pod boxes cost more than a frame. The
 * budgets' busiest drawn scene, 100 pods over two hosts with 200 flows between them, stays drawn pod
 * by pod (docs/performance.md).
 */
export const AGGREGATE_ABOVE = 50;
/** An aggregate's height: its title and two lines of counts. */
export const AGGREGATE_HEIGHT = GROUP_HEADER + 52;

export interface HostBody {
  readonly children: DiagramNode[];
  readonly height: number;
  /** Which side of its column each pod's edges enter from (Service edges run in the nearer margin). */
  readonly sides: ReadonlyMap<string, 'left' | 'right'>;
  /** Pods drawn inside an aggregate → the aggregate's id (their Service edges end there). */
  readonly aggregated: ReadonlyMap<string, string>;
}

export function hostBody(
  host: HostView, containers: readonly ContainerInput[], workloads: ReadonlyMap<string, WorkloadView>, ctx: NodeContext,
): HostBody {
  const children: DiagramNode[] = [];
  const sides = new Map<string, 'left' | 'right'>();
  const aggregated = new Map<string, string>();
  const parentId = host.id;
  const side = (i: number) => ((i % COLUMNS) < COLUMNS / 2 ? 'left' : 'right');
  if (host.kubelet) {
    const x = HOST_WIDTH - HOST_PAD - AGENT_WIDTH;
    const size = { width: AGENT_WIDTH, height: AGENT_HEIGHT };
    children.push(agentNode('kubelet', host.name, { x, y: HOST_PAD }, size, ctx));
    children.push(agentNode('runtime', host.name, { x, y: HOST_PAD + AGENT_HEIGHT + GAP / 2 }, size, ctx));
  }
  let y = HOST_HEADER;
  if (host.controlPlane.length > 0) {
    const groupId = controlPlaneGroupId(host.name);
    const height = groupHeight(host.controlPlane.length, COLUMNS);
    const titles = host.controlPlane.map((p) => (p.component === undefined ? p.name : COMPONENT_TITLES[p.component]));
    children.push(sectionNode({
      id: groupId, kind: 'control-plane', title: 'control plane', position: { x: HOST_PAD, y }, width: HOST_CONTENT_WIDTH, height, parentId,
      ariaLabel: `control plane on ${host.name}: ${titles.join(', ')}`,
    }, ctx));
    host.controlPlane.forEach((pod, i) => {
      children.push(podNode(pod, { position: inGroup(i), parentId: groupId, title: pod.component === undefined ? undefined : COMPONENT_TITLES[pod.component], revision: undefined }, ctx));
      sides.set(pod.id, side(i));
    });
    y += height + 2 * GAP;
  }

  const { loose, groups } = splitByWorkload(host.pods);
  if (loose.length > 0) {
    const origin = { x: HOST_PAD + GROUP_PAD, y };
    loose.forEach((pod, i) => {
      const cell = gridCell(i, COLUMNS);
      const w = pod.workload;
      const view = w === undefined ? undefined : workloads.get(w.key);
      children.push(podNode(pod, {
        position: { x: origin.x + cell.x, y: origin.y + cell.y },
        parentId,
        title: w === undefined ? undefined : workloadLabel(w),
        revision: w === undefined ? undefined : revisionTag(w, view),
      }, ctx));
      sides.set(pod.id, side(i));
    });
    y += gridHeight(loose.length, COLUMNS) + 2 * GAP;
  }
  for (const [key, pods] of groups) {
    const view = workloads.get(key);
    const groupId = workloadGroupId(host.name, key);
    if (pods.length > AGGREGATE_ABOVE) {
      children.push(aggregateNode({
        id: groupId, title: workloadTitle(pods, view), pods, position: { x: HOST_PAD, y }, width: HOST_CONTENT_WIDTH, height: AGGREGATE_HEIGHT, parentId,
        ariaLabel: workloadAria(pods, view, host.name),
      }, ctx));
      sides.set(groupId, 'left');
      for (const pod of pods) aggregated.set(pod.id, groupId);
      y += AGGREGATE_HEIGHT + 2 * GAP;
      continue;
    }
    const height = groupHeight(pods.length, COLUMNS);
    children.push(sectionNode({
      id: groupId, kind: 'workload', title: workloadTitle(pods, view), position: { x: HOST_PAD, y }, width: HOST_CONTENT_WIDTH, height, parentId,
      ariaLabel: workloadAria(pods, view, host.name),
    }, ctx));
    pods.forEach((pod, i) => {
      const revision = pod.workload === undefined ? undefined : revisionTag(pod.workload, view);
      children.push(podNode(pod, { position: inGroup(i), parentId: groupId, title: undefined, revision }, ctx));
      sides.set(pod.id, side(i));
    });
    y += height + 2 * GAP;
  }

  if (containers.length > 0) {
    const groupId = containersGroupId(host.name);
    const box = layoutContainers(containers);
    children.push(sectionNode({
      id: groupId, kind: 'containers', title: ctx.words.containersTitle, position: { x: HOST_PAD, y }, width: HOST_CONTENT_WIDTH, height: box.height,
      parentId, ariaLabel: ctx.words.containersOn(containers.length, host.name),
    }, ctx));
    for (const { container, position } of box.placed) children.push(containerNode(container, position, groupId, ctx));
    y += box.height + 2 * GAP;
  }
  const empty = y === HOST_HEADER;
  const height = empty ? HOST_HEADER + EMPTY_HOST_BODY : y - 2 * GAP + HOST_PAD;
  return { children, height, sides, aggregated };
}

/** Position of item `i` inside a titled group. */
function inGroup(i: number): Point {
  const cell = gridCell(i, COLUMNS);
  return { x: GROUP_PAD + cell.x, y: GROUP_HEADER + cell.y };
}

/** Pods on their own (in the host's order) and the workloads with two or more pods here, by workload key. */
function splitByWorkload(pods: readonly PodView[]): { loose: PodView[]; groups: [string, PodView[]][] } {
  const byKey = new Map<string, PodView[]>();
  for (const pod of pods) {
    if (pod.workload === undefined) continue;
    const list = byKey.get(pod.workload.key);
    if (list === undefined) byKey.set(pod.workload.key, [pod]);
    else list.push(pod);
  }
  const grouped = new Set<string>();
  for (const [key, list] of byKey) if (list.length >= 2) grouped.add(key);
  const loose = pods.filter((p) => p.workload === undefined || !grouped.has(p.workload.key));
  const groups = [...byKey.entries()].filter(([key]) => grouped.has(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { loose, groups };
}

/** "web deployment: 6 pods", "web deployment: 4 of 6 pods", with "(2 new, 4 old)" during a rollout. */
export function workloadTitle(pods: readonly PodView[], view: WorkloadView | undefined): string {
  const first = pods[0]?.workload;
  if (first === undefined) return '';
  const total = view?.pods ?? pods.length;
  const count = pods.length === total ? plural(total, 'pod') : `${pods.length} of ${plural(total, 'pod')}`;
  return `${workloadLabel(first)}: ${count}${rolloutSuffix(pods, view)}`;
}

function rolloutSuffix(pods: readonly PodView[], view: WorkloadView | undefined): string {
  if (view === undefined || !view.rolling) return '';
  const current = new Set(view.revisions.filter((r) => r.current).map((r) => r.replicaSet));
  if (current.size === 0) return '';
  const fresh = pods.filter((p) => p.workload?.replicaSet !== undefined && current.has(p.workload.replicaSet)).length;
  return ` (${fresh} new, ${pods.length - fresh} old)`;
}

function workloadAria(pods: readonly PodView[], view: WorkloadView | undefined, host: string): string {
  const first = pods[0]?.workload;
  if (first === undefined) return '';
  const ready = pods.filter((p) => p.category === 'ready').length;
  const total = view?.pods ?? pods.length;
  const rollout = rolloutSuffix(pods, view);
  return `${workloadLabel(first)} in ${pods[0]?.namespace ?? 'default'}: ${plural(pods.length, 'pod')} on ${host}${pods.length === total ? '' : ` of ${total}`}, ${ready} ready${rollout === '' ? '' : `, rolling update${rollout}`}`;
}
