/**
 * A docker container running straight on a host (DockerCoins under docker-compose, before
 * Kubernetes): its service as the title, its name as compose's log prefix shows it ("worker_1"), and
 * docker's status ("Up", "Exited (137)") with the category's glyph and colour.
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ContainerFlowNode } from '../types';
import { HighlightTag } from './HighlightTag';
import { StatusBadge } from './StatusBadge';

export const ContainerNode = memo(function ContainerNode({ data }: NodeProps<ContainerFlowNode>) {
  return (
    <div className={`kp-dg-pod kp-dg-container kp-dg-cat-${data.category}${data.highlighted ? ' kp-dg-highlighted' : ''}`} title={data.name}>
      <HighlightTag on={data.highlighted} />
      <div className="kp-dg-pod-body" aria-hidden="true">
        <div className="kp-dg-pod-title">{data.service ?? 'container'}</div>
        <div className="kp-dg-pod-name">{data.label}</div>
        <div className="kp-dg-pod-meta">
          <StatusBadge category={data.category} text={data.status} />
        </div>
      </div>
    </div>
  );
});
