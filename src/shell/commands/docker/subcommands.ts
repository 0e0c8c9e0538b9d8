/** The docker subcommands: their flags and what runs them. */
import type { DockerEngine } from '../../../engine';
import type { CommandContext, Program } from '../../types';
import { runBuild, BUILD_FLAGS } from './build';
import { EXEC_FLAGS, runExec } from './exec';
import type { FlagDef, ParsedFlags } from './flags';
import { IMAGES_FLAGS, runImages, runPull, runRmi, runTag } from './images';
import { runInfo, runVersion } from './info';
import { INSPECT_FLAGS, runInspect } from './inspect';
import { KILL_FLAGS, RM_FLAGS, START_FLAGS, STOP_FLAGS, runKill, runRestart, runRm, runStart, runStop } from './lifecycle';
import { LOGS_FLAGS, runLogs } from './logs';
import { PS_FLAGS, runPs } from './ps';
import { RUN_FLAGS, runRun } from './run';

export interface Subcommand {
  readonly flags: readonly FlagDef[];
  /** Flags stop at the first argument (the rest is the container's command). */
  readonly stopAtFirstArg?: boolean;
  run(ctx: CommandContext, engine: DockerEngine, parsed: ParsedFlags): number | Program;
}

const RMI_FLAGS: readonly FlagDef[] = [{ long: 'force', short: 'f', description: 'Force removal of the image' }, { long: 'no-prune', description: 'Do not delete untagged parents' }];

export const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  ps: { flags: PS_FLAGS, run: runPs },
  images: { flags: IMAGES_FLAGS, run: runImages },
  logs: { flags: LOGS_FLAGS, run: runLogs },
  stop: { flags: STOP_FLAGS, run: runStop },
  start: { flags: START_FLAGS, run: runStart },
  restart: { flags: STOP_FLAGS, run: runRestart },
  kill: { flags: KILL_FLAGS, run: runKill },
  rm: { flags: RM_FLAGS, run: runRm },
  rmi: { flags: RMI_FLAGS, run: runRmi },
  pull: { flags: [{ long: 'quiet', short: 'q', description: 'Suppress verbose output' }], run: runPull },
  tag: { flags: [], run: runTag },
  build: { flags: BUILD_FLAGS, run: runBuild },
  run: { flags: RUN_FLAGS, stopAtFirstArg: true, run: runRun },
  exec: { flags: EXEC_FLAGS, stopAtFirstArg: true, run: runExec },
  inspect: { flags: INSPECT_FLAGS, run: (ctx, engine, parsed) => runInspect(ctx, engine, parsed) },
  version: { flags: [{ long: 'format', short: 'f', value: true }], run: (ctx) => runVersion(ctx) },
  info: { flags: [{ long: 'format', short: 'f', value: true }], run: (ctx, engine) => runInfo(ctx, engine) },
};

/** `docker container ls` → `docker ps`, `docker image rm` → `docker rmi`… */
export const MANAGEMENT: Readonly<Record<string, { readonly summary: string; readonly verbs: Readonly<Record<string, string>> }>> = {
  container: {
    summary: 'Manage containers',
    verbs: { ls: 'ps', ps: 'ps', list: 'ps', rm: 'rm', stop: 'stop', start: 'start', restart: 'restart', kill: 'kill', logs: 'logs', inspect: 'container-inspect', run: 'run', exec: 'exec' },
  },
  image: { summary: 'Manage images', verbs: { ls: 'images', list: 'images', rm: 'rmi', pull: 'pull', build: 'build', inspect: 'image-inspect', tag: 'tag' } },
  system: { summary: 'Manage Docker', verbs: { df: 'df', info: 'info' } },
};

