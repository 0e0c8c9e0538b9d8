/**
 * `docker`, the Docker 20.10 CLI of the PWK era, against the host's simulated engine: containers
 * (ps, run, exec, logs, stop, start, restart, kill, rm, inspect), images (images, pull, build, tag,
 * rmi), networks, version/info, system df, the `container`/`image`/`network`/`system` management
 * commands, and `docker compose` (the v2 plugin's spelling, loaded with docker-compose's module).
 */
import type { Command, CommandContext, CompletionRequest, Program } from '../../types';
import { engineFor } from './client';
import { completeDocker } from './complete';
import { parseFlags } from './flags';
import { dockerHelp, managementHelp } from './help';
import { DOCKER_CLIENT_COMMIT, DOCKER_VERSION, runSystemDf } from './info';
import { INSPECT_FLAGS, runInspect } from './inspect';
import { runNetwork } from './network';
import { MANAGEMENT, SUBCOMMANDS } from './subcommands';
import type * as Compose from '../compose';

type ComposeModule = typeof Compose;

function runSub(ctx: CommandContext, path: string, name: string, argv: readonly string[]): number | Program {
  if (name === 'container-inspect' || name === 'image-inspect') {
    const parsed = parseFlags(argv, INSPECT_FLAGS);
    if (!parsed.ok) return fail(ctx, path, parsed.error);
    return runInspect(ctx, engineFor(ctx), parsed.parsed, name === 'container-inspect' ? 'container' : 'image');
  }
  if (name === 'df') return runSystemDf(ctx, engineFor(ctx));
  const sub = SUBCOMMANDS[name]!;
  if (argv.includes('--help') && !(sub.stopAtFirstArg && argv.indexOf('--help') > argv.findIndex((a) => !a.startsWith('-')))) {
    ctx.stdout.write(`\nUsage:  ${path} [OPTIONS]\n\nOptions:\n${sub.flags.map((f) => `  ${f.short ? `-${f.short}, ` : '    '}--${f.long.padEnd(18)} ${f.description ?? ''}`).join('\n')}\n`);
    return 0;
  }
  const parsed = parseFlags(argv, sub.flags, { stopAtFirstArg: sub.stopAtFirstArg ?? false });
  if (!parsed.ok) return fail(ctx, path, parsed.error);
  return sub.run(ctx, engineFor(ctx), parsed.parsed);
}

function fail(ctx: CommandContext, path: string, error: string): number {
  ctx.stderr.write(`${error}\nSee '${path} --help'.\n`);
  return 125;
}

let composeModule: ComposeModule | undefined;

/** `docker compose`: compose's module, loaded on first use (then kept, so replays need no await). */
function* runCompose(ctx: CommandContext, argv: readonly string[]): Program {
  composeModule ??= (yield { kind: 'await', promise: import('../compose') }) as ComposeModule;
  return yield* composeModule.composeMain(ctx, argv, 'v2');
}

function run(ctx: CommandContext): number | Program {
  const argv = ctx.argv.slice(1);
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    ctx.stdout.write(dockerHelp());
    return 0;
  }
  if (first === '-v' || first === '--version') {
    ctx.stdout.write(`Docker version ${DOCKER_VERSION}, build ${DOCKER_CLIENT_COMMIT}\n`);
    return 0;
  }
  if (first.startsWith('-')) {
    ctx.stderr.write(`unknown flag: ${first}\nSee 'docker --help'.\n`);
    return 125;
  }
  const rest = argv.slice(1);
  if (first === 'compose') return runCompose(ctx, rest);
  if (first === 'network') return runNetwork(ctx, engineFor(ctx), rest);
  if (SUBCOMMANDS[first]) return runSub(ctx, `docker ${first}`, first, rest);
  const management = MANAGEMENT[first];
  if (management) {
    const verb = rest[0];
    const target = verb === undefined ? undefined : management.verbs[verb];
    if (target === undefined) {
      if (verb !== undefined && verb !== '--help') {
        ctx.stderr.write(`docker: '${first} ${verb}' is not a docker command.\nSee 'docker --help'\n`);
        return 1;
      }
      ctx.stdout.write(managementHelp(first, management.summary, Object.keys(management.verbs)));
      return 0;
    }
    return runSub(ctx, `docker ${first} ${verb}`, target, rest.slice(1));
  }
  ctx.stderr.write(`docker: '${first}' is not a docker command.\nSee 'docker --help'\n`);
  return 1;
}

export const docker: Command = {
  name: 'docker',
  summary: 'A self-sufficient runtime for containers',
  run,
  complete: (req: CompletionRequest) => completeDocker(req),
};
