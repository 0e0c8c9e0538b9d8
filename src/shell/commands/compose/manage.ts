/**
 * docker-compose's container management: stop, start, restart, kill, rm, down and the deprecated
 * scale, each reporting through the parallel writer ("Stopping dockercoins_worker_1 ... done").
 */
import { type ContainerInfo } from '../../../engine';
import type { Effect, Program } from '../../types';
import { converge, stopItem } from './converge';
import { parallel, type ParallelItem } from './parallel';
import { flushSummary, projectContainers, selectServices, serviceContainers, unknownService, type ComposeSession } from './session';
import { builtImageName } from './style';

function checkServices(s: ComposeSession, names: readonly string[]): boolean {
  const unknown = unknownService(s, names);
  if (unknown === undefined) return true;
  s.error(`No such service: ${unknown}`);
  return false;
}

const servicesOrAll = (names: readonly string[]): readonly string[] | undefined => (names.length > 0 ? names : undefined);

function* stopAll(s: ComposeSession, containers: readonly ContainerInfo[], timeout: number): Generator<Effect, void, unknown> {
  yield* parallel(s, 'Stopping', containers.filter((c) => c.state === 'running').map((c) => stopItem(s, c, timeout)));
}

export function* stop(s: ComposeSession, names: readonly string[], timeout: number): Program {
  if (!checkServices(s, names)) return 1;
  yield* stopAll(s, projectContainers(s, { services: servicesOrAll(names) }), timeout);
  if (s.style === 'v2') flushSummary(s, 'Stopping');
  return 0;
}

export function* start(s: ComposeSession, names: readonly string[]): Program {
  if (!checkServices(s, names)) return 1;
  const services = selectServices(s, names, false).filter((x) => serviceContainers(s, x).length > 0);
  if (services.length === 0) {
    s.error('No containers to start');
    return 1;
  }
  // v1 reports per service ("Starting rng ... done"), v2 per container.
  const items: ParallelItem[] = services.flatMap((service) => {
    const containers = serviceContainers(s, service);
    const startAll = (): string | undefined => {
      for (const c of containers) {
        const r = s.engine.start(c.id);
        if (!r.ok) return `Cannot start service ${service.name}: ${r.error.message}`;
      }
      return undefined;
    };
    return s.style === 'v1'
      ? [{ name: service.name, start: startAll, finished: () => true }]
      : containers.map((c) => ({ name: c.name, start: () => (s.engine.start(c.id).ok ? undefined : 'failed'), finished: () => true }));
  });
  const errors = yield* parallel(s, 'Starting', items);
  if (s.style === 'v2') flushSummary(s, 'Running');
  if (errors.size === 0) return 0;
  s.error('No containers to start');
  return 1;
}

export function* restart(s: ComposeSession, names: readonly string[], timeout: number): Program {
  if (!checkServices(s, names)) return 1;
  const containers = projectContainers(s, { services: servicesOrAll(names), stopped: true });
  yield* parallel(s, 'Restarting', containers.map((c) => {
    const before = c.startedAt;
    return {
      name: c.name,
      start: () => {
        const r = s.engine.restart(c.id, timeout);
        return r.ok ? undefined : r.error.message;
      },
      finished: () => (c.state === 'running' && c.startedAt > before) || c.state === 'exited',
    };
  }));
  if (s.style === 'v2') flushSummary(s, 'Restarting');
  return 0;
}

export function* kill(s: ComposeSession, names: readonly string[]): Program {
  if (!checkServices(s, names)) return 1;
  const running = projectContainers(s, { services: servicesOrAll(names) }).filter((c) => c.state === 'running');
  yield* parallel(s, 'Killing', running.map((c) => ({
    name: c.name,
    start: () => {
      const r = s.engine.kill(c.id);
      return r.ok ? undefined : r.error.message;
    },
    finished: () => true,
  })));
  if (s.style === 'v2') flushSummary(s, 'Killing');
  return 0;
}

function* removeAll(s: ComposeSession, containers: readonly ContainerInfo[]): Generator<Effect, void, unknown> {
  yield* parallel(s, 'Removing', containers.map((c) => ({
    name: c.name,
    start: () => {
      const r = s.engine.remove(c.id, { force: true });
      return r.ok ? undefined : r.error.message;
    },
    finished: () => true,
  })));
}

export function* rm(s: ComposeSession, names: readonly string[], force: boolean, stopFirst: boolean): Program {
  if (!checkServices(s, names)) return 1;
  if (stopFirst) yield* stopAll(s, projectContainers(s, { services: servicesOrAll(names) }), 10);
  const stopped = projectContainers(s, { services: servicesOrAll(names), stopped: true }).filter((c) => c.state !== 'running');
  if (stopped.length === 0) {
    s.ctx.stdout.write('No stopped containers\n');
    return 0;
  }
  s.ctx.stdout.write(`Going to remove ${stopped.map((c) => c.name).join(', ')}\n`);
  if (!force) {
    s.ctx.stdout.write('Are you sure? [yN] ');
    const answer = yield* s.ctx.stdin.read();
    if (answer === null) s.ctx.stdout.write('\n');
    if (!/^y(es)?$/i.test((answer ?? '').trim())) return 0;
  }
  yield* removeAll(s, stopped);
  if (s.style === 'v2') flushSummary(s, 'Removing');
  return 0;
}

export function* down(s: ComposeSession, timeout: number, rmi: string | undefined): Program {
  if (rmi !== undefined && rmi !== 'all' && rmi !== 'local') {
    s.error('--rmi flag must be one of: all, local');
    return 1;
  }
  yield* stopAll(s, projectContainers(s), timeout);
  yield* removeAll(s, projectContainers(s, { stopped: true }));
  if (rmi !== undefined) {
    for (const service of s.project.services) {
      if (rmi === 'local' && service.image !== undefined) continue;
      const image = service.build ? builtImageName(s.style, s.project, service) : service.image!;
      if (!s.engine.images.get(image)) continue;
      if (s.style === 'v1') s.info(`Removing image ${image}`);
      s.engine.images.remove(image, true);
    }
  }
  // compose v1 announces the removal, then warns when the daemon did not know the network.
  const network = s.project.networkName;
  const exists = s.engine.network(network) !== undefined;
  if (s.style === 'v1') s.info(`Removing network ${network}`);
  if (exists) {
    if (s.style === 'v2') s.summary.push({ kind: 'Network', name: network, status: 'Removed', ok: true });
    s.engine.removeNetwork(network);
  } else if (s.style === 'v1') {
    s.warn(`Network ${network} not found.`);
  }
  if (s.style === 'v2') flushSummary(s, 'Running');
  return 0;
}

/** `scale SERVICE=NUM...`, deprecated since compose 1.13 in favour of `up --scale`. */
export function* scale(s: ComposeSession, pairs: readonly string[], timeout: number): Program {
  s.warn('The scale command is deprecated. Use the up command with the --scale flag instead.');
  const wanted = new Map<string, number>();
  for (const pair of pairs) {
    const [name = '', num = ''] = pair.split('=');
    if (!checkServices(s, [name])) return 1;
    if (!/^\d+$/.test(num)) {
      s.error(`Number of containers for service "${name}" is not a number`);
      return 1;
    }
    wanted.set(name, Number(num));
  }
  const services = s.project.services.filter((x) => wanted.has(x.name));
  const result = yield* converge(s, services, { forceRecreate: false, noRecreate: true, scale: wanted, timeout });
  if (s.style === 'v2') flushSummary(s, 'Running');
  return result.errors.size > 0 ? 1 : 0;
}
