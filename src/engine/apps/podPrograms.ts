/**
 * The programs pods run, by key: DockerCoins' (the same model docker-compose runs), and the
 * images the Kubernetes chapters use — nginx, jpetazzo/color, elasticsearch:2, registry:2 — plus
 * the stand-in process of the cluster's own components. Command lines (ping, sleep, sh -c …) run
 * in src/engine/pods/script instead. Loaded with the kubelet, never on the first prompt's path.
 */
import type { ProgramTable } from '../containers/process';
import { colorProgram } from './color';
import { daemonProgram } from './daemon';
import { elasticsearchProgram } from './elasticsearch';
import { DOCKERCOINS_PROGRAMS } from './index';
import { nginxProgram } from './nginx';
import { registryProgram } from './registry';

export const POD_PROGRAMS: ProgramTable = Object.freeze({
  ...DOCKERCOINS_PROGRAMS,
  nginx: nginxProgram,
  'jpetazzo/color': colorProgram,
  elasticsearch: elasticsearchProgram,
  registry: registryProgram,
  daemon: daemonProgram,
});
