/**
 * `docker-compose` 1.21 (what PWK installed) and `docker compose` (the v2 plugin's spelling, with
 * v2's names and progress output): global options, the project's file, then the command. A Ctrl+C
 * that no command handles ends it the way compose v1 does: "ERROR: Aborting.", status 1.
 */
import type { Command, CommandContext, CompletionRequest, Program } from '../../types';
import { Interrupt } from '../../types';
import { engineFor } from '../docker/client';
import { flagValue, flagValues, parseFlags, type FlagDef, type ParsedFlags } from '../docker/flags';
import { completeCompose } from './complete';
import { COMMAND_FLAGS } from './flags';
import { commandHelp, composeHelp } from './help';
import { down, kill, restart, rm, scale, start, stop } from './manage';
import { loadProject, NO_FILE_ERROR } from './project';
import { createSession, type ComposeSession } from './session';
import { COMPOSE_V1_BUILD, COMPOSE_V1_VERSION, COMPOSE_V2_VERSION, type ComposeStyle } from './style';
import { up } from './up';
import { build, config, exec, logs, port, ps, pull } from './view';

const GLOBAL_FLAGS: readonly FlagDef[] = [
  { long: 'file', short: 'f', value: true },
  { long: 'project-name', short: 'p', value: true },
  { long: 'project-directory', value: true },
  { long: 'verbose' },
  { long: 'log-level', value: true },
  { long: 'no-ansi' },
  { long: 'version', short: 'v' },
  { long: 'host', short: 'H', value: true },
  { long: 'compatibility' },
  { long: 'help', short: 'h' },
];

function versionText(style: ComposeStyle, short: boolean): string {
  if (style === 'v2') return short ? `${COMPOSE_V2_VERSION.slice(1)}\n` : `Docker Compose version ${COMPOSE_V2_VERSION}\n`;
  if (short) return `${COMPOSE_V1_VERSION}\n`;
  return `docker-compose version ${COMPOSE_V1_VERSION}, build ${COMPOSE_V1_BUILD}\ndocker-py version: 3.2.1\nCPython version: 3.6.5\nOpenSSL version: OpenSSL 1.0.1t  3 May 2016\n`;
}

function timeoutOf(parsed: ParsedFlags): number {
  const t = Number(flagValue(parsed, 'timeout') ?? 10);
  return Number.isFinite(t) ? t : 10;
}

function scaleOf(parsed: ParsedFlags): Map<string, number> | string {
  const out = new Map<string, number>();
  for (const pair of flagValues(parsed, 'scale')) {
    const [name = '', num = ''] = pair.split('=');
    if (!/^\d+$/.test(num)) return `Number of containers for service "${name}" is not a number`;
    out.set(name, Number(num));
  }
  return out;
}

function dispatch(s: ComposeSession, command: string, p: ParsedFlags): number | Program {
  const has = (f: string): boolean => p.bools.has(f);
  switch (command) {
    case 'up': {
      const scaleMap = scaleOf(p);
      if (typeof scaleMap === 'string') {
        s.error(scaleMap);
        return 1;
      }
      return up(s, {
        detach: has('detach'), build: has('build'), noBuild: has('no-build'), noColor: has('no-color'), forceRecreate: has('force-recreate'),
        noRecreate: has('no-recreate'), noDeps: has('no-deps'), timeout: timeoutOf(p), scale: scaleMap, services: p.args,
      });
    }
    case 'down': return down(s, timeoutOf(p), flagValue(p, 'rmi'));
    case 'stop': return stop(s, p.args, timeoutOf(p));
    case 'start': return start(s, p.args);
    case 'restart': return restart(s, p.args, timeoutOf(p));
    case 'kill': return kill(s, p.args);
    case 'rm': return rm(s, p.args, has('force'), has('stop'));
    case 'scale': return scale(s, p.args, timeoutOf(p));
    case 'ps': return ps(s, p.args, has('quiet'), has('services'));
    case 'logs': {
      const tail = flagValue(p, 'tail');
      const n = tail === undefined || tail === 'all' ? undefined : Number(tail);
      return logs(s, p.args, { follow: has('follow'), tail: n !== undefined && Number.isFinite(n) ? n : undefined, timestamps: has('timestamps'), noColor: has('no-color') });
    }
    case 'config': return config(s, has('services'), has('quiet'));
    case 'build': return build(s, p.args, has('no-cache'));
    case 'pull': return pull(s, p.args);
    case 'exec': return exec(s, p.args, Number(flagValue(p, 'index') ?? 1), has('no-tty'));
    case 'port': return port(s, p.args[0], p.args[1], Number(flagValue(p, 'index') ?? 1));
    default:
      s.ctx.stderr.write(`kubeplay: "${command}" is not available in this playground's docker-compose.\n`);
      return 1;
  }
}

/** Runs a command, turning a Ctrl+C nobody handled into compose's "Aborting.". */
function* guarded(s: ComposeSession, run: number | Program): Program {
  if (typeof run === 'number') return run;
  try {
    return yield* run;
  } catch (e) {
    if (!(e instanceof Interrupt)) throw e;
    if (s.style === 'v1') s.error('Aborting.');
    return s.style === 'v1' ? 1 : 130;
  }
}

export function* composeMain(ctx: CommandContext, argv: readonly string[], style: ComposeStyle): Program {
  const globals = parseFlags(argv, GLOBAL_FLAGS, { stopAtFirstArg: true });
  if (!globals.ok) {
    ctx.stderr.write(composeHelp());
    return 1;
  }
  const g = globals.parsed;
  const [command, ...rest] = g.args;
  if (g.bools.has('version') && command === undefined) {
    ctx.stdout.write(`${versionText(style, false).split('\n')[0]!}\n`);
    return 0;
  }
  if (command === undefined || g.bools.has('help') || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    if (topic !== undefined) {
      if (!COMMAND_FLAGS[topic]) {
        ctx.stderr.write(`No such command: ${topic}\n\n${composeHelp()}`);
        return 1;
      }
      ctx.stdout.write(commandHelp(topic));
      return 0;
    }
    (command === undefined && !g.bools.has('help') ? ctx.stderr : ctx.stdout).write(composeHelp());
    return command === undefined && !g.bools.has('help') ? 1 : 0;
  }
  const defs = COMMAND_FLAGS[command];
  if (!defs) {
    ctx.stderr.write(`No such command: ${command}\n\n${composeHelp()}`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout.write(commandHelp(command));
    return 0;
  }
  const parsed = parseFlags(rest, defs, { stopAtFirstArg: command === 'exec' });
  if (!parsed.ok) {
    ctx.stderr.write(commandHelp(command));
    return 1;
  }
  if (command === 'version') {
    ctx.stdout.write(versionText(style, parsed.parsed.bools.has('short')));
    return 0;
  }
  const loaded = loadProject({
    fs: ctx.host.fs, cwd: ctx.cwd, env: (name) => ctx.env.get(name), files: flagValues(g, 'file'),
    projectName: flagValue(g, 'project-name'), projectDirectory: flagValue(g, 'project-directory'),
  });
  const tty = ctx.stderr.isTerminal && !g.bools.has('no-ansi');
  const warnPrefix = tty && style === 'v1' ? '\u001b[33mWARNING\u001b[0m: ' : 'WARNING: ';
  for (const w of loaded.warnings) ctx.stderr.write(`${warnPrefix}${w}\n`);
  if (!loaded.ok) {
    if (style === 'v2') ctx.stderr.write(loaded.error === NO_FILE_ERROR ? 'no configuration file provided: not found\n' : `${loaded.error}\n`);
    else ctx.stderr.write(`${tty ? '\u001b[31mERROR\u001b[0m' : 'ERROR'}: ${loaded.error}\n`);
    return 1;
  }
  const s = createSession(ctx, engineFor(ctx), loaded.project, style, g.bools.has('no-ansi'));
  return yield* guarded(s, dispatch(s, command, parsed.parsed));
}

export const dockerCompose: Command = {
  name: 'docker-compose',
  summary: 'Define and run multi-container applications with Docker.',
  run: (ctx) => composeMain(ctx, ctx.argv.slice(1), 'v1'),
  complete: (req: CompletionRequest) => completeCompose(req),
};
