/** What the colours, glyphs and lines mean; the same cues the nodes use. */
import { memo } from 'react';
import { CATEGORY_ORDER, CATEGORY_STYLES } from './palette';

export const Legend = memo(function Legend() {
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
    </ul>
  );
});
