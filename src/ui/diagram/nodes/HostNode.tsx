/**
 * A machine (node1, node2): name, IP, role and a Ready/NotReady badge, or "not in a cluster" before
 * kubeadm init/join. Its pods are separate React Flow nodes drawn inside it (parentId). The visible
 * text is hidden from screen readers because the node's aria-label already says all of it.
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { HostFlowNode } from '../types';
import type { PodCategory } from '../podStatus';
import { HighlightTag } from './HighlightTag';
import { StatusBadge } from './StatusBadge';

function badgeCategory(data: HostFlowNode['data']): PodCategory {
  if (data.membership !== 'member') return 'pending';
  return data.ready ? 'ready' : 'running';
}

export const HostNode = memo(function HostNode({ data }: NodeProps<HostFlowNode>) {
  const details = [data.ip, data.role].filter((d) => d !== undefined).join(' · ');
  return (
    <div className={`kp-dg-host kp-dg-host-${data.membership}${data.highlighted ? ' kp-dg-highlighted' : ''}`}>
      <HighlightTag on={data.highlighted} />
      <div className="kp-dg-host-header" aria-hidden="true">
        <div className="kp-dg-host-line">
          <span className="kp-dg-host-name">{data.name}</span>
          <StatusBadge category={badgeCategory(data)} text={data.badge} />
        </div>
        {details !== '' && <div className="kp-dg-host-details">{details}</div>}
      </div>
    </div>
  );
});
