/**
 * The blue graph: the area under hashes/second over the page's 250 samples. The SVG stretches to
 * the panel (preserveAspectRatio none, strokes that don't scale); the axis labels are HTML beside
 * it so they keep their size on a phone. The picture is described by `label`; the numbers are in
 * the panel's text alternative.
 */
import { memo, useMemo } from 'react';
import type { SpeedPoint } from '../../store';
import { CHART_HEIGHT, CHART_WIDTH, chartGeometry } from './chartGeometry';

export const SpeedChart = memo(function SpeedChart({ points, label }: { readonly points: readonly SpeedPoint[]; readonly label: string }) {
  const geometry = useMemo(() => chartGeometry(points), [points]);
  return (
    <div className="kp-webui-chart">
      <div className="kp-webui-axis" aria-hidden="true">
        {geometry.ticks.map((tick) => (
          <span key={tick.value} style={{ top: `${tick.top * 100}%` }}>{tick.label}</span>
        ))}
      </div>
      <svg className="kp-webui-plot" viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={label}>
        {geometry.ticks.map((tick) => (
          <line key={tick.value} className="kp-webui-grid" x1={0} x2={CHART_WIDTH} y1={tick.top * CHART_HEIGHT} y2={tick.top * CHART_HEIGHT} />
        ))}
        <path className="kp-webui-area" d={geometry.area} />
        <path className="kp-webui-line" d={geometry.line} />
      </svg>
    </div>
  );
});
