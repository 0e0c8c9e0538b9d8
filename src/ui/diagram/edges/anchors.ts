/**
 * Where each edge meets its nodes, from the diagram's fixed geometry: every node has its position
 * (relative to its parent) and size from toFlow, so the edges' ends are known before anything is
 * measured and the edges are drawn in the same frame as the nodes.
 *
 * The anchor points are where React Flow's handles put them when React Flow drew the edges: centred
 * on a side of the node's inner box (inside its border: `BORDERS` repeats diagram.css), half a pixel
 * out over that border. Kept exactly, so the picture did not move when the edge layer replaced them.
 */
import { Position } from '@xyflow/react';
import { HANDLES } from '../edges';
import type { DiagramEdge, DiagramNode } from '../types';

/** Border widths (top, right, bottom, left) of each type's inner box (diagram.css). */
const BORDERS = {
  pod: [1, 1, 1, 6],
  container: [1, 1, 1, 6],
  aggregate: [1, 1, 1, 1],
  host: [2, 2, 2, 2],
  service: [2, 2, 2, 2],
} as const;

type AnchorId = (typeof HANDLES)[keyof typeof HANDLES];

/** Which side each anchor id sits on, and whether an edge may leave (source) or arrive (target) there. */
const ANCHOR_SIDES: Readonly<Record<AnchorId, { readonly side: Position; readonly role: 'source' | 'target' }>> = {
  [HANDLES.in]: { side: Position.Left, role: 'target' },
  [HANDLES.out]: { side: Position.Right, role: 'source' },
  [HANDLES.inRight]: { side: Position.Right, role: 'target' },
  [HANDLES.outLeft]: { side: Position.Left, role: 'source' },
  [HANDLES.inTop]: { side: Position.Top, role: 'target' },
  [HANDLES.outBottom]: { side: Position.Bottom, role: 'source' },
};

/** The anchors each node type offers: both directions on each side; hosts also top and bottom (the stacked overlay), Services only below. */
const OFFERED: Readonly<Record<keyof typeof BORDERS, readonly AnchorId[]>> = {
  pod: [HANDLES.in, HANDLES.out, HANDLES.inRight, HANDLES.outLeft],
  container: [HANDLES.in, HANDLES.out, HANDLES.inRight, HANDLES.outLeft],
  aggregate: [HANDLES.in, HANDLES.out, HANDLES.inRight, HANDLES.outLeft],
  host: [HANDLES.in, HANDLES.out, HANDLES.inRight, HANDLES.outLeft, HANDLES.inTop, HANDLES.outBottom],
  service: [HANDLES.outBottom],
};

export interface Anchor {
  /** In the node's own coordinates. */
  readonly x: number;
  readonly y: number;
  readonly side: Position;
}

/** The point anchor `id` gives an edge in `role`, relative to `node`; undefined where the node offers none. */
export function anchorOf(node: DiagramNode, id: string | null | undefined, role: 'source' | 'target'): Anchor | undefined {
  const { width, height } = node;
  if (width === undefined || height === undefined || node.type === 'section' || node.type === 'agent') return undefined;
  const anchor = ANCHOR_SIDES[id as AnchorId] as (typeof ANCHOR_SIDES)[AnchorId] | undefined;
  if (anchor === undefined || anchor.role !== role || !OFFERED[node.type].includes(id as AnchorId)) return undefined;
  const [top, right, bottom, left] = BORDERS[node.type];
  const middleX = left + (width - left - right) / 2;
  const middleY = top + (height - top - bottom) / 2;
  switch (anchor.side) {
    case Position.Left: return { x: left - 0.5, y: middleY, side: anchor.side };
    case Position.Right: return { x: width - right + 0.5, y: middleY, side: anchor.side };
    case Position.Top: return { x: middleX, y: top - 0.5, side: anchor.side };
    case Position.Bottom: return { x: middleX, y: height - bottom + 0.5, side: anchor.side };
  }
}

/** An edge with both ends placed, in the picture's coordinates. */
export interface PlacedEdge {
  readonly edge: DiagramEdge;
  readonly sourceX: number;
  readonly sourceY: number;
  readonly targetX: number;
  readonly targetY: number;
  readonly sourcePosition: Position;
  readonly targetPosition: Position;
  /**
   * Stacking, as React Flow gave its edges: the depth of the deeper end that sits inside a group
   * (0 between top-level nodes). Drawn after the edges below it and under the nodes at that depth,
   * so a Service's edge runs over the hosts' and groups' boxes and under the pods.
   */
  readonly layer: number;
}

/**
 * Each edge's two ends and stacking layer. Nodes come parents first (toFlow's order), so one pass
 * gives every node its absolute position. An edge whose node or anchor is missing is left out, as
 * React Flow left out an edge it could not connect.
 */
export function placeEdges(nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): PlacedEdge[] {
  const placed = new Map<string, { readonly node: DiagramNode; readonly x: number; readonly y: number; readonly depth: number }>();
  for (const node of nodes) {
    const parent = node.parentId === undefined ? undefined : placed.get(node.parentId);
    placed.set(node.id, {
      node,
      x: (parent?.x ?? 0) + node.position.x,
      y: (parent?.y ?? 0) + node.position.y,
      depth: parent === undefined ? 0 : parent.depth + 1,
    });
  }
  const out: PlacedEdge[] = [];
  for (const edge of edges) {
    const source = placed.get(edge.source);
    const target = placed.get(edge.target);
    if (source === undefined || target === undefined) continue;
    const from = anchorOf(source.node, edge.sourceHandle, 'source');
    const to = anchorOf(target.node, edge.targetHandle, 'target');
    if (from === undefined || to === undefined) continue;
    out.push({
      edge,
      sourceX: source.x + from.x,
      sourceY: source.y + from.y,
      targetX: target.x + to.x,
      targetY: target.y + to.y,
      sourcePosition: from.side,
      targetPosition: to.side,
      layer: Math.max(source.depth, target.depth),
    });
  }
  return out;
}
