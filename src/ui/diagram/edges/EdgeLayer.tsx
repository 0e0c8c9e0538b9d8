/**
 * Every edge of the picture, drawn by one component: an SVG per stacking layer for the lines and
 * the HTML labels and packet dots beside them. Diagram.tsx portals it into React Flow's viewport, so
 * it pans and zooms with the nodes.
 *
 * Why not React Flow's edges: each of them is a component of its own subscribed to React Flow's
 * store, rendered once the nodes' handles are known and again after React Flow measures them; at
 * 100 pods and 300 edges that was half of the diagram's first render. Here the ends come from the
 * fixed geometry (anchors.ts) and the edges are drawn with the nodes, once.
 *
 * An edge is a `<g class="kp-dg-edge">` named by its id (`data-id`) and described by its
 * aria-label; `kp-dg-animated` marks the ones granted motion (the animation budget, edges.ts).
 */
import { memo, useMemo } from 'react';
import { placeEdges, type PlacedEdge } from './anchors';
import { edgeShape } from './paths';
import type { DiagramEdge, DiagramNode } from '../types';

/** The arrowheads Diagram.tsx defines once for every flow and Service edge. */
export const FLOW_ARROW_ID = 'kp-dg-flow-arrow';
export const SERVICE_ARROW_ID = 'kp-dg-service-arrow';

export interface EdgeLayerProps {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

export const EdgeLayer = memo(function EdgeLayer({ nodes, edges }: EdgeLayerProps) {
  const placed = useMemo(() => placeEdges(nodes, edges), [nodes, edges]);
  const layers = useMemo(() => byLayer(placed), [placed]);
  return (
    <>
      {layers.map(([layer, list]) => (
        // One SVG per layer, stacked like React Flow's edges: above the boxes of shallower nodes, under the nodes at that depth.
        <svg key={layer} className="kp-dg-edges" style={{ zIndex: layer }}>
          {list.map((p) => <EdgeLine key={p.edge.id} placed={p} />)}
        </svg>
      ))}
      {placed.map((p) => <EdgeLabel key={p.edge.id} placed={p} />)}
    </>
  );
});

function byLayer(placed: readonly PlacedEdge[]): [number, PlacedEdge[]][] {
  const layers = new Map<number, PlacedEdge[]>();
  for (const p of placed) layers.set(p.layer, [...(layers.get(p.layer) ?? []), p]);
  return [...layers].sort(([a], [b]) => a - b);
}

const EdgeLine = memo(function EdgeLine({ placed }: { readonly placed: PlacedEdge }) {
  const { edge } = placed;
  const data = edge.data;
  const kind = data?.kind ?? 'flow';
  const { path, moving } = edgeShape(placed);
  const classes = [
    'kp-dg-edge-path',
    `kp-dg-edge-${kind}`,
    data?.stilled === true ? 'kp-dg-edge-stilled' : '',
    data?.notReady === true ? 'kp-dg-edge-notready' : '',
    data?.highlighted === true ? 'kp-dg-edge-highlighted' : '',
  ].filter((c) => c !== '').join(' ');
  const marker = kind === 'flow' ? FLOW_ARROW_ID : kind === 'service' && data?.notReady !== true ? SERVICE_ARROW_ID : undefined;
  const speed = data?.duration === undefined ? undefined : { animationDuration: `${data.duration}s` };
  return (
    <g
      className={`kp-dg-edge${edge.animated === true ? ' kp-dg-animated' : ''}`}
      role="img"
      aria-roledescription="edge"
      aria-label={edge.ariaLabel ?? `Edge from ${edge.source} to ${edge.target}`}
      data-id={edge.id}
    >
      <path
        d={path}
        className={classes}
        fill="none"
        {...(marker === undefined ? {} : { markerEnd: `url(#${marker})` })}
        // A flow's or Service's speed is its moving stretch's; the overlay moves whole.
        {...(speed === undefined || moving !== undefined ? {} : { style: speed })}
      />
      {moving !== undefined && <path d={moving} className={`kp-dg-edge-${kind}-stub`} fill="none" {...(speed === undefined ? {} : { style: speed })} />}
    </g>
  );
});

/** A packet's dot on its way, and the edge's label: HTML over the nodes (their z-index in diagram.css). */
const EdgeLabel = memo(function EdgeLabel({ placed }: { readonly placed: PlacedEdge }) {
  const { edge } = placed;
  const kind = edge.data?.kind ?? 'flow';
  const label = typeof edge.label === 'string' ? edge.label : undefined;
  if (kind !== 'packet' && (label === undefined || label === '')) return null;
  const { path, labelX, labelY, labelPlace } = edgeShape(placed);
  return (
    <>
      {kind === 'packet' && (
        <div className={`kp-dg-packet${edge.data?.stilled === true ? ' kp-dg-packet-still' : ''}`} style={{ offsetPath: `path('${path}')` }} aria-hidden="true" />
      )}
      {label !== undefined && label !== '' && (
        <div className={`kp-dg-edge-label kp-dg-edge-label-${kind}`} style={{ transform: `translate(${labelX}px, ${labelY}px) ${labelPlace}` }} aria-hidden="true">
          {label}
        </div>
      )}
    </>
  );
});
