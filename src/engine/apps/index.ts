/**
 * DockerCoins as one model: the programs container runtimes start by key, and what the rest of
 * the engine may read of them. Loaded only with the code that runs containers (never on the first
 * prompt's path).
 */
import type { ProgramTable } from '../containers/process';
import { hasherProgram } from './hasher';
import { redisProgram } from './redisServer';
import { rngProgram } from './rng';
import { webuiProgram } from './webui';
import { workerProgram } from './worker';

/** Program keys as images record them: built images from their CMD, pulled ones from a catalogue. */
export const DOCKERCOINS_PROGRAMS: ProgramTable = Object.freeze({
  'dockercoins/rng': rngProgram,
  'dockercoins/hasher': hasherProgram,
  'dockercoins/worker': workerProgram,
  'dockercoins/webui': webuiProgram,
  redis: redisProgram,
});

export { hashStats } from './stats';
export type { HashStats, HashStatsQuery } from './stats';
export { RedisStore } from './redisStore';
export { RNG_PORT } from './rng';
export { HASHER_PORT } from './hasher';
export { WEBUI_PORT } from './webui';
export { REDIS_PORT } from './redisServer';
