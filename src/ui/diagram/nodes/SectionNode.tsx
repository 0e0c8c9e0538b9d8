/** A titled box inside a host (the control plane, compose containers) or the pending lane. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { SectionFlowNode } from '../types';

export const SectionNode = memo(function SectionNode({ data }: NodeProps<SectionFlowNode>) {
  return (
    <div className={`kp-dg-section kp-dg-section-${data.kind}${data.highlighted ? ' kp-dg-highlighted' : ''}`}>
      <div className="kp-dg-section-title" aria-hidden="true">{data.title}</div>
    </div>
  );
});
