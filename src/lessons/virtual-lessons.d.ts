/**
 * The module scripts/lessons/vite-plugin.ts generates at build time: the catalogue of built-in
 * lessons (small, in the first bundle) and a loader that fetches one compiled lesson as its own
 * chunk (the lesson text is not in the first-prompt bundle).
 */
// An ambient module can't `import` by relative path (TS2439), so its types are import() types.
/* eslint-disable @typescript-eslint/consistent-type-imports */
declare module 'virtual:kubeplay-lessons' {
  /** Every built-in lesson in every language, sorted by order then language. */
  export const catalogue: readonly import('./model').CatalogueEntry[];
  /** Rejects with an Error when no such lesson exists. */
  export function loadLesson(lang: import('./model').Lang, id: string): Promise<import('./model').CompiledLesson>;
}
