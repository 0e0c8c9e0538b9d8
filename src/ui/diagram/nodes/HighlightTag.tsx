/**
 * The tag on a node a lesson step points at ("★ look here"), drawn with its outline (diagram.css):
 * a shape and a word, not only a colour. Screen readers hear "highlighted" in the node's aria-label
 * instead, so the tag itself is hidden from them.
 */
import { createContext, useContext } from 'react';
import { diagramWords, type DiagramWords } from '../words';

export const DiagramWordsContext = createContext<DiagramWords>(diagramWords());

export function HighlightTag({ on }: { readonly on: boolean }) {
  const words = useContext(DiagramWordsContext);
  if (!on) return null;
  return (
    <span className="kp-dg-hl-tag" aria-hidden="true">
      <span className="kp-dg-hl-star">★</span> {words.highlightTag}
    </span>
  );
}
