/** A docker-compose container running straight on a host (DockerCoins before Kubernetes). */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ContainerFlowNode } from '../types';
import { Handles } from './Handles';
import { StatusBadge } from './StatusBadge';

export const ContainerNode = memo(function ContainerNode({ data }: NodeProps<ContainerFlowNode>) {
  return (
    <div className={`kp-dg-pod kp-dg-container kp-dg-cat-${data.category}${data.highlighted ? ' kp-dg-highlighted' : ''}`} title={data.name}>
      <Handles />
      <div className="kp-dg-pod-body" aria-hidden="true">
        <div className="kp-dg-pod-title">container</div>
        <div className="kp-dg-pod-name">{data.name}</div>
        <div className="kp-dg-pod-meta">
          <StatusBadge category={data.category} text={data.status} />
        </div>
      </div>
    </div>
  );
});
