/**
 * Where window.kubeplay.screen(node) reads from: each mounted terminal view registers a reader
 * of its xterm buffer. Before a view exists, the buffered output, stripped of escape sequences,
 * is the best available picture.
 */
import type { AppStore, NodeName } from '../store';

const readers = new Map<NodeName, () => string>();

export function registerScreenReader(node: NodeName, read: () => string): () => void {
  readers.set(node, read);
  return () => {
    if (readers.get(node) === read) readers.delete(node);
  };
}

export function readScreen(store: AppStore, node: NodeName): string {
  const reader = readers.get(node);
  if (reader) return reader();
  const written = store.getState().playground?.terminal(node).written ?? '';
  return stripAnsi(written).replace(/\r\n/g, '\n').replace(/\r/g, '');
}

/** Removes CSI and OSC sequences (what a screen would not show as text). */
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '').replace(/\x1b[@-Z\\-_]/g, '');
}
