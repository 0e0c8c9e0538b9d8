/**
 * The one edge component: a straight line for the pod-network overlay between hosts, a curve with an
 * arrowhead for traffic (its direction stays readable when nothing moves). React Flow adds the
 * `animated` class (a moving dash) when toFlow grants an animation; a flow's dash period follows its
 * rate (`data.duration`). The label is HTML (it may wrap) and sits beside the line, not over it.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, Position, getBezierPath, getStraightPath, type EdgeProps } from '@xyflow/react';
import type { DiagramEdge } from '../types';

/** The arrowhead Diagram.tsx defines once for every flow edge. */
export const FLOW_ARROW_ID = 'kp-dg-flow-arrow';
/** Room for the arrowhead between a flow's label and its target; the height of one stacked label. */
const LABEL_GAP = 12;
const LABEL_ROW = 22;

export const LinkEdge = memo(function LinkEdge(props: EdgeProps<DiagramEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, data } = props;
  const overlay = data?.kind === 'overlay';
  const [path, labelX, labelY] = overlay
    ? getStraightPath({ sourceX, sourceY, targetX, targetY })
    : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  // Hosts side by side: the label goes above a horizontal line; stacked: to the right of a vertical one.
  // A flow's label sits just before its arrowhead, stacked with the target's other labels.
  const vertical = sourcePosition === Position.Bottom || sourcePosition === Position.Top;
  const slot = data?.labelSlot;
  const [x, y] = slot === undefined ? [labelX, labelY] : [targetX - LABEL_GAP, targetY + (slot.index - (slot.count - 1) / 2) * LABEL_ROW];
  const place = slot !== undefined ? 'translate(-100%, -50%)' : vertical ? 'translate(10px, -50%)' : 'translate(-50%, calc(-100% - 6px))';
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={`kp-dg-edge-${overlay ? 'overlay' : 'flow'}${data?.stilled === true ? ' kp-dg-edge-stilled' : ''}`}
        interactionWidth={0}
        {...(overlay ? {} : { markerEnd: `url(#${FLOW_ARROW_ID})` })}
        {...(data?.duration === undefined ? {} : { style: { animationDuration: `${data.duration}s` } })}
      />
      {label !== undefined && label !== '' && (
        <EdgeLabelRenderer>
          <div
            className={`kp-dg-edge-label kp-dg-edge-label-${overlay ? 'overlay' : 'flow'}`}
            style={{ transform: `translate(${x}px, ${y}px) ${place}` }}
            aria-hidden="true"
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
