/**
 * Status colours from the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies), each paired with a glyph and a border style so that colour is never the only cue.
 * The text a badge shows is always kubectl's own status word; the glyph and border repeat the category.
 */
import type { PodCategory } from './podStatus';

export interface CategoryStyle {
  /** Legend wording. */
  readonly label: string;
  /** A shape cue shown before the status text (hidden from screen readers: the text says it). */
  readonly glyph: string;
  /** Okabe–Ito colour for the border stripe. */
  readonly color: string;
  /** A light tint of that colour behind dark text (contrast stays above 4.5:1). */
  readonly tint: string;
  readonly border: 'solid' | 'dashed' | 'dotted' | 'double';
}

export const CATEGORY_ORDER: readonly PodCategory[] = ['pending', 'starting', 'running', 'ready', 'terminating', 'failed', 'completed'];

export const CATEGORY_STYLES: Readonly<Record<PodCategory, CategoryStyle>> = {
  pending: { label: 'Pending', glyph: '◌', color: '#7a7a7a', tint: '#ededed', border: 'dashed' },
  starting: { label: 'Starting (ContainerCreating, Init)', glyph: '◔', color: '#56b4e9', tint: '#ddf0fb', border: 'dotted' },
  running: { label: 'Running, not ready', glyph: '◑', color: '#e69f00', tint: '#fbecc7', border: 'solid' },
  ready: { label: 'Running, ready', glyph: '●', color: '#009e73', tint: '#cdeee3', border: 'solid' },
  terminating: { label: 'Terminating', glyph: '◍', color: '#cc79a7', tint: '#f5e1ec', border: 'dashed' },
  failed: { label: 'Failed / CrashLoopBackOff', glyph: '✕', color: '#d55e00', tint: '#f7dccb', border: 'double' },
  completed: { label: 'Completed', glyph: '✓', color: '#0072b2', tint: '#d3e6f3', border: 'solid' },
};

/** Node (host) badges reuse the same cues: Ready is "ready", NotReady is "running, not ready". */
export const NODE_BADGE_STYLES = {
  ready: CATEGORY_STYLES.ready,
  notReady: CATEGORY_STYLES.running,
  outside: CATEGORY_STYLES.pending,
} as const;

/** The weave-net overlay and data-flow edges. */
export const OVERLAY_COLOR = '#0072b2';
export const FLOW_COLOR = '#cc79a7';
