/**
 * The shape of each edge, from its two placed ends (anchors.ts):
 * - the pod-network overlay between hosts: a straight line;
 * - traffic between containers: a curve, its label by the arrowhead; while it moves, only its last
 *   stretch carries the moving dashes (`curveTail`);
 * - a Service to an endpoint pod: an orthogonal route through the gap above the hosts and their side
 *   margins (`data.route`), so it never runs over another pod; while requests arrive, only the stretch
 *   into the pod moves (`serviceStub`);
 * - a packet crossing the overlay: a curve its dot travels (a CSS motion path).
 * React Flow's path helpers (pure functions) give the straight lines and curves.
 */
import { Position, getBezierPath, getStraightPath } from '@xyflow/react';
import type { PlacedEdge } from './anchors';
import type { ServiceRoute } from '../types';

/** Room for the arrowhead between a flow's label and its target; the height of one stacked label. */
const LABEL_GAP = 12;
const LABEL_ROW = 22;
/** Corner radius of a Service edge's route. */
const CORNER = 6;
/** How far up the margin a Service edge's moving stretch starts (about two dash periods). */
const STUB_RISE = 32;
/** How long a flow's moving stretch is, before its arrowhead (about three dash periods). */
const FLOW_STUB = 48;

export interface EdgeShape {
  /** The whole edge. */
  readonly path: string;
  /** The stretch that moves, for an animated flow or Service edge (the overlay's whole line moves; a packet moves a dot). */
  readonly moving: string | undefined;
  /** The label's anchor point, and how the label sits on it (a CSS transform). */
  readonly labelX: number;
  readonly labelY: number;
  readonly labelPlace: string;
}

export function edgeShape(placed: PlacedEdge): EdgeShape {
  const { edge, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = placed;
  const kind = edge.data?.kind ?? 'flow';
  const route = edge.data?.route;
  const [path, midX, midY] = kind === 'overlay'
    ? getStraightPath({ sourceX, sourceY, targetX, targetY })
    : kind === 'service' && route !== undefined
      ? [servicePath(sourceX, sourceY, targetX, targetY, targetPosition, route), targetX, targetY]
      : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  // Hosts side by side: the label goes above a horizontal line; stacked: to the right of a vertical one.
  // A flow's label sits just before its arrowhead, stacked with the target's other labels.
  const vertical = sourcePosition === Position.Bottom || sourcePosition === Position.Top;
  const slot = edge.data?.labelSlot;
  const [labelX, labelY] = slot === undefined ? [midX, midY] : [targetX - LABEL_GAP, targetY + (slot.index - (slot.count - 1) / 2) * LABEL_ROW];
  const labelPlace = slot !== undefined ? 'translate(-100%, -50%)' : kind === 'packet' || !vertical ? 'translate(-50%, calc(-100% - 6px))' : 'translate(10px, -50%)';
  const moving = edge.animated !== true ? undefined : kind === 'flow' ? curveTail(path, FLOW_STUB) : kind === 'service' && route !== undefined ? serviceStub(targetX, targetY, targetPosition, route) : undefined;
  return { path, moving, labelX, labelY, labelPlace };
}

/** Down to the Service's level, across to its lane in the margin, down beside the pod, into its side. */
export function servicePath(sx: number, sy: number, tx: number, ty: number, targetPosition: Position, route: ServiceRoute): string {
  const busX = targetPosition === Position.Right ? tx + route.bus : tx - route.bus;
  return roundedPath([[sx, sy], [sx, route.trunkY], [busX, route.trunkY], [busX, ty], [tx, ty]], CORNER);
}

/**
 * The last stretch of a Service edge, down the margin and into the pod: where requests arrive. Only
 * this part moves. A moving dash repaints its whole path every frame, and a Service's full routes
 * span the picture: a hundred of them cost most of the frame budget, a hundred short stubs nothing.
 */
export function serviceStub(tx: number, ty: number, targetPosition: Position, route: ServiceRoute): string {
  const busX = targetPosition === Position.Right ? tx + route.bus : tx - route.bus;
  return roundedPath([[busX, ty - STUB_RISE], [busX, ty], [tx, ty]], CORNER);
}

/**
 * The last `length` units (about) of a cubic Bézier `M x,y C x,y x,y x,y` (getBezierPath's shape):
 * a flow's moving stretch, by its arrowhead. Like a Service's stub, only this part moves: a moving
 * dash repaints its path's whole box every frame, and 200 flows' boxes covered most of the picture.
 * Another shape comes back whole.
 */
export function curveTail(path: string, length: number): string {
  const n = path.match(/-?[\d.]+(?:e-?\d+)?/g)?.map(Number) ?? [];
  if (n.length !== 8 || !path.startsWith('M') || n.some((v) => !Number.isFinite(v))) return path;
  const [x0, y0, x1, y1, x2, y2, x3, y3] = n as [number, number, number, number, number, number, number, number];
  const at = (t: number, a: number, b: number, c: number, d: number) => {
    const u = 1 - t;
    return u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
  };
  // Walk back from the end in 24 steps until the chord lengths add up to `length`.
  const STEPS = 24;
  let t = 0;
  let walked = 0;
  for (let i = STEPS; i > 0; i--) {
    const [ta, tb] = [i / STEPS, (i - 1) / STEPS];
    walked += Math.hypot(at(ta, x0, x1, x2, x3) - at(tb, x0, x1, x2, x3), at(ta, y0, y1, y2, y3) - at(tb, y0, y1, y2, y3));
    if (walked >= length) {
      t = tb;
      break;
    }
  }
  // de Casteljau at t: the second half is the tail, with its own control points.
  const lerp = (a: number, b: number) => a + (b - a) * t;
  const [ax, ay, bx, by, cx, cy] = [lerp(x0, x1), lerp(y0, y1), lerp(x1, x2), lerp(y1, y2), lerp(x2, x3), lerp(y2, y3)];
  const [dx, dy, ex, ey] = [lerp(ax, bx), lerp(ay, by), lerp(bx, cx), lerp(by, cy)];
  const [fx, fy] = [lerp(dx, ex), lerp(dy, ey)];
  return `M${fmt(fx)},${fmt(fy)} C${fmt(ex)},${fmt(ey)} ${fmt(cx)},${fmt(cy)} ${fmt(x3)},${fmt(y3)}`;
}

/** A polyline through `points` with each corner rounded (radius capped by the shorter leg); straight runs merge. */
export function roundedPath(points: readonly (readonly [number, number])[], radius: number): string {
  const pts = points.filter((p, i) => i === 0 || p[0] !== points[i - 1]![0] || p[1] !== points[i - 1]![1]);
  const first = pts[0];
  if (first === undefined) return '';
  let d = `M${fmt(first[0])},${fmt(first[1])}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const [px, py] = pts[i - 1]!;
    const [cx, cy] = pts[i]!;
    const [nx, ny] = pts[i + 1]!;
    const inLen = Math.hypot(cx - px, cy - py);
    const outLen = Math.hypot(nx - cx, ny - cy);
    const r = Math.min(radius, inLen / 2, outLen / 2);
    const ax = cx - ((cx - px) / inLen) * r;
    const ay = cy - ((cy - py) / inLen) * r;
    const bx = cx + ((nx - cx) / outLen) * r;
    const by = cy + ((ny - cy) / outLen) * r;
    d += ` L${fmt(ax)},${fmt(ay)} Q${fmt(cx)},${fmt(cy)} ${fmt(bx)},${fmt(by)}`;
  }
  const last = pts[pts.length - 1]!;
  return pts.length === 1 ? d : `${d} L${fmt(last[0])},${fmt(last[1])}`;
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}
