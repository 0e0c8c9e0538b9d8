/**
 * What the colours, glyphs and lines mean; the same cues the nodes use. Entries for Services,
 * packets, rolling updates and highlights appear only while the picture shows one, so the legend
 * stays short during the first lessons.
 */
import { memo } from 'react';
import { CATEGORY_ORDER, CATEGORY_STYLES } from './palette';
import type { Flow } from './types';

export interface LegendExtras {
  readonly services: boolean;
  readonly packets: boolean;
  readonly rollout: boolean;
  readonly highlight: boolean;
}

export function legendExtras(flow: Flow): LegendExtras {
  return {
    services: flow.nodes.some((n) => n.type === 'service'),
    packets: flow.edges.some((e) => e.data?.kind === 'packet'),
    rollout: flow.nodes.some((n) => n.type === 'pod' && n.data.revision !== undefined),
    highlight: flow.nodes.some((n) => n.data.highlighted),
  };
}

export const Legend = memo(function Legend({ services, packets, rollout, highlight, highlightWords }: LegendExtras & { readonly highlightWords: string }) {
  return (
    <ul className="kp-dg-legend" aria-label="Legend">
      {CATEGORY_ORDER.map((category) => (
        <li key={category}>
          <span className={`kp-dg-swatch kp-dg-cat-${category}`} aria-hidden="true">{CATEGORY_STYLES[category].glyph}</span>
          {CATEGORY_STYLES[category].label}
        </li>
      ))}
      <li>
        <span className="kp-dg-swatch-line" aria-hidden="true" />
        pod network (weave-net overlay)
      </li>
      {services && (
        <li>
          <span className="kp-dg-swatch-line kp-dg-swatch-service" aria-hidden="true" />
          Service → its endpoint pods (dotted: not ready; moving, or dashed under reduced motion: requests)
        </li>
      )}
      {packets && (
        <li>
          <span className="kp-dg-swatch-packet" aria-hidden="true" />
          packet crossing the pod network
        </li>
      )}
      {rollout && (
        <li>
          <span className="kp-dg-rev kp-dg-rev-new" aria-hidden="true">▲ new</span>
          <span className="kp-dg-rev kp-dg-rev-old" aria-hidden="true">▽ old</span>
          ReplicaSet during a rolling update
        </li>
      )}
      {highlight && (
        <li>
          <span className="kp-dg-hl-tag kp-dg-hl-tag-inline" aria-hidden="true"><span className="kp-dg-hl-star">★</span> {highlightWords}</span>
          what the current step points at
        </li>
      )}
    </ul>
  );
});
