/**
 * A pod: its name, kubectl's STATUS with a glyph and colour for the category, READY, and the pod IP
 * on a line of its own (an IP is as wide as a status badge). The line above the name says what it
 * is: a control-plane component's plain words ("API server"), or the workload of a pod shown on its
 * own ("kube-proxy daemonset"); during a rolling update a tag says which ReplicaSet it comes from
 * ("▲ new · rev 2", "▽ old · rev 1": a shape and a word, the colour only repeats them).
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { PodFlowNode } from '../types';
import { HighlightTag } from './HighlightTag';
import { StatusBadge } from './StatusBadge';

export const PodNode = memo(function PodNode({ data }: NodeProps<PodFlowNode>) {
  const status = data.restarts > 0 ? `${data.status} · ${data.restarts}↻` : data.status;
  const revision = data.revision;
  return (
    <div className={`kp-dg-pod kp-dg-cat-${data.category}${data.highlighted ? ' kp-dg-highlighted' : ''}`} title={`${data.namespace}/${data.name}`}>
      <HighlightTag on={data.highlighted} />
      <div className="kp-dg-pod-body" aria-hidden="true">
        {(data.title !== undefined || revision !== undefined) && (
          <div className="kp-dg-pod-title">
            {data.title}
            {revision !== undefined && (
              <span className={`kp-dg-rev kp-dg-rev-${revision.current ? 'new' : 'old'}`}>{revision.current ? '▲' : '▽'} {revision.label}</span>
            )}
          </div>
        )}
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
