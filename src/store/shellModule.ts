/**
 * The shell's parser, interpreter, builtins and commands load right after the first prompt is on
 * screen (docs/performance.md): until then a terminal talks to a deferred shell that only knows
 * its prompt. Restoring a saved session waits for the module first.
 */
import type * as Shell from '../shell';

type ShellModule = typeof Shell;

let loaded: ShellModule | undefined;
let loading: Promise<ShellModule> | undefined;

export function loadShellModule(): Promise<ShellModule> {
  loading ??= import('../shell').then((m) => (loaded = m));
  return loading;
}

/** The module if it has already arrived. */
export function shellModule(): ShellModule | undefined {
  return loaded;
}
