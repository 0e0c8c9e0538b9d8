/**
 * The GNU userland of a CentOS 7 node, as lazy registry entries: each loads the coreutils chunk
 * (all.ts) on first use, so the first prompt carries only their names.
 */
import type { LazyCommand } from '../../interpreter/commandTable';
import type { Command } from '../../types';
import { COREUTIL_CATALOG } from './catalog';

let chunk: Promise<ReadonlyMap<string, Command>> | undefined;

function loadAll(): Promise<ReadonlyMap<string, Command>> {
  chunk ??= import('./all').then(
    (m) => m.COREUTIL_COMMANDS,
    (error: unknown) => {
      // A failed fetch is retried on the next use.
      chunk = undefined;
      throw error;
    },
  );
  return chunk;
}

export const COREUTILS: readonly LazyCommand[] = COREUTIL_CATALOG.map(([name, summary]) => ({
  name,
  summary,
  load: () => loadAll().then((all) => {
    const command = all.get(name);
    if (!command) throw new Error(`${name} is missing from the coreutils chunk`);
    return command;
  }),
}));
