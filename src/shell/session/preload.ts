/** Loads every lazy command (and completion) now: Node tests and lesson replay want no `await` in the middle of a run. */
import { COMMANDS } from '../commands';
import { BUILTINS } from '../commands/builtins';
import { isLazy, loadCommand, type CommandEntry } from '../interpreter/commandTable';
import { loadCompletion } from '../terminal/completion/load';

export async function preloadCommands(extra: readonly CommandEntry[] = []): Promise<void> {
  await Promise.all([...[...BUILTINS, ...COMMANDS, ...extra].filter(isLazy).map((entry) => loadCommand(entry)), loadCompletion()]);
}
