/**
 * Where window.kubeplay.screen(node) reads from: each mounted terminal view registers a reader
 * of its xterm buffer. Before a view exists, the buffered output, stripped of escape sequences,
 * is the best available picture.
 */
import type { AppStore, NodeName } from '../store';

export interface TerminalViewHandle {
  /** Scrollback + viewport text, wrapped rows joined into logical lines. */
  read(): string;
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
  const view = views.get(node);
  if (view) return view.read();
  const written = store.getState().playground?.terminal(node).written ?? '';
  return stripAnsi(written).replace(/\r\n/g, '\n').replace(/\r/g, '');
}

/** Removes CSI and OSC sequences (what a screen would not show as text). */
export function stripAnsi(text: string): string {
  // Escape sequences are control characters by definition: matching them is the point here.
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '').replace(/\x1b[@-Z\\-_]/g, '');
}
