/**
 * Completion's candidate finder loads on its own, right after the first prompt: nothing needs it
 * before the first Tab. The terminal session holds a Tab pressed before it arrives (and the keys
 * after it) until it is there (`whenCompletionLoaded`); `complete` itself answers nothing then.
 */
import type { CompletionResult, CompletionSource } from './candidates';

type CompleteLine = (source: CompletionSource, line: string, cursor: number) => CompletionResult;

let completeLine: CompleteLine | undefined;
let loading: Promise<void> | undefined;

export function loadCompletion(): Promise<void> {
  loading ??= import('./candidates').then((m) => {
    completeLine = m.completeLine;
  });
  return loading;
}

/** Undefined once completion can answer; else its loading, started now. */
export function whenCompletionLoaded(): Promise<void> | undefined {
  return completeLine ? undefined : loadCompletion();
}

export function complete(source: CompletionSource, line: string, cursor: number): CompletionResult {
  if (completeLine) return completeLine(source, line, cursor);
  void loadCompletion();
  return { from: cursor, quote: '', typed: '', candidates: [], verbatim: false };
}
