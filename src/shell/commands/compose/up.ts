/**
 * `docker-compose up`: create the project network, build or pull the images, converge the
 * containers, then — unless -d — attach to their logs until they all exit or Ctrl+C. Ctrl+C stops
 * the containers gracefully ("Gracefully stopping... (press Ctrl+C again to force)", then each
 * "Stopping … done" as it stops: the worker ignores SIGTERM and takes its 10 s); a second Ctrl+C
 * kills them and exits with status 2, as compose's shutdown handler does.
 */
import { COMPOSE_LABELS } from '../../../engine';
import { Interrupt, sleep, type Effect, type Program } from '../../types';
import { POLL_MS } from '../docker/client';
import { converge } from './converge';
import { ensureImages } from './images';
import { LogPrinter } from './logPrinter';
import { parallel } from './parallel';
import { flushSummary, numberOf, projectContainers, selectServices, unknownService, type ComposeSession } from './session';
import { COMPOSE_V1_VERSION } from './style';

export interface UpFlags {
  readonly detach: boolean;
  readonly build: boolean;
  readonly noBuild: boolean;
  readonly noColor: boolean;
  readonly forceRecreate: boolean;
  readonly noRecreate: boolean;
  readonly noDeps: boolean;
  readonly timeout: number;
  readonly scale: ReadonlyMap<string, number>;
  readonly services: readonly string[];
}

/** The project network, created when missing ("Creating network … with the default driver"). */
export function ensureNetwork(s: ComposeSession): boolean {
  const name = s.project.networkName;
  if (s.engine.network(name)) return true;
  if (s.style === 'v1') s.info(`Creating network "${name}" with the default driver`);
  const r = s.engine.createNetwork(name, {
    [COMPOSE_LABELS.network]: 'default', [COMPOSE_LABELS.project]: s.project.name, [COMPOSE_LABELS.version]: COMPOSE_V1_VERSION,
  });
  if (!r.ok) {
    s.error(r.error.message);
    return false;
  }
  if (s.style === 'v2') s.summary.push({ kind: 'Network', name, status: 'Created', ok: true });
  return true;
}

/** Stops what `up` started when Ctrl+C comes; a second Ctrl+C kills. */
function* shutdown(s: ComposeSession, services: readonly string[], timeout: number): Generator<Effect, number, unknown> {
  s.ctx.stdout.write('Gracefully stopping... (press Ctrl+C again to force)\n');
  const running = () => projectContainers(s, { services }).filter((c) => c.state === 'running');
  try {
    yield* parallel(s, 'Stopping', running().map((c) => ({
      name: c.name,
      start: () => {
        const r = s.engine.stop(c.id, timeout);
        return r.ok ? undefined : r.error.message;
      },
      finished: () => c.state !== 'running',
    })));
    if (s.style === 'v2') flushSummary(s, 'Stopping');
    return 0;
  } catch (e) {
    if (!(e instanceof Interrupt)) throw e;
    yield* parallel(s, 'Killing', running().map((c) => ({
      name: c.name,
      start: () => {
        const r = s.engine.kill(c.id);
        return r.ok ? undefined : r.error.message;
      },
      finished: () => true,
    })));
    if (s.style === 'v2') flushSummary(s, 'Killing');
    return 2;
  }
}

export function* up(s: ComposeSession, flags: UpFlags): Program {
  const unknown = unknownService(s, flags.services);
  if (unknown !== undefined) {
    s.error(`No such service: ${unknown}`);
    return 1;
  }
  for (const name of flags.scale.keys()) {
    if (!s.project.services.some((x) => x.name === name)) {
      s.error(`No such service: ${name}`);
      return 1;
    }
  }
  const services = selectServices(s, flags.services, !flags.noDeps);
  if (!ensureNetwork(s)) return 1;
  if (!(yield* ensureImages(s, services, flags))) return 1;
  const result = yield* converge(s, services, { forceRecreate: flags.forceRecreate, noRecreate: flags.noRecreate, scale: flags.scale, timeout: flags.timeout });
  if (s.style === 'v2') flushSummary(s, 'Running');
  if (result.errors.size > 0) {
    if (s.style === 'v1') {
      for (const service of result.failedServices) {
        const error = [...result.errors].find(([name]) => projectContainers(s, { services: [service], stopped: true }).some((c) => c.name === name))?.[1];
        if (error !== undefined) s.ctx.stderr.write(`\nERROR: for ${service}  ${error}\n`);
      }
      s.error('Encountered errors while bringing up the project.');
    } else {
      for (const error of result.errors.values()) s.ctx.stderr.write(`Error response from daemon: ${error.replace(/^Cannot start service \S+: /, '')}\n`);
    }
    return 1;
  }
  if (flags.detach) return 0;
  const names = services.map((x) => x.name);
  const order = new Map(names.map((n, i) => [n, i]));
  const attached = projectContainers(s, { services: names, stopped: true })
    .sort((a, b) => (order.get(a.labels[COMPOSE_LABELS.service] ?? '') ?? 0) - (order.get(b.labels[COMPOSE_LABELS.service] ?? '') ?? 0) || numberOf(a) - numberOf(b));
  s.ctx.stdout.write(`Attaching to ${attached.map((c) => c.name).join(', ')}\n`);
  const printer = new LogPrinter(s, { color: s.ctx.stdout.isTerminal && !flags.noColor, timestamps: false, reportExits: true, followServices: names }, attached);
  s.ctx.stdout.write(printer.history(undefined));
  printer.follow();
  try {
    for (;;) {
      yield sleep(POLL_MS);
      printer.flush();
      if (printer.allExited) {
        if (s.style === 'v2') s.ctx.stdout.write('\n');
        return 0;
      }
    }
  } catch (e) {
    if (!(e instanceof Interrupt)) throw e;
    printer.dispose();
    return yield* shutdown(s, names, flags.timeout);
  } finally {
    printer.dispose();
  }
}
