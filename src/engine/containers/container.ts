/**
 * One container: its configuration (fixed at create), its state (created → running → exited, or
 * restarting in between), its log, and while it runs, its process in a sandbox. Everything the
 * process holds — listeners on its address, timers — is released when it exits, so a stopped
 * container costs nothing but its log.
 */
import type { TimerId } from '../clock';
import type { Unsubscribe } from '../emitter';
import type { World } from '../world';
import { LogRing } from './logs';
import type { ContainerProcess, LogStream, ProcessSignal, ProgramMain, Sandbox } from './process';
import type { ContainerInfo, DockerContainerState, Mount, PortBinding, RestartPolicy } from './types';

/** Everything fixed when the container is created. */
export interface ContainerConfig {
  readonly id: string;
  /** Creation order on its engine: breaks ties between containers created in the same millisecond. */
  readonly seq: number;
  readonly name: string;
  readonly image: string;
  readonly imageId: string;
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  readonly env: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly created: number;
  readonly ports: readonly PortBinding[];
  readonly exposed: readonly string[];
  readonly network: string;
  readonly aliases: readonly string[];
  readonly mounts: readonly Mount[];
  readonly restartPolicy: RestartPolicy;
  readonly autoRemove: boolean;
  readonly tty: boolean;
  readonly program: string | undefined;
}

/** What a running process needs from the engine. */
export interface ProcessHooks {
  readonly world: World;
  readonly node: string;
  resolve(from: Container, name: string): string | undefined;
  readFile(from: Container, path: string): string | undefined;
  log(from: Container, stream: LogStream, line: string): void;
  exited(from: Container, code: number): void;
}

export class Container implements ContainerInfo {
  readonly id: string;
  readonly seq: number;
  readonly name: string;
  readonly image: string;
  readonly imageId: string;
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  readonly command: readonly string[];
  readonly env: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly created: number;
  readonly ports: readonly PortBinding[];
  readonly exposed: readonly string[];
  readonly network: string;
  readonly aliases: readonly string[];
  readonly mounts: readonly Mount[];
  readonly restartPolicy: RestartPolicy;
  readonly autoRemove: boolean;
  readonly tty: boolean;
  readonly program: string | undefined;
  readonly hostname: string;

  state: DockerContainerState = 'created';
  exitCode = 0;
  startedAt = 0;
  finishedAt = 0;
  restartCount = 0;
  ip = '';
  mac = '';
  pid = 0;
  readonly logs = new LogRing();
  /** Set by `docker stop`/`kill`: the exit that follows is not a crash, so no restart policy applies. */
  stopRequested = false;
  /** `docker restart`: start again once the stop completes. */
  restartAfterStop = false;
  /** The grace-period timer of a stop in progress, or a restart policy's back-off. */
  pendingTimer: TimerId | undefined;

  private process: ContainerProcess | undefined;
  private generation = 0;
  private running = false;
  private killing = false;
  private readonly releases: Unsubscribe[] = [];
  private readonly timers = new Set<TimerId>();

  constructor(config: ContainerConfig) {
    this.id = config.id;
    this.seq = config.seq;
    this.name = config.name;
    this.image = config.image;
    this.imageId = config.imageId;
    this.entrypoint = config.entrypoint;
    this.cmd = config.cmd;
    this.command = [...config.entrypoint, ...config.cmd];
    this.env = config.env;
    this.labels = config.labels;
    this.created = config.created;
    this.ports = config.ports;
    this.exposed = config.exposed;
    this.network = config.network;
    this.aliases = config.aliases;
    this.mounts = config.mounts;
    this.restartPolicy = config.restartPolicy;
    this.autoRemove = config.autoRemove;
    this.tty = config.tty;
    this.program = config.program;
    this.hostname = config.id.slice(0, 12);
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Releases something when the process exits (a published port's forwarder). */
  holdUntilExit(release: Unsubscribe): void {
    this.releases.push(release);
  }

  /** Starts the process; `exited` hooks fire once, whenever it ends (possibly during this call). */
  run(main: ProgramMain, hooks: ProcessHooks): void {
    const gen = ++this.generation;
    this.running = true;
    const live = (): boolean => this.generation === gen && this.running;
    const env: Record<string, string> = {};
    for (const e of this.env) {
      const eq = e.indexOf('=');
      if (eq > 0) env[e.slice(0, eq)] = e.slice(eq + 1);
    }
    const { world, node } = hooks;
    const sandbox: Sandbox = {
      world, node, id: this.id, name: this.name, hostname: this.hostname, ip: this.ip, image: this.image, command: this.command, env,
      resolve: (name) => hooks.resolve(this, name),
      readFile: (path) => hooks.readFile(this, path),
      log: (stream, line) => {
        if (live()) hooks.log(this, stream, line);
      },
      listen: (port, service) => {
        if (!live()) return () => undefined;
        const off = world.network.listen({ host: node, address: this.ip, port, protocol: 'TCP', process: this.name, service });
        // Closing the listener early forgets it too, so a process that listens again and again holds nothing.
        const release = (): void => {
          off();
          const i = this.releases.indexOf(release);
          if (i >= 0) this.releases.splice(i, 1);
        };
        this.releases.push(release);
        return release;
      },
      setTimer: (ms, fn) => {
        const id: TimerId = world.clock.schedule(ms, () => {
          this.timers.delete(id);
          if (live()) fn();
        }, `container:${this.name}`);
        if (live()) this.timers.add(id);
        else world.clock.cancel(id);
        return id;
      },
      clearTimer: (id) => {
        world.clock.cancel(id);
        this.timers.delete(id);
      },
    };
    const exit = (code: number): void => {
      if (!live()) return;
      this.running = false;
      this.process = undefined;
      this.release(world);
      hooks.exited(this, this.killing ? 137 : code);
    };
    const proc = main(sandbox, exit);
    if (live()) this.process = proc;
  }

  /** Delivers a signal to the running process; SIGKILL ends it even if the program would not. */
  signal(sig: ProcessSignal, hooks: ProcessHooks): void {
    if (!this.running) return;
    const gen = this.generation;
    // A killed process gets to hear of it (so a model can forget it) but its exit code is always 137.
    this.killing = sig === 'SIGKILL';
    try {
      this.process?.signal(sig);
    } finally {
      this.killing = false;
    }
    if (sig === 'SIGKILL' && this.running && this.generation === gen) {
      this.running = false;
      this.process = undefined;
      this.release(hooks.world);
      hooks.exited(this, 137);
    }
  }

  private release(world: World): void {
    for (const id of this.timers) world.clock.cancel(id);
    this.timers.clear();
    for (const off of this.releases.splice(0)) off();
  }
}
