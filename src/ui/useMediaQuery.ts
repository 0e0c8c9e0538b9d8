import { useSyncExternalStore } from 'react';

/** Subscribes to a CSS media query (layout switches, reduced motion). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

// Two terminals side by side need room for kubectl's tables (about 80 columns each).
export const WIDE_LAYOUT = '(min-width: 1600px)';
export const PHONE_LAYOUT = '(max-width: 699px)';
// Where the terminal gets an on-screen key bar: narrow screens, and any screen touched with a finger.
export const KEY_BAR = '(max-width: 699px), (pointer: coarse)';
export const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
