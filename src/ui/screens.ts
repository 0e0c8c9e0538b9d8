/**
 * Where window.kubeplay.screen(node) reads from: each mounted terminal view registers a reader
 * of its xterm buffer. Before a view exists, the session's own transcript gives the same text.
 */
import type { AppStore, NodeName } from '../store';

export interface TerminalViewHandle {
  /** Scrollback + viewport text, wrapped rows joined into logical lines; undefined while no xterm is mounted. */
  read(): string | undefined;
  /** Focuses the terminal; false when it could not take the focus (not mounted yet, or hidden). */
  focus(): boolean;
}

const views = new Map<NodeName, TerminalViewHandle>();

export function registerTerminalView(node: NodeName, view: TerminalViewHandle): () => void {
  views.set(node, view);
  return () => {
    if (views.get(node) === view) views.delete(node);
  };
}

/** True when the node's terminal now has the keyboard focus. */
export function focusTerminal(node: NodeName): boolean {
  return views.get(node)?.focus() ?? false;
}

// Where "Back to the lesson" (after each terminal) returns keyboard focus: the run button of the
// block that last typed into a terminal, else the lesson's title.
let lessonPlace: HTMLElement | null = null;

export function rememberLessonPlace(element: HTMLElement | null): void {
  lessonPlace = element;
}

export function focusLessonPlace(): void {
  const target = lessonPlace?.isConnected ? lessonPlace : document.querySelector<HTMLElement>('[data-testid="lesson"] h1');
  if (target && !target.hasAttribute('tabindex') && target.tagName === 'H1') target.setAttribute('tabindex', '-1');
  target?.focus();
}

export function readScreen(store: AppStore, node: NodeName): string {
  const text = views.get(node)?.read();
  if (text !== undefined) return text;
  return store.getState().playground?.terminal(node).session.transcript() ?? '';
}
