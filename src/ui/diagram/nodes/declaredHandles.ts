/**
 * Each node's handles declared up front (React Flow's `node.handles`), from the fixed geometry: React
 * Flow then draws the edges in the same pass as the nodes, instead of waiting for a ResizeObserver
 * to measure every handle and rendering again. With 300 edges that wait and second pass were most of
 * the first render. React Flow still measures the handles afterwards and keeps what it measures: the
 * declared points are where `.kp-dg-handle` lands (centred on each side of the node's inner box, inside
 * its border: `BORDERS` repeats diagram.css), so that measurement changes no edge and redraws nothing.
 */
import { Position, type NodeHandle } from '@xyflow/react';
import { HANDLES } from '../edges';
import type { DiagramNode } from '../types';

/** Border widths (top, right, bottom, left) of each type's inner box, which the handles sit inside (diagram.css). */
const BORDERS = {
  pod: [1, 1, 1, 6],
  container: [1, 1, 1, 6],
  aggregate: [1, 1, 1, 1],
  host: [2, 2, 2, 2],
  service: [2, 2, 2, 2],
} as const;

const declared = new WeakMap<DiagramNode, DiagramNode>();

/** `node` with its handles (the same object back for the same node, so React Flow sees no change). */
export function withDeclaredHandles(node: DiagramNode): DiagramNode {
  const known = declared.get(node);
  if (known !== undefined) return known;
  const handles = handlesOf(node);
  const result = handles === undefined ? node : ({ ...node, handles } as DiagramNode);
  declared.set(node, result);
  return result;
}

function handlesOf(node: DiagramNode): NodeHandle[] | undefined {
  const { width, height } = node;
  if (width === undefined || height === undefined || node.type === 'section' || node.type === 'agent') return undefined;
  const [top, right, bottom, left] = BORDERS[node.type];
  const at = (id: string, type: 'source' | 'target', position: Position): NodeHandle => {
    // React Flow's handle styles: 1×1 (ours), at 0 or 100 % of the padding box, or its middle, centred on that point.
    const x = position === Position.Left ? left : position === Position.Right ? width - right : left + (width - left - right) / 2;
    const y = position === Position.Top ? top : position === Position.Bottom ? height - bottom : top + (height - top - bottom) / 2;
    return { id, type, position, x: x - 0.5, y: y - 0.5, width: 1, height: 1 };
  };
  const sides = [
    at(HANDLES.in, 'target', Position.Left),
    at(HANDLES.out, 'source', Position.Right),
    at(HANDLES.inRight, 'target', Position.Right),
    at(HANDLES.outLeft, 'source', Position.Left),
  ];
  switch (node.type) {
    case 'pod':
    case 'aggregate':
    case 'container':
      return sides;
    case 'host':
      return [...sides, at(HANDLES.inTop, 'target', Position.Top), at(HANDLES.outBottom, 'source', Position.Bottom)];
    case 'service':
      return [at(HANDLES.outBottom, 'source', Position.Bottom)];
  }
}
