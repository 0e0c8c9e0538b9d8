/**
 * Compose v1's parallel_execute: every object's work starts at once, each status line turns "done"
 * (or "error") as its own work finishes, and the errors are explained after the batch
 * ("ERROR: for dockercoins_webui_1  Cannot start service webui: …"). The daemon answers API calls
 * in a fraction of a second; waiting on a container (a stop) takes as long as the container does.
 */
import { sleep, type Effect } from '../../types';
import { POLL_MS } from '../docker/client';
import type { ComposeSession } from './session';

export interface ParallelItem {
  readonly name: string;
  /** Starts the work; returns an error message when it failed at once. */
  start(): string | undefined;
  /** Polled until true; may return an error message when the work failed on the way. */
  finished(): boolean | string;
}

/** How long the daemon takes to answer one create/start/remove call, and the spread between calls. */
const API_MS = 180;
const SPREAD_MS = 70;

export type ParallelResult = ReadonlyMap<string, string>;

/** What compose v2 says of an object once a step is done. */
const V2_STATUS: Readonly<Record<string, string>> = {
  Creating: 'Started', Starting: 'Started', Recreating: 'Started', Restarting: 'Started', Stopping: 'Stopped', Removing: 'Removed',
  'Stopping and removing': 'Removed', Killing: 'Killed', Pulling: 'Pulled',
};

/** A status line: v1's writer, or a line of v2's summary. */
function report(s: ComposeSession, msg: string, name: string, status: 'done' | 'error'): void {
  if (s.style === 'v1') s.writer.done(msg, name, status);
  else s.summary.push({ kind: 'Container', name, status: status === 'done' ? V2_STATUS[msg] ?? 'Done' : 'Error', ok: status === 'done' });
}

export function* parallel(s: ComposeSession, msg: string, items: readonly ParallelItem[]): Generator<Effect, ParallelResult, unknown> {
  const errors = new Map<string, string>();
  if (items.length === 0) return errors;
  if (s.style === 'v1') s.writer.begin(msg, items.map((i) => i.name));
  const t0 = s.ctx.world.now();
  const pending = new Set<ParallelItem>();
  for (const item of items) {
    const failed = item.start();
    if (failed !== undefined) errors.set(item.name, failed);
    else pending.add(item);
  }
  for (const [name] of errors) report(s, msg, name, 'error');
  let round = 0;
  while (pending.size > 0) {
    let i = 0;
    for (const item of items) {
      i++;
      if (!pending.has(item) || s.ctx.world.now() < t0 + API_MS + SPREAD_MS * (i - 1)) continue;
      const state = item.finished();
      if (state === false) continue;
      pending.delete(item);
      if (typeof state === 'string') errors.set(item.name, state);
      report(s, msg, item.name, state === true ? 'done' : 'error');
    }
    if (pending.size > 0) yield sleep(round++ === 0 ? API_MS : Math.min(POLL_MS, SPREAD_MS));
  }
  if (s.style === 'v1') for (const [name, error] of errors) s.ctx.stderr.write(`\nERROR: for ${name}  ${error}\n`);
  return errors;
}
