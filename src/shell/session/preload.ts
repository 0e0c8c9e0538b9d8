/** Loads every lazy command now: Node tests and lesson replay want no `await` in the middle of a run. */
import { COMMANDS } from '../commands';
import { isLazy, loadCommand, type CommandEntry } from '../interpreter/commandTable';

export async function preloadCommands(extra: readonly CommandEntry[] = []): Promise<void> {
  await Promise.all([...COMMANDS, ...extra].filter(isLazy).map((entry) => loadCommand(entry)));
}
