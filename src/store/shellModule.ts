/**
 * The shell's parser, interpreter, builtins and commands load right after the first prompt is on
 * screen (docs/performance.md): until then a terminal talks to a deferred shell that only knows
 * its prompt. Loading starts when the store asks (once the prompt is painted), so it never competes
 * with the first frame; restoring a saved session asks at once.
 */
import type * as Shell from '../shell';

type ShellModule = typeof Shell;

let loaded: ShellModule | undefined;
let loading: Promise<ShellModule> | undefined;
let requested: () => void = () => {};
const request = new Promise<void>((resolve) => {
  requested = resolve;
});

/** Starts loading now (and lets every waiting deferred shell have it). */
export function loadShellModule(): Promise<ShellModule> {
  requested();
  loading ??= import('../shell').then((m) => (loaded = m));
  return loading;
}

/** The module, once someone has asked for it: what a deferred shell waits on. */
export function shellModuleWhenRequested(): Promise<ShellModule> {
  return request.then(loadShellModule);
}

/** The module if it has already arrived. */
export function shellModule(): ShellModule | undefined {
  return loaded;
}
