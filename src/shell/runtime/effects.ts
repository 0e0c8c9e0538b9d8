/**
 * Effects as the runtime sees them: the public ones commands yield (src/shell/types.ts) plus the
 * few the shell itself needs to block a process on a pipe, on child processes, or to give up the
 * rest of its time slice (loops).
 */
import type { Effect } from '../types';
import type { Process } from './process';

/** Something a process can wait for: it is ready now, or will call back once it may be. */
export interface Waitable {
  ready(): boolean;
  subscribe(cb: () => void): () => void;
}

export type InternalEffect =
  | Effect
  /** Resume when the source has data or reached its end. */
  | { readonly kind: 'wait-io'; readonly source: Waitable }
  /** Resume when every one of these processes has exited. */
  | { readonly kind: 'wait'; readonly procs: readonly Process[] }
  /** Let other processes (and the clock) run; loops yield this once per iteration. */
  | { readonly kind: 'yield' };

/** The interpreter's generators, and every process body. */
export type ShellGen<T = number> = Generator<InternalEffect, T, unknown>;
