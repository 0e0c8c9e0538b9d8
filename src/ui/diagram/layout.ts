/**
 * Fixed geometry for the diagram: a grid inside each host, hosts side by side (or stacked on
 * phones), unscheduled pods in a lane below. Deterministic and cheap, so no layout library: the same
 * model always lands on the same pixels, and a pod keeps its place unless one sorts before it.
 */
import type { LayoutDirection } from './types';

export const POD_WIDTH = 212;
export const POD_HEIGHT = 76;
export const GAP = 8;
/** Padding inside a host. */
export const HOST_PAD = 12;
/** Name, IP, role and badge. */
export const HOST_HEADER = 76;
/** Padding inside a group (control plane, containers, pending lane). */
export const GROUP_PAD = 8;
export const GROUP_HEADER = 28;
export const COLUMNS = 2;
/** Room between hosts for the overlay edge and its label. */
export const HOST_SPACING_ROW = 140;
export const HOST_SPACING_COLUMN = 72;
export const LANE_SPACING = 48;
/** Containers are smaller than pods, so the callers' and the called column leave room for flow labels between them. */
export const CONTAINER_WIDTH = 140;
export const CONTAINER_HEIGHT = 60;
export const EMPTY_HOST_BODY = 24;
/** Services sit in the pods' columns, above the hosts, at a pod's size. */
export const SERVICE_WIDTH = POD_WIDTH;
export const SERVICE_HEIGHT = POD_HEIGHT;
/** The kubelet and runtime chips at the right of a host's header. */
export const AGENT_WIDTH = 112;
export const AGENT_HEIGHT = 24;
/**
 * Service edges: each Service has a level (its index modulo TRUNK_LEVELS) for its horizontal run in
 * the gap between the Services lane and the hosts, and a matching lane in the hosts' side margins.
 */
export const TRUNK_LEVELS = 4;
export const TRUNK_FIRST = 10;
export const TRUNK_STEP = 9;
/** Lanes in a host's 12 px side margin: 3 px apart, none on the border. */
export const BUS_LEVELS = 3;
export const BUS_FIRST = 9;
export const BUS_STEP = 3;

/** Width of a grid of `columns` pods inside a group. */
export function groupWidth(columns: number): number {
  return columns * POD_WIDTH + (columns - 1) * GAP + 2 * GROUP_PAD;
}

export const HOST_CONTENT_WIDTH = groupWidth(COLUMNS);
export const HOST_WIDTH = HOST_CONTENT_WIDTH + 2 * HOST_PAD;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export function gridRows(count: number, columns: number): number {
  return Math.ceil(count / columns);
}

/** Height of the cells of a grid, without padding. */
export function gridHeight(count: number, columns: number): number {
  const rows = gridRows(count, columns);
  return rows === 0 ? 0 : rows * POD_HEIGHT + (rows - 1) * GAP;
}

/** Top-left corner of cell `index`, relative to the grid's origin. */
export function gridCell(index: number, columns: number): Point {
  return { x: (index % columns) * (POD_WIDTH + GAP), y: Math.floor(index / columns) * (POD_HEIGHT + GAP) };
}

/** Height of a titled group holding `count` items. */
export function groupHeight(count: number, columns: number): number {
  return GROUP_HEADER + gridHeight(count, columns) + GROUP_PAD;
}

/** Where host `index` goes, given the heights of the hosts before it. */
export function hostOrigin(index: number, direction: LayoutDirection, heightsBefore: readonly number[]): Point {
  switch (direction) {
    case 'row':
      return { x: index * (HOST_WIDTH + HOST_SPACING_ROW), y: 0 };
    case 'column':
      return { x: 0, y: heightsBefore.reduce((sum, h) => sum + h + HOST_SPACING_COLUMN, 0) };
  }
}

/** Columns of the pending lane: as many as the hosts' total width allows. */
export function laneColumns(totalWidth: number): number {
  return Math.max(1, Math.floor((totalWidth - 2 * GROUP_PAD + GAP) / (POD_WIDTH + GAP)));
}
