/**
 * Hosts side by side when the diagram is wide, stacked when it is narrow (a phone gives the diagram
 * its full 390 px width: two hosts side by side would shrink every label to a few pixels).
 */
import { useCallback, useState, type RefCallback } from 'react';
import type { LayoutDirection } from './types';

/** Below this width (CSS px) hosts stack. */
export const STACK_BELOW_PX = 640;

export function directionForWidth(width: number): LayoutDirection {
  return width < STACK_BELOW_PX ? 'column' : 'row';
}

export function useLayoutDirection(): [RefCallback<HTMLElement>, LayoutDirection] {
  const [direction, setDirection] = useState<LayoutDirection>('row');
  const ref = useCallback((element: HTMLElement | null) => {
    if (element === null) return undefined;
    // A hidden panel (the phone's terminal tab) measures 0: keep the last layout rather than flip.
    const update = (width: number) => {
      if (width > 0) setDirection(directionForWidth(width));
    };
    update(element.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return undefined;
    // Only crossing the threshold changes state, so a window resize costs no re-render.
    const observer = new ResizeObserver((entries) => update(entries[0]?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, direction];
}
