/**
 * Many pods of one workload on one host as one box: its title and a line per kubectl STATUS with how
 * many pods show it ("● Running 480", "◌ Pending 20"), most first. Drawing each of 1,000 pods cost
 * the page its frame budget (docs/performance.md); the table view still lists every pod.
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { AggregateFlowNode } from '../types';
import { HighlightTag } from './HighlightTag';
import { StatusBadge } from './StatusBadge';

export const AggregateNode = memo(function AggregateNode({ data }: NodeProps<AggregateFlowNode>) {
  return (
    <div className={`kp-dg-section kp-dg-section-workload kp-dg-aggregate${data.highlighted ? ' kp-dg-highlighted' : ''}`}>
      <HighlightTag on={data.highlighted} />
      <div className="kp-dg-section-title" aria-hidden="true">{data.title}</div>
      <ul className="kp-dg-aggregate-counts" aria-hidden="true">
        {data.counts.map((c) => (
          <li key={c.status}><StatusBadge category={c.category} text={c.status} /> <span className="kp-dg-aggregate-count">{c.count}</span></li>
        ))}
      </ul>
    </div>
  );
});
