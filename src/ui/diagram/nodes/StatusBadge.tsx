/**
 * A status as text with a shape cue before it and the category's colour behind it: the word is what
 * kubectl prints, the glyph and colour repeat it for a quick glance (never colour alone).
 */
import { CATEGORY_STYLES } from '../palette';
import type { PodCategory } from '../podStatus';

export function StatusBadge({ category, text }: { readonly category: PodCategory; readonly text: string }) {
  return (
    <span className={`kp-dg-badge kp-dg-cat-${category}`}>
      <span className="kp-dg-glyph" aria-hidden="true">{CATEGORY_STYLES[category].glyph}</span>
      {text}
    </span>
  );
}
