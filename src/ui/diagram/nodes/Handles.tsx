/**
 * Invisible connection points. React Flow draws an edge only between handles, so every node that an
 * edge may touch renders them: left/right for flows, Service edges, packets and the side-by-side
 * overlay (both directions on each side: a packet from node2 to node1 leaves by the left), top/bottom
 * for the stacked (phone) layout and for Services. Nobody can drag a connection out of them
 * (nodesConnectable is off).
 */
import { Handle, Position } from '@xyflow/react';
import { HANDLES } from '../edges';

export function Handles({ vertical = false }: { readonly vertical?: boolean }) {
  return (
    <>
      <Handle type="target" position={Position.Left} id={HANDLES.in} isConnectable={false} className="kp-dg-handle" />
      <Handle type="source" position={Position.Right} id={HANDLES.out} isConnectable={false} className="kp-dg-handle" />
      <Handle type="target" position={Position.Right} id={HANDLES.inRight} isConnectable={false} className="kp-dg-handle" />
      <Handle type="source" position={Position.Left} id={HANDLES.outLeft} isConnectable={false} className="kp-dg-handle" />
      {vertical && (
        <>
          <Handle type="target" position={Position.Top} id={HANDLES.inTop} isConnectable={false} className="kp-dg-handle" />
          <Handle type="source" position={Position.Bottom} id={HANDLES.outBottom} isConnectable={false} className="kp-dg-handle" />
        </>
      )}
    </>
  );
}
