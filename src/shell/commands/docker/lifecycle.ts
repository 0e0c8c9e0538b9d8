/**
 * `docker stop`, `start`, `restart`, `kill` and `rm`: each prints the name it was given once done.
 * stop waits for the container to end (SIGTERM, then SIGKILL after `-t` seconds, 10 by default),
 * so stopping DockerCoins' worker takes its ten seconds here too.
 */
import { DEFAULT_STOP_TIMEOUT_S, type DockerEngine, type ProcessSignal } from '../../../engine';
import { sleep, type CommandContext, type Program } from '../../types';
import { cliError, daemonError, POLL_MS } from './client';
import { flagValue, type FlagDef, type ParsedFlags } from './flags';

export const STOP_FLAGS: readonly FlagDef[] = [{ long: 'time', short: 't', value: true, description: 'Seconds to wait for stop before killing it (default 10)' }];
export const START_FLAGS: readonly FlagDef[] = [
  { long: 'attach', short: 'a', description: "Attach STDOUT/STDERR and forward signals" },
  { long: 'interactive', short: 'i', description: "Attach container's STDIN" },
];
export const RM_FLAGS: readonly FlagDef[] = [
  { long: 'force', short: 'f', description: 'Force the removal of a running container (uses SIGKILL)' },
  { long: 'volumes', short: 'v', description: 'Remove anonymous volumes associated with the container' },
  { long: 'link', short: 'l', description: 'Remove the specified link' },
];
export const KILL_FLAGS: readonly FlagDef[] = [{ long: 'signal', short: 's', value: true, description: 'Signal to send to the container (default "KILL")' }];

function needsArgs(ctx: CommandContext, verb: string, usage: string, summary: string): number {
  ctx.stderr.write(`"docker ${verb}" requires at least 1 argument.\nSee 'docker ${verb} --help'.\n\nUsage:  docker ${verb} ${usage}\n\n${summary}\n`);
  return 1;
}

function timeoutOf(parsed: ParsedFlags): number {
  const t = Number(flagValue(parsed, 'time') ?? DEFAULT_STOP_TIMEOUT_S);
  return Number.isFinite(t) ? t : DEFAULT_STOP_TIMEOUT_S;
}

/** Waits for each container to leave (or reach) a state, printing its name as each is done. */
function* report(ctx: CommandContext, pending: Array<{ readonly ref: string; readonly done: () => boolean }>): Generator<ReturnType<typeof sleep>, void, unknown> {
  while (pending.length > 0) {
    for (let i = 0; i < pending.length; i++) {
      if (!pending[i]!.done()) continue;
      ctx.stdout.write(`${pending[i]!.ref}\n`);
      pending.splice(i--, 1);
    }
    if (pending.length > 0) yield sleep(POLL_MS);
  }
}

export function* runStop(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags): Program {
  if (parsed.args.length === 0) return needsArgs(ctx, 'stop', '[OPTIONS] CONTAINER [CONTAINER...]', 'Stop one or more running containers');
  let code = 0;
  const pending: Array<{ ref: string; done: () => boolean }> = [];
  for (const ref of parsed.args) {
    const r = engine.stop(ref, timeoutOf(parsed));
    if (!r.ok) code = daemonError(ctx, r.error);
    else pending.push({ ref, done: () => r.value.state !== 'running' });
  }
  yield* report(ctx, pending);
  return code;
}

export function* runRestart(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags): Program {
  if (parsed.args.length === 0) return needsArgs(ctx, 'restart', '[OPTIONS] CONTAINER [CONTAINER...]', 'Restart one or more containers');
  let code = 0;
  const pending: Array<{ ref: string; done: () => boolean }> = [];
  for (const ref of parsed.args) {
    const before = engine.container(ref)?.startedAt ?? 0;
    const r = engine.restart(ref, timeoutOf(parsed));
    if (!r.ok) code = daemonError(ctx, r.error);
    else pending.push({ ref, done: () => r.value.state !== 'running' || r.value.startedAt > before });
  }
  yield* report(ctx, pending);
  return code;
}

export function runStart(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags): number {
  if (parsed.args.length === 0) return needsArgs(ctx, 'start', '[OPTIONS] CONTAINER [CONTAINER...]', 'Start one or more stopped containers');
  const failed: string[] = [];
  for (const ref of parsed.args) {
    const r = engine.start(ref);
    if (r.ok) ctx.stdout.write(`${ref}\n`);
    else {
      daemonError(ctx, r.error);
      failed.push(ref);
    }
  }
  if (failed.length === 0) return 0;
  ctx.stderr.write(`Error: failed to start containers: ${failed.join(', ')}\n`);
  return 1;
}

const SIGNALS: Readonly<Record<string, ProcessSignal>> = { KILL: 'SIGKILL', '9': 'SIGKILL', TERM: 'SIGTERM', '15': 'SIGTERM', INT: 'SIGINT', '2': 'SIGINT' };

export function runKill(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags): number {
  if (parsed.args.length === 0) return needsArgs(ctx, 'kill', '[OPTIONS] CONTAINER [CONTAINER...]', 'Kill one or more running containers');
  const name = (flagValue(parsed, 'signal') ?? 'KILL').toUpperCase().replace(/^SIG/, '');
  const signal = SIGNALS[name];
  if (!signal) return daemonError(ctx, `Invalid signal: ${flagValue(parsed, 'signal')}`);
  let code = 0;
  for (const ref of parsed.args) {
    const r = engine.kill(ref, signal);
    if (r.ok) ctx.stdout.write(`${ref}\n`);
    else code = daemonError(ctx, r.error);
  }
  return code;
}

export function runRm(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags): number {
  if (parsed.args.length === 0) return needsArgs(ctx, 'rm', '[OPTIONS] CONTAINER [CONTAINER...]', 'Remove one or more containers');
  let code = 0;
  for (const ref of parsed.args) {
    const r = engine.remove(ref, { force: parsed.bools.has('force') });
    if (r.ok) ctx.stdout.write(`${ref}\n`);
    else code = r.error.kind === 'not-found' ? cliError(ctx, r.error.message) : daemonError(ctx, r.error);
  }
  return code;
}
