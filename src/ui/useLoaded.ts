import { useEffect, useState } from 'react';

export type Loaded<T> = { readonly state: 'waiting' } | { readonly state: 'ready'; readonly value: T } | { readonly state: 'failed'; readonly error: string };

/**
 * A lazily loaded module's default export, once it has arrived (and `enabled`). Unlike React.lazy
 * under Suspense, what it renders appears in the render right after it arrives: React holds back a
 * Suspense boundary's content until 300 ms after its fallback showed (its reveal throttle), and that
 * kept the lesson text, the page's largest paint, off screen for ~250 ms after it was ready
 * (docs/performance.md, Lighthouse). A failed load is returned, not thrown, so the caller says so in
 * place instead of the whole page going blank.
 */
export function useLoaded<T>(load: () => Promise<{ default: T }>, enabled: boolean): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'waiting' });
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    load().then(
      (module) => { if (live) setLoaded({ state: 'ready', value: module.default }); },
      (error: unknown) => { if (live) setLoaded({ state: 'failed', error: error instanceof Error ? error.message : String(error) }); },
    );
    return () => { live = false; };
  }, [load, enabled]);
  return loaded;
}
