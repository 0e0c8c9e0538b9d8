/**
 * Docker Compose states for lesson check tests, built with the docker engine the way compose
 * builds them (a project network, containers named <project>_<service>_<n> carrying compose's
 * labels and the service name as a DNS alias, published ports), without the compose command:
 *
 *   const app = dockercoinsOnNode1({ programs: 'dockercoins' });
 *   app.up(); app.scale('worker', 10); world.advance(30_000);
 *
 * Images are the prebuilt dockercoins/*:v0.1 and redis, pulled on the virtual clock. `programs`
 * picks what runs inside: the real DockerCoins model (its rates come out of it) or the docker
 * task's fakes (cheap, when only container states matter).
 */
import {
  COMPOSE_LABELS, DOCKERCOINS_PROGRAMS, dockerOf, fakeContainerPrograms, setProgramTable, type DockerEngine, type DockerResult, type Operation,
  type PortBinding, type World,
} from '../../engine';
import { freshWorld } from './engineStates';

export const SERVICES = ['rng', 'hasher', 'webui', 'redis', 'worker'] as const;
export type Service = (typeof SERVICES)[number];

const IMAGES: Readonly<Record<Service, string>> = {
  rng: 'dockercoins/rng:v0.1',
  hasher: 'dockercoins/hasher:v0.1',
  webui: 'dockercoins/webui:v0.1',
  redis: 'redis',
  worker: 'dockercoins/worker:v0.1',
};

/** docker-compose.yml's published ports: rng 8001, hasher 8002, webui 8000. */
const PUBLISHED: Readonly<Partial<Record<Service, number>>> = { rng: 8001, hasher: 8002, webui: 8000 };

export interface ComposeState {
  readonly world: World;
  readonly docker: DockerEngine;
  readonly project: string;
  /** Creates and starts one container of every service (`docker-compose up -d`). */
  up(): void;
  /** Runs `n` containers of the service (`--scale service=n`), starting or stopping the last ones. */
  scale(service: Service, n: number): void;
  /** Stops every running container (Ctrl+C on `up`); the worker takes its 10 s. */
  stop(): void;
  /** Removes every container and the network (`docker-compose down`, once stopped). */
  down(): void;
}

export interface ComposeOptions {
  readonly world?: World;
  readonly host?: string;
  readonly project?: string;
  readonly programs?: 'fake' | 'dockercoins';
}

export function dockercoinsOnNode1(options: ComposeOptions = {}): ComposeState {
  const world = options.world ?? freshWorld();
  const host = options.host ?? 'node1';
  const project = options.project ?? 'dockercoins';
  setProgramTable(world, options.programs === 'dockercoins' ? DOCKERCOINS_PROGRAMS : fakeContainerPrograms());
  const docker = dockerOf(world, host)!;
  for (const image of new Set(Object.values(IMAGES))) {
    if (!docker.images.list().some((i) => i.repoTags.includes(image.includes(':') ? image : `${image}:latest`))) must(drain(world, must(docker.images.pull(image))));
  }
  const network = `${project}_default`;
  const names = (service: Service) => docker.containers(true).filter((c) => c.labels[COMPOSE_LABELS.project] === project && c.labels[COMPOSE_LABELS.service] === service).map((c) => c.name);
  const ensureNetwork = () => {
    if (!docker.network(network)) must(docker.createNetwork(network, { [COMPOSE_LABELS.project]: project, [COMPOSE_LABELS.network]: 'default' }));
  };
  const run = (service: Service, n: number) => {
    const name = `${project}_${service}_${n}`;
    if (!docker.container(name)) {
      const port = PUBLISHED[service];
      const ports: PortBinding[] = port !== undefined && n === 1 ? [{ hostIp: '0.0.0.0', hostPort: port, containerPort: 80, protocol: 'tcp' }] : [];
      must(docker.create({
        image: IMAGES[service], name, network, aliases: [service], ports,
        labels: { [COMPOSE_LABELS.project]: project, [COMPOSE_LABELS.service]: service, [COMPOSE_LABELS.number]: String(n), [COMPOSE_LABELS.oneoff]: 'False' },
      }));
    }
    must(docker.start(name));
  };
  return {
    world,
    docker,
    project,
    up() {
      ensureNetwork();
      for (const service of SERVICES) run(service, 1);
    },
    scale(service, n) {
      ensureNetwork();
      for (let i = 1; i <= n; i++) run(service, i);
      for (const name of names(service).filter((nm) => Number(nm.split('_').pop()) > n)) must(docker.stop(name));
    },
    stop() {
      for (const c of docker.containers()) if (c.labels[COMPOSE_LABELS.project] === project) must(docker.stop(c.name));
      world.advance(10_000);
    },
    down() {
      for (const c of docker.containers(true)) if (c.labels[COMPOSE_LABELS.project] === project) must(docker.remove(c.name, { force: true }));
      must(docker.removeNetwork(network));
    },
  };
}

function must<T>(result: DockerResult<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function drain<R>(world: World, op: Operation<R>): R {
  for (;;) {
    const step = op.next();
    if (step.done) return step.value;
    if (step.value.kind === 'wait') world.advance(step.value.ms);
  }
}
