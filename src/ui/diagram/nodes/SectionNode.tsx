/** A titled box: inside a host (the control plane, a workload's pods, compose containers), or a lane (Services, pending pods). */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { SectionFlowNode } from '../types';
import { HighlightTag } from './HighlightTag';

export const SectionNode = memo(function SectionNode({ data }: NodeProps<SectionFlowNode>) {
  return (
    <div className={`kp-dg-section kp-dg-section-${data.kind}${data.highlighted ? ' kp-dg-highlighted' : ''}`}>
      <HighlightTag on={data.highlighted} />
      <div className="kp-dg-section-title" aria-hidden="true">{data.title}</div>
    </div>
  );
});
