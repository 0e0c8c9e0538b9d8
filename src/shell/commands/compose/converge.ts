/**
 * Compose's convergence: for each service, compare the containers that exist (found by label) with
 * the configuration and the scale asked for, then create, start, recreate, scale down or leave them
 * ("dockercoins_rng_1 is up-to-date"). Containers carry compose's labels, join the project network
 * with the service name as DNS alias, and publish the service's ports.
 */
import { COMPOSE_LABELS, fnv32a, type ContainerInfo, type ContainerSpec, type PortBinding } from '../../../engine';
import type { Effect } from '../../types';
import { parallel, type ParallelItem } from './parallel';
import type { Service } from './project';
import { numberOf, serviceContainers, type ComposeSession } from './session';
import { COMPOSE_V1_VERSION, containerName, imageOf } from './style';

export interface ConvergeOptions {
  readonly forceRecreate: boolean;
  readonly noRecreate: boolean;
  readonly scale: ReadonlyMap<string, number>;
  readonly timeout: number;
}

/** Docker hands out unpublished host ports from here upward. */
const EPHEMERAL_FIRST = 49153;

export function configHash(s: ComposeSession, service: Service): string {
  const imageId = s.engine.images.get(imageOf(s.style, s.project, service))?.id ?? '';
  const text = JSON.stringify([service.raw, imageId]);
  return [fnv32a(text), fnv32a(`a${text}`), fnv32a(`b${text}`), fnv32a(`c${text}`)].map((h) => h.toString(16).padStart(8, '0')).join('').repeat(2);
}

function portsFor(s: ComposeSession, service: Service, claimed: Set<number>): PortBinding[] {
  return service.ports.map((p) => {
    let hostPort = p.hostPort;
    if (hostPort === undefined) {
      hostPort = EPHEMERAL_FIRST;
      while (claimed.has(hostPort) || s.ctx.world.network.isListening(s.ctx.host.name, hostPort)) hostPort++;
    }
    claimed.add(hostPort);
    return { hostIp: p.hostIp || '0.0.0.0', hostPort, containerPort: p.containerPort, protocol: p.protocol };
  });
}

export function containerSpec(s: ComposeSession, service: Service, n: number, claimed: Set<number>): ContainerSpec {
  return {
    image: imageOf(s.style, s.project, service),
    name: containerName(s.style, s.project, service, n),
    ...(service.command ? { cmd: service.command } : {}),
    ...(service.entrypoint ? { entrypoint: service.entrypoint } : {}),
    env: service.environment,
    ports: portsFor(s, service, claimed),
    labels: {
      ...service.labels,
      [COMPOSE_LABELS.configHash]: configHash(s, service),
      [COMPOSE_LABELS.number]: String(n),
      [COMPOSE_LABELS.oneoff]: 'False',
      [COMPOSE_LABELS.project]: s.project.name,
      [COMPOSE_LABELS.service]: service.name,
      [COMPOSE_LABELS.version]: COMPOSE_V1_VERSION,
    },
    network: s.project.networkName,
    aliases: [service.name],
    mounts: service.mounts,
    restart: service.restart,
  };
}

/** "Creating dockercoins_worker_2": create and start one new container. */
export function createItem(s: ComposeSession, service: Service, n: number, claimed: Set<number>, start = true): ParallelItem {
  const spec = containerSpec(s, service, n, claimed);
  return {
    name: spec.name!,
    start: () => {
      const created = s.engine.create(spec);
      if (!created.ok) return `Cannot create container for service ${service.name}: ${created.error.message}`;
      if (!start) return undefined;
      const started = s.engine.start(created.value.id);
      return started.ok ? undefined : `Cannot start service ${service.name}: ${started.error.message}`;
    },
    finished: () => true,
  };
}

export function startItem(s: ComposeSession, c: ContainerInfo): ParallelItem {
  return {
    name: c.name,
    start: () => {
      const r = s.engine.start(c.id);
      return r.ok ? undefined : `Cannot start service ${c.labels[COMPOSE_LABELS.service] ?? ''}: ${r.error.message}`;
    },
    finished: () => true,
  };
}

export function stopItem(s: ComposeSession, c: ContainerInfo, timeout: number, thenRemove = false): ParallelItem {
  return {
    name: c.name,
    start: () => {
      const r = s.engine.stop(c.id, timeout);
      return r.ok ? undefined : r.error.message;
    },
    finished: () => {
      if (c.state === 'running') return false;
      if (thenRemove) s.engine.remove(c.id, { force: true });
      return true;
    },
  };
}

/** "Recreating dockercoins_rng_1": stop the old container, then replace it with a new one. */
function recreateItem(s: ComposeSession, service: Service, old: ContainerInfo, timeout: number, claimed: Set<number>): ParallelItem {
  const replacement = createItem(s, service, numberOf(old), claimed);
  let error: string | undefined;
  return {
    name: old.name,
    start: () => {
      const r = s.engine.stop(old.id, timeout);
      return r.ok ? undefined : r.error.message;
    },
    finished: () => {
      if (old.state === 'running') return false;
      if (error === undefined) {
        s.engine.remove(old.id, { force: true });
        error = replacement.start() ?? '';
      }
      return error === '' ? true : error;
    },
  };
}

export interface Convergence {
  /** Errors by container name. */
  readonly errors: ReadonlyMap<string, string>;
  readonly failedServices: ReadonlySet<string>;
}

export function* converge(s: ComposeSession, services: readonly Service[], opts: ConvergeOptions): Generator<Effect, Convergence, unknown> {
  const claimed = new Set<number>();
  const recreate: ParallelItem[] = [];
  const starts: ParallelItem[] = [];
  const downscale: ParallelItem[] = [];
  const creates: ParallelItem[] = [];
  const owner = new Map<string, string>();
  for (const service of services) {
    const existing = serviceContainers(s, service);
    const scale = opts.scale.get(service.name) ?? service.scale;
    if (scale > 1 && service.ports.some((p) => p.hostPort !== undefined)) {
      s.warn(`The "${service.name}" service specifies a port on the host. If multiple containers for this service are created on a single host, the port will clash.`);
    }
    const hash = configHash(s, service);
    const changed = existing.some((c) => c.labels[COMPOSE_LABELS.configHash] !== hash);
    const kept = existing.slice(0, scale);
    for (const c of existing.slice(scale)) downscale.push(stopItem(s, c, opts.timeout, true));
    if (existing.length > 0 && (opts.forceRecreate || (changed && !opts.noRecreate))) {
      for (const c of kept) recreate.push(recreateItem(s, service, c, opts.timeout, claimed));
    } else if (kept.some((c) => c.state !== 'running') || (existing.length > 0 && existing.length !== scale)) {
      for (const c of kept) starts.push(startItem(s, c));
    } else if (existing.length > 0) {
      for (const c of kept) s.info(`${c.name} is up-to-date`);
    }
    let next = Math.max(0, ...existing.map(numberOf)) + 1;
    for (let i = kept.length; i < scale; i++) creates.push(createItem(s, service, next++, claimed));
    for (const item of [...recreate, ...starts, ...downscale, ...creates]) if (!owner.has(item.name)) owner.set(item.name, service.name);
  }
  const errors = new Map<string, string>();
  // As _execute_convergence_start does: scale down first, then start what stays, then create.
  for (const [msg, items] of [['Recreating', recreate], ['Stopping and removing', downscale], ['Starting', starts], ['Creating', creates]] as const) {
    for (const [name, error] of yield* parallel(s, msg, items)) errors.set(name, error);
  }
  const failedServices = new Set([...errors.keys()].map((n) => owner.get(n) ?? n));
  return { errors, failedServices };
}
