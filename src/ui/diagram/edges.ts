/**
 * Edges: the pod-network overlay between hosts, packets crossing it, data-flow edges (traffic) and
 * Service → endpoint pod edges, with the animation budget. An edge moves by a dashed stroke moving
 * along it (edges/EdgeLayer.tsx, diagram.css); measured on a 2-core machine the frame rate holds up
 * to about 200 such edges and collapses beyond, so no picture ever animates more than
 * MAX_ANIMATED_EDGES, and none at all under prefers-reduced-motion.
 */
import { dashDuration } from './containers';
import type { OverlayView } from './overlay';
import type { PacketView } from './packets';
import type { DataFlowInput, DiagramEdge, EdgeKind, LabelSlot, LayoutDirection, ServiceRoute } from './types';
import { hostId } from './model';

export const MAX_ANIMATED_EDGES = 200;

/** Handle ids every node component renders (see nodes/Handles.tsx). */
export const HANDLES = {
  out: 'out',
  in: 'in',
  /** A packet going right to left leaves from a node's left side and enters the other's right side. */
  outLeft: 'out-left',
  inRight: 'in-right',
  outBottom: 'out-bottom',
  inTop: 'in-top',
} as const;

export interface EdgeDraft {
  readonly edge: Omit<DiagramEdge, 'animated' | 'data'>;
  readonly kind: EdgeKind;
  /** Whether the picture would like it to move. */
  readonly wantsMotion: boolean;
  /** Seconds per dash period, for flows with a measured rate. */
  readonly duration?: number;
  readonly labelSlot?: LabelSlot;
  readonly route?: ServiceRoute;
  readonly notReady?: boolean;
  readonly highlighted?: boolean;
}

export function overlayEdge(overlay: OverlayView, direction: LayoutDirection): EdgeDraft {
  const row = direction === 'row';
  return {
    kind: 'overlay',
    wantsMotion: true,
    edge: {
      id: overlay.id,
      type: 'link',
      source: hostId(overlay.from),
      target: hostId(overlay.to),
      sourceHandle: row ? HANDLES.out : HANDLES.outBottom,
      targetHandle: row ? HANDLES.in : HANDLES.inTop,
      label: overlay.label,
      ariaLabel: `${overlay.label} between ${overlay.from} and ${overlay.to}`,
    },
  };
}

export function flowEdge(flow: DataFlowInput): EdgeDraft {
  return {
    kind: 'flow',
    wantsMotion: flow.active,
    ...(flow.ratePerSecond === undefined ? {} : { duration: dashDuration(flow.ratePerSecond) }),
    ...(flow.labelSlot === undefined ? {} : { labelSlot: flow.labelSlot }),
    edge: {
      id: flow.id,
      type: 'link',
      source: flow.source,
      target: flow.target,
      sourceHandle: HANDLES.out,
      targetHandle: HANDLES.in,
      ...(flow.label === undefined ? {} : { label: flow.label }),
      ariaLabel: flow.ariaLabel ?? `${flow.label ?? 'traffic'} from ${flow.source} to ${flow.target}${flow.active ? '' : ', idle'}`,
    },
  };
}

export interface ServiceEdgeInput {
  readonly service: { readonly id: string; readonly namespace: string; readonly name: string };
  readonly pod: string;
  /** Which side of the pod the edge enters: the side of the host its column is nearer to. */
  readonly side: 'left' | 'right';
  readonly route: ServiceRoute;
  readonly ready: boolean;
  /** Requests per second through the Service to this pod, as metered. */
  readonly ratePerSecond: number;
  readonly highlighted: boolean;
}

/** A Service to one of its endpoint pods: still unless requests go through it, dotted when not ready. */
export function serviceEdge(input: ServiceEdgeInput): EdgeDraft {
  const { service, pod, side, route, ready, ratePerSecond, highlighted } = input;
  // An aggregate (`workload/<host>/<namespace>/<kind>/<name>`) keeps its whole id in the edge's.
  const aggregate = pod.startsWith('workload/');
  const podName = aggregate ? pod : pod.slice(pod.lastIndexOf('/') + 1);
  const what = aggregate ? `the pods of ${pod.split('/').slice(-2).reverse().join(' ')} on ${pod.split('/')[1] ?? ''}` : `pod ${podName}`;
  const moving = ready && ratePerSecond > 0;
  const traffic = moving ? `, ${ratePerSecond.toFixed(1)} requests per second` : '';
  return {
    kind: 'service',
    wantsMotion: moving,
    ...(moving ? { duration: dashDuration(ratePerSecond) } : {}),
    route,
    ...(ready ? {} : { notReady: true }),
    ...(highlighted ? { highlighted } : {}),
    edge: {
      id: `endpoint/${service.namespace}/${service.name}/${podName}`,
      type: 'link',
      source: service.id,
      target: pod,
      sourceHandle: HANDLES.outBottom,
      targetHandle: side === 'left' ? HANDLES.in : HANDLES.inRight,
      ariaLabel: `service ${service.name} sends to ${what}${ready ? '' : ' (not ready: no traffic)'}${traffic}`,
    },
  };
}

/**
 * A packet's way over the overlay: out of the side of its source that faces the destination's host.
 * Stacked hosts (phones): both ends on the right, the path bulging beside the hosts.
 */
export function packetEdge(packet: PacketView, direction: LayoutDirection, leftToRight: boolean): EdgeDraft {
  const label = packet.label;
  const [sourceHandle, targetHandle] = direction === 'column'
    ? [HANDLES.out, HANDLES.inRight]
    : leftToRight ? [HANDLES.out, HANDLES.in] : [HANDLES.outLeft, HANDLES.inRight];
  return {
    kind: 'packet',
    wantsMotion: true,
    edge: {
      id: packet.id,
      type: 'link',
      source: packet.source,
      target: packet.target,
      sourceHandle,
      targetHandle,
      label,
      ariaLabel: `${label} packet from ${packet.source} on ${packet.sourceHost} to ${packet.target} on ${packet.targetHost}, across the pod network`,
    },
  };
}

/**
 * Grants animation in order (overlay first, then flows as given) until the budget runs out; the rest
 * are drawn still, with `stilled` set so the style can show them as active but not moving.
 */
export function applyAnimationBudget(drafts: readonly EdgeDraft[], reducedMotion: boolean, budget = MAX_ANIMATED_EDGES): DiagramEdge[] {
  let left = reducedMotion ? 0 : Math.max(0, budget);
  return drafts.map(({ edge, kind, wantsMotion, duration, labelSlot, route, notReady, highlighted }) => {
    const granted = wantsMotion && left > 0;
    if (granted) left--;
    return {
      ...edge,
      // A packet moves a dot of its own (edges/EdgeLayer.tsx), not moving dashes.
      animated: granted && kind !== 'packet',
      data: {
        kind,
        stilled: wantsMotion && !granted,
        ...(granted && duration !== undefined ? { duration } : {}),
        ...(labelSlot === undefined ? {} : { labelSlot }),
        ...(route === undefined ? {} : { route }),
        ...(notReady === true ? { notReady } : {}),
        ...(highlighted === true ? { highlighted } : {}),
      },
    };
  });
}

/** Edges that move: moving dashes, and packets' dots. */
export function countAnimated(edges: readonly DiagramEdge[]): number {
  return edges.reduce((n, e) => n + (e.animated === true || (e.data?.kind === 'packet' && !e.data.stilled) ? 1 : 0), 0);
}
