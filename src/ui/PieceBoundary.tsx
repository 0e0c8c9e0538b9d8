import { Component, type ReactNode } from 'react';

/**
 * Around a lazily loaded piece (the diagram, the web UI, the key bar): if its code cannot be loaded
 * (offline after a new version was deployed, a blocked file) or it throws while rendering, that
 * piece shows a short message and the rest of the page — terminals, lesson, progress — stays.
 * Without a boundary React unmounts the whole tree.
 */
export class PieceBoundary extends Component<{ readonly fallback: (error: string) => ReactNode; readonly children: ReactNode }, { readonly error?: string }> {
  override state: { readonly error?: string } = {};

  static getDerivedStateFromError(error: unknown): { error: string } {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    return this.state.error === undefined ? this.props.children : this.props.fallback(this.state.error);
  }
}
