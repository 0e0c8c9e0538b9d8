/**
 * Waiting for the model: a request's answer arrives from a timer on the virtual clock, at an
 * instant the command cannot know in advance (rng's queue decides). The process blocks on it and
 * resumes in that very timer, so output and later requests happen at the same virtual times on
 * every run, whatever the page's frame rate.
 */
import type { Effect } from '../../types';
import type { InternalEffect, Waitable } from '../../runtime/effects';

/** Starts something that calls back once, and waits for the value. */
export function* awaitCallback<T>(start: (done: (value: T) => void) => void): Generator<Effect, T, unknown> {
  let settled = false;
  let value: T | undefined;
  const listeners = new Set<() => void>();
  start((v) => {
    if (settled) return;
    settled = true;
    value = v;
    for (const cb of [...listeners]) cb();
  });
  if (!settled) {
    const source: Waitable = {
      ready: () => settled,
      subscribe(cb) {
        listeners.add(cb);
        return () => {
          listeners.delete(cb);
        };
      },
    };
    const effect: InternalEffect = { kind: 'wait-io', source };
    // The runtime's own wait: internal effects travel through command generators typed with Effect.
    yield effect as unknown as Effect;
  }
  return value as T;
}
