/**
 * A minimal container runtime for testing the DockerCoins programs: sandboxes on the engine's
 * Network, the way docker-compose lays the project out (containers dockercoins_<service>_<n> on a
 * bridge 172.18.0.0/16, service names in DNS, published ports forwarded from the node), a 10 s
 * grace period on stop, and every log line kept.
 */
import type { Unsubscribe } from '../../emitter';
import type { ContainerProcess, LogStream, ProgramMain, ProgramTable, Sandbox } from '../../containers/process';
import type { World } from '../../world';
import { DOCKERCOINS_PROGRAMS } from '../index';

export interface StubSpec {
  readonly service: string;
  /** A key of the program table ("dockercoins/rng"), or a program. */
  readonly program: string | ProgramMain;
  /** [host port, container port] pairs. */
  readonly publish?: ReadonlyArray<readonly [number, number]>;
  readonly env?: Readonly<Record<string, string>>;
  readonly command?: readonly string[];
  /** Files the process can read (its image's, its volumes'). */
  readonly files?: Readonly<Record<string, string>>;
}

export interface LogLine {
  readonly at: number;
  readonly stream: LogStream;
  readonly line: string;
}

export class StubContainer {
  readonly logs: LogLine[] = [];
  running = false;
  exitCode: number | undefined;
  process: ContainerProcess | undefined;
  readonly timers = new Set<number>();
  readonly releases: Unsubscribe[] = [];

  constructor(
    readonly name: string,
    readonly id: string,
    readonly ip: string,
    readonly spec: StubSpec,
  ) {}

  /** The log lines' text, in order. */
  get lines(): string[] {
    return this.logs.map((l) => l.line);
  }
}

export const DEFAULT_DOCKERCOINS: readonly StubSpec[] = [
  { service: 'redis', program: 'redis' },
  { service: 'rng', program: 'dockercoins/rng', publish: [[8001, 80]], command: ['python', 'rng.py'] },
  { service: 'hasher', program: 'dockercoins/hasher', publish: [[8002, 80]], command: ['ruby', 'hasher.rb'] },
  { service: 'webui', program: 'dockercoins/webui', publish: [[8000, 80]], command: ['node', 'webui.js'] },
  { service: 'worker', program: 'dockercoins/worker', command: ['python', 'worker.py'] },
];

export class StubCompose {
  readonly containers: StubContainer[] = [];
  private nextIp = 2;
  private readonly idRandom;

  constructor(
    readonly world: World,
    readonly node = 'node1',
    readonly project = 'dockercoins',
    readonly programs: ProgramTable = DOCKERCOINS_PROGRAMS,
    /** Log lines kept per container (between this and twice this). */
    readonly logLimit = 100_000,
  ) {
    this.idRandom = world.random.fork(`stub-compose/${node}/${project}`);
  }

  /** Starts one container per spec (docker-compose up -d). */
  up(specs: readonly StubSpec[] = DEFAULT_DOCKERCOINS): this {
    for (const spec of specs) this.start(spec);
    return this;
  }

  /** Adds (and starts) one more container of the spec's service: dockercoins_<service>_<n>. */
  start(spec: StubSpec): StubContainer {
    const n = this.containers.filter((c) => c.spec.service === spec.service).length + 1;
    const c = new StubContainer(`${this.project}_${spec.service}_${n}`, this.idRandom.hex(64), `172.18.0.${this.nextIp++}`, spec);
    this.containers.push(c);
    this.run(c);
    return c;
  }

  /** --scale service=count, upwards only. */
  scale(service: string, count: number): void {
    const spec = this.containers.find((c) => c.spec.service === service)?.spec;
    if (!spec) throw new Error(`no service ${service}`);
    while (this.containers.filter((c) => c.spec.service === service).length < count) this.start(spec);
  }

  get(name: string): StubContainer {
    const c = this.containers.find((x) => x.name === name || x.name === `${this.project}_${name}_1`);
    if (!c) throw new Error(`no container ${name}`);
    return c;
  }

  /** docker stop: SIGTERM, then SIGKILL after the grace period. */
  stop(name: string, graceMs = 10_000): void {
    const c = this.get(name);
    if (!c.running) return;
    c.process?.signal('SIGTERM');
    this.world.clock.schedule(graceMs, () => {
      if (c.running) this.kill(name);
    });
  }

  kill(name: string): void {
    const c = this.get(name);
    if (!c.running) return;
    c.process?.signal('SIGKILL');
    if (c.running) this.exited(c, 137);
  }

  /** Starts a stopped container again (same id, name and address). */
  restart(name: string): void {
    const c = this.get(name);
    if (!c.running) this.run(c);
  }

  private run(c: StubContainer): void {
    const world = this.world;
    const main = typeof c.spec.program === 'string' ? this.programs[c.spec.program] : c.spec.program;
    if (!main) throw new Error(`no program ${String(c.spec.program)}`);
    c.running = true;
    c.exitCode = undefined;
    world.network.addAddress(this.node, c.ip, 'host-local');
    for (const [hostPort, port] of c.spec.publish ?? []) {
      c.releases.push(world.network.listen({ host: this.node, address: '0.0.0.0', port: hostPort, protocol: 'TCP', process: 'docker-proxy', service: { kind: 'forward', ip: c.ip, port } }));
    }
    const files = c.spec.files;
    const sandbox: Sandbox = {
      world, node: this.node, id: c.id, name: c.name, hostname: c.id.slice(0, 12), ip: c.ip, image: `${this.project}_${c.spec.service}`,
      command: c.spec.command ?? [], env: c.spec.env ?? {},
      resolve: (name) => this.containers.find((x) => x.running && (x.spec.service === name || x.name === name))?.ip,
      ...(files ? { readFile: (path: string) => files[path] ?? files[`/${path}`] } : {}),
      log: (stream, line) => {
        if (!c.running) return;
        // Bounded, as docker's own log ring is: a simulated hour must not hold every line.
        if (c.logs.length >= this.logLimit * 2) c.logs.splice(0, this.logLimit);
        if (this.logLimit === 0) return;
        c.logs.push({ at: world.now(), stream, line });
      },
      listen: (port, service) => {
        const off = world.network.listen({ host: this.node, address: c.ip, port, protocol: 'TCP', process: c.name, service });
        c.releases.push(off);
        return off;
      },
      setTimer: (ms, fn) => {
        const id = world.clock.schedule(ms, () => {
          c.timers.delete(id);
          if (c.running) fn();
        });
        c.timers.add(id);
        return id;
      },
      clearTimer: (id) => {
        world.clock.cancel(id);
        c.timers.delete(id);
      },
    };
    c.process = main(sandbox, (code) => this.exited(c, code));
  }

  private exited(c: StubContainer, code: number): void {
    if (!c.running) return;
    c.running = false;
    c.exitCode = code;
    for (const id of c.timers) this.world.clock.cancel(id);
    c.timers.clear();
    for (const off of c.releases.splice(0)) off();
  }
}
