/**
 * Edges: the pod-network overlay between hosts and data-flow edges (traffic), with the animation
 * budget. React Flow animates an edge by moving a dashed stroke; measured on a 2-core machine the
 * frame rate holds up to about 200 such edges and collapses beyond, so no picture ever animates
 * more than MAX_ANIMATED_EDGES, and none at all under prefers-reduced-motion.
 */
import { dashDuration } from './containers';
import type { OverlayView } from './overlay';
import type { DataFlowInput, DiagramEdge, LabelSlot, LayoutDirection } from './types';
import { hostId } from './model';

export const MAX_ANIMATED_EDGES = 200;

/** Handle ids every node component renders (see nodes/Handles.tsx). */
export const HANDLES = {
  out: 'out',
  in: 'in',
  outBottom: 'out-bottom',
  inTop: 'in-top',
} as const;

interface EdgeDraft {
  readonly edge: Omit<DiagramEdge, 'animated' | 'data'>;
  readonly kind: 'overlay' | 'flow';
  /** Whether the picture would like it to move. */
  readonly wantsMotion: boolean;
  /** Seconds per dash period, for flows with a measured rate. */
  readonly duration?: number;
  readonly labelSlot?: LabelSlot;
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

/**
 * Grants animation in order (overlay first, then flows as given) until the budget runs out; the rest
 * are drawn still, with `stilled` set so the style can show them as active but not moving.
 */
export function applyAnimationBudget(drafts: readonly EdgeDraft[], reducedMotion: boolean, budget = MAX_ANIMATED_EDGES): DiagramEdge[] {
  let left = reducedMotion ? 0 : Math.max(0, budget);
  return drafts.map(({ edge, kind, wantsMotion, duration, labelSlot }) => {
    const animated = wantsMotion && left > 0;
    if (animated) left--;
    return {
      ...edge,
      animated,
      data: { kind, stilled: wantsMotion && !animated, ...(animated && duration !== undefined ? { duration } : {}), ...(labelSlot === undefined ? {} : { labelSlot }) },
    };
  });
}

export function countAnimated(edges: readonly DiagramEdge[]): number {
  return edges.reduce((n, e) => n + (e.animated === true ? 1 : 0), 0);
}
