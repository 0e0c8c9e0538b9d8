/**
 * A Service: kubectl get svc's TYPE, CLUSTER-IP and PORT(S), and how many pods answer. A Service
 * with no ready endpoint gets a dashed border and a hollow glyph (kube-proxy rejects its connections).
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ServiceFlowNode } from '../types';
import { HighlightTag } from './HighlightTag';

export const ServiceNode = memo(function ServiceNode({ data }: NodeProps<ServiceFlowNode>) {
  return (
    <div
      className={`kp-dg-service${data.serving ? '' : ' kp-dg-service-idle'}${data.highlighted ? ' kp-dg-highlighted' : ''}`}
      title={`${data.namespace}/${data.name}: ${data.type} ${data.clusterIP} ${data.ports}`}
    >
      <HighlightTag on={data.highlighted} />
      <div className="kp-dg-pod-body" aria-hidden="true">
        <div className="kp-dg-pod-title">service · {data.type}</div>
        <div className="kp-dg-pod-name">{data.name}</div>
        <div className="kp-dg-pod-ip">{data.clusterIP} · {data.ports}</div>
        <div className="kp-dg-service-endpoints">
          <span className="kp-dg-glyph">{data.serving ? '⇉' : '⊘'}</span> {data.summary}
        </div>
      </div>
    </div>
  );
});
