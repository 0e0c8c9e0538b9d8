/**
 * A pod: its name, kubectl's STATUS with a glyph and colour for the category, READY, and the pod IP
 * on a line of its own (an IP is as wide as a status badge).
 * Control-plane pods carry a plain-words title ("API server") above the name.
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { PodFlowNode } from '../types';
import { Handles } from './Handles';
import { StatusBadge } from './StatusBadge';

export const PodNode = memo(function PodNode({ data }: NodeProps<PodFlowNode>) {
  const status = data.restarts > 0 ? `${data.status} · ${data.restarts}↻` : data.status;
  return (
    <div className={`kp-dg-pod kp-dg-cat-${data.category}${data.highlighted ? ' kp-dg-highlighted' : ''}`} title={`${data.namespace}/${data.name}`}>
      <Handles />
      <div className="kp-dg-pod-body" aria-hidden="true">
        {data.title !== undefined && <div className="kp-dg-pod-title">{data.title}</div>}
        <div className="kp-dg-pod-name">{data.name}</div>
        <div className="kp-dg-pod-meta">
          <StatusBadge category={data.category} text={status} />
          <span className="kp-dg-pod-ready">{data.ready}</span>
        </div>
        {data.ip !== undefined && <div className="kp-dg-pod-ip">{data.ip}</div>}
      </div>
    </div>
  );
});
