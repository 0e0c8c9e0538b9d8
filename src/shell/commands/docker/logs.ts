/**
 * `docker logs [-f] [--tail N] [-t] CONTAINER`: what the container wrote, stdout lines to stdout
 * and stderr lines to stderr; with -f, new lines as they come until the container stops or Ctrl+C.
 */
import type { DockerEngine, LogEntry } from '../../../engine';
import { sleep, type CommandContext, type Program } from '../../types';
import { cliError, POLL_MS } from './client';
import { rfc3339Nano } from './format';
import { flagValue, type FlagDef, type ParsedFlags } from './flags';

export const LOGS_FLAGS: readonly FlagDef[] = [
  { long: 'follow', short: 'f', description: 'Follow log output' },
  { long: 'tail', short: 'n', value: true, description: 'Number of lines to show from the end of the logs (default "all")' },
  { long: 'timestamps', short: 't', description: 'Show timestamps' },
  { long: 'details', description: 'Show extra details provided to logs' },
  { long: 'since', value: true, description: 'Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)' },
];

export function* runLogs(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags): Program {
  const ref = parsed.args[0];
  if (ref === undefined || parsed.args.length > 1) {
    ctx.stderr.write('"docker logs" requires exactly 1 argument.\nSee \'docker logs --help\'.\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nFetch the logs of a container\n');
    return 1;
  }
  const c = engine.container(ref);
  if (!c) return cliError(ctx, `No such container: ${ref}`);
  const tail = flagValue(parsed, 'tail') ?? 'all';
  const n = tail === 'all' ? undefined : Number(tail);
  const stamps = parsed.bools.has('timestamps');
  const write = (e: LogEntry): void => (e.stream === 'stderr' ? ctx.stderr : ctx.stdout).write(`${stamps ? `${rfc3339Nano(e.time)} ` : ''}${e.line}\n`);
  const history = engine.logs(c.id);
  if (history.ok) {
    const entries = n === undefined || !Number.isFinite(n) || n < 0 ? history.value : n === 0 ? [] : history.value.slice(-n);
    for (const e of entries) write(e);
  }
  if (!parsed.bools.has('follow') || (c.state !== 'running' && c.state !== 'restarting')) return 0;
  const queue: LogEntry[] = [];
  let ended = false;
  const offLog = engine.events.on('log', ({ container, entry }) => container.id === c.id && queue.push(entry));
  const offState = engine.events.on('container', ({ action, container }) => {
    if (container.id === c.id && (action === 'die' || action === 'destroy')) ended = true;
  });
  try {
    for (;;) {
      yield sleep(POLL_MS);
      for (const e of queue.splice(0)) write(e);
      if (ended) return 0;
    }
  } finally {
    offLog();
    offState();
  }
}
