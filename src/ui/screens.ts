/**
 * Where window.kubeplay.screen(node) reads from: each mounted terminal view registers a reader
 * of its xterm buffer. Before a view exists, the session's own transcript gives the same text.
 */
import type { AppStore, NodeName } from '../store';

export interface TerminalViewHandle {
  /** Scrollback + viewport text, wrapped rows joined into logical lines; undefined while no xterm is mounted. */
  read(): string | undefined;
  focus(): void;
}

const views = new Map<NodeName, TerminalViewHandle>();

export function registerTerminalView(node: NodeName, view: TerminalViewHandle): () => void {
  views.set(node, view);
  return () => {
    if (views.get(node) === view) views.delete(node);
  };
}

export function focusTerminal(node: NodeName): void {
  views.get(node)?.focus();
}

export function readScreen(store: AppStore, node: NodeName): string {
  const text = views.get(node)?.read();
  if (text !== undefined) return text;
  return store.getState().playground?.terminal(node).session.transcript() ?? '';
}
