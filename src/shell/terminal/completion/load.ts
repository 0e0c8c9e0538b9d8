/**
 * Completion's candidate finder loads on its own, right after the first prompt: nothing needs it
 * before the first Tab. A Tab pressed before it arrives completes nothing, as a shell still
 * reading its completion scripts would.
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

export function complete(source: CompletionSource, line: string, cursor: number): CompletionResult {
  if (completeLine) return completeLine(source, line, cursor);
  void loadCompletion();
  return { from: cursor, quote: '', typed: '', candidates: [], verbatim: false };
}
