/**
 * A node agent that runs on the machine itself, not in a pod: the kubelet and the container runtime.
 * Small chips in the host's header, so a lesson can point at "the kubelet on every node".
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { AgentFlowNode } from '../types';
import { HighlightTag } from './HighlightTag';

export const AgentNode = memo(function AgentNode({ data }: NodeProps<AgentFlowNode>) {
  return (
    <div className={`kp-dg-agent kp-dg-agent-${data.agent}${data.highlighted ? ' kp-dg-highlighted' : ''}`}>
      <HighlightTag on={data.highlighted} />
      <span aria-hidden="true"><span className="kp-dg-glyph">{data.agent === 'kubelet' ? '⚙' : '▣'}</span> {data.label}</span>
    </div>
  );
});
