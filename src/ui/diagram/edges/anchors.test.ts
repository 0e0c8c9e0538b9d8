import { describe, expect, it } from 'vitest';
import { Position } from '@xyflow/react';
import { toFlow } from '../toFlow';
import { webCluster, webPods, webSix, WEB_RS } from '../testing/web';
import type { DiagramEdge, DiagramNode } from '../types';
import { anchorOf, placeEdges } from './anchors';

const flow = toFlow(webSix(), { reducedMotion: false, direction: 'row', lang: 'en' });
const byId = new Map(flow.nodes.map((n) => [n.id, n]));

/** A node's top-left corner in the picture: its position plus its parents'. */
function absolute(node: DiagramNode): { x: number; y: number } {
  const parent = node.parentId === undefined ? undefined : byId.get(node.parentId);
  const base = parent === undefined ? { x: 0, y: 0 } : absolute(parent);
  return { x: base.x + node.position.x, y: base.y + node.position.y };
}

describe('anchorOf: where an edge meets a node', () => {
  const pod = toFlow(webCluster({ pods: webPods(2, WEB_RS.v1, 'both') })).nodes.find((n) => n.type === 'pod')!;

  it("puts a pod's side anchors on its inner box's edges, halfway down (212×76, a 6 px stripe on the left)", () => {
    expect([pod.width, pod.height]).toEqual([212, 76]);
    expect(anchorOf(pod, 'in', 'target')).toEqual({ x: 5.5, y: 38, side: Position.Left });
    expect(anchorOf(pod, 'out', 'source')).toEqual({ x: 211.5, y: 38, side: Position.Right });
    expect(anchorOf(pod, 'in-right', 'target')).toEqual({ x: 211.5, y: 38, side: Position.Right });
    expect(anchorOf(pod, 'out-left', 'source')).toEqual({ x: 5.5, y: 38, side: Position.Left });
  });

  it('offers nothing an edge cannot use: a target anchor as a source, top and bottom on a pod, anything on a group', () => {
    expect(anchorOf(pod, 'in', 'source')).toBeUndefined();
    expect(anchorOf(pod, 'out-bottom', 'source')).toBeUndefined();
    expect(anchorOf(pod, 'nowhere', 'target')).toBeUndefined();
    expect(anchorOf(flow.nodes.find((n) => n.type === 'section')!, 'in', 'target')).toBeUndefined();
  });
});

describe('placeEdges: both ends in the picture, and the stacking layer', () => {
  const placed = placeEdges(flow.nodes, flow.edges);

  it('places every edge of the picture (the overlay and the Services to their pods)', () => {
    expect(placed.map((p) => p.edge.id)).toEqual(flow.edges.map((e) => e.id));
    expect(placed.some((p) => p.edge.data?.kind === 'overlay')).toBe(true);
    expect(placed.filter((p) => p.edge.source === 'svc/default/web')).toHaveLength(6);
  });

  it("adds up the parents' positions: a Service edge leaves the middle of the Service's bottom and enters the pod's side", () => {
    const edge = placed.find((p) => p.edge.source === 'svc/default/web')!;
    const service = byId.get('svc/default/web')!;
    const pod = byId.get(edge.edge.target)!;
    expect(pod.parentId).toBeDefined();
    const s = absolute(service);
    const t = absolute(pod);
    expect([edge.sourceX, edge.sourceY, edge.sourcePosition]).toEqual([s.x + service.width! / 2, s.y + service.height! - 2 + 0.5, Position.Bottom]);
    expect(edge.targetY).toBe(t.y + 38);
    expect([t.x + 5.5, t.x + 211.5]).toContain(edge.targetX);
  });

  it('stacks an edge at the depth of its deeper end: the overlay between hosts at 0, a Service to a pod in a workload at 2', () => {
    expect(placed.find((p) => p.edge.data?.kind === 'overlay')!.layer).toBe(0);
    const toPod = placed.find((p) => p.edge.source === 'svc/default/web')!;
    expect(byId.get(byId.get(toPod.edge.target)!.parentId!)!.parentId).toMatch(/^node\//);
    expect(toPod.layer).toBe(2);
  });

  it('leaves out an edge whose node is not on the picture or whose anchor the node does not offer', () => {
    const edge = flow.edges[0]!;
    const broken: DiagramEdge[] = [
      { ...edge, id: 'gone', source: 'pod/default/gone' },
      { ...edge, id: 'wrong-side', sourceHandle: 'in' },
    ];
    expect(placeEdges(flow.nodes, [...broken, edge]).map((p) => p.edge.id)).toEqual([edge.id]);
  });
});
