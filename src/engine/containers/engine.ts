/**
 * The docker engine of one host: images, networks and containers, and the lifecycle the daemon
 * gives them. A container starts by taking an address on its network, publishing its ports through
 * forwarders (docker-proxy) and running its program in a sandbox; `stop` sends SIGTERM and, after
 * the grace period, SIGKILL (exit code 137); a crash restarts it when its restart policy says so.
 * Everything happens on the world's virtual clock.
 */
import { Emitter } from '../emitter';
import type { Host } from '../host/host';
import type { Random } from '../random';
import type { World } from '../world';
import { Container, type ProcessHooks } from './container';
import { containerView } from './containerFs';
import { genericProgram } from './generic';
import { ImageStore } from './images';
import { DockerNetwork, macFor, nextPrefix } from './networks';
import type { ProcessSignal, ProgramTable } from './process';
import { programFor } from './programs';
import { runTool, type ToolResult } from './toolbox';
import {
  dockerErr, dockerOk, type ContainerInfo, type ContainerSpec, type DockerEvents, type DockerResult, type HealthStatus, type LogEntry, type NetworkInfo,
} from './types';
import { EngineImages } from './engineImages';

export interface DockerEngineInit {
  readonly world: World;
  readonly host: Host;
  /** Read at every start, so programs wired after the engine exists still run. */
  readonly programs: () => ProgramTable;
}

/** docker stop's default grace period, in seconds. */
export const DEFAULT_STOP_TIMEOUT_S = 10;
/** The restart policy's back-off: 100 ms, doubling, at most a minute; reset after 10 s of running. */
const RESTART_BACKOFF_MS = [100, 60_000] as const;

export class DockerEngine {
  readonly events = new Emitter<DockerEvents>();
  readonly node: string;
  readonly world: World;
  readonly host: Host;
  readonly random: Random;
  readonly imageStore = new ImageStore();
  /** Images: list, pull, build, tag, rmi. */
  readonly images: EngineImages;
  private readonly programs: () => ProgramTable;
  private readonly byId = new Map<string, Container>();
  private readonly nets = new Map<string, DockerNetwork>();
  private nextPid = 3000;
  private nextSeq = 1;
  private dnsTurn = 0;
  private readonly hooks: ProcessHooks;

  constructor(init: DockerEngineInit) {
    this.world = init.world;
    this.host = init.host;
    this.node = init.host.name;
    this.programs = init.programs;
    this.random = init.world.random.fork(`docker/${this.node}`);
    this.images = new EngineImages(this);
    const boot = init.world.wallNow();
    for (const [name, driver, prefix] of [['bridge', 'bridge', '172.17'], ['host', 'host', ''], ['none', 'null', '']] as const) {
      this.nets.set(name, new DockerNetwork(this.random.hex(64), name, driver, prefix, boot, {}, true));
    }
    this.hooks = {
      world: this.world,
      node: this.node,
      resolve: (from, name) => this.resolveName(from, name),
      readFile: (from, path) => this.viewOf(from).readFile(path),
      log: (from, stream, line) => {
        const entry = from.logs.push(this.world.wallNow(), stream, line);
        this.events.emit('log', { container: from, entry });
      },
      exited: (from, code) => this.onExit(from, code),
    };
  }

  // ---- networks

  networks(): NetworkInfo[] {
    return [...this.nets.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  network(ref: string): DockerNetwork | undefined {
    const byName = this.nets.get(ref);
    if (byName) return byName;
    const matches = [...this.nets.values()].filter((n) => ref.length > 0 && n.id.startsWith(ref));
    return matches.length === 1 ? matches[0] : undefined;
  }

  createNetwork(name: string, labels: Readonly<Record<string, string>> = {}): DockerResult<NetworkInfo> {
    if (this.nets.has(name)) return dockerErr('conflict', `network with name ${name} already exists`);
    const prefix = nextPrefix(new Set([...this.nets.values()].map((n) => n.subnet.split('.').slice(0, 2).join('.'))));
    if (!prefix) return dockerErr('invalid', 'could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network');
    const net = new DockerNetwork(this.random.hex(64), name, 'bridge', prefix, this.world.wallNow(), labels, false);
    this.nets.set(name, net);
    this.events.emit('network', { action: 'create', network: net });
    this.world.touch();
    return dockerOk(net);
  }

  removeNetwork(ref: string): DockerResult<NetworkInfo> {
    const net = this.network(ref);
    if (!net) return dockerErr('not-found', `network ${ref} not found`);
    if (net.builtin) return dockerErr('in-use', `${net.name} is a pre-defined network and cannot be removed`);
    if ([...this.byId.values()].some((c) => c.network === net.name && c.isRunning)) {
      return dockerErr('in-use', `error while removing network: network ${net.name} id ${net.id} has active endpoints`);
    }
    this.nets.delete(net.name);
    this.events.emit('network', { action: 'destroy', network: net });
    this.world.touch();
    return dockerOk(net);
  }

  // ---- containers

  /** Newest first, as `docker ps` lists them. */
  containers(all = false): ContainerInfo[] {
    return [...this.byId.values()].filter((c) => all || c.state === 'running' || c.state === 'restarting').sort((a, b) => b.created - a.created || b.seq - a.seq);
  }

  /** By full id, name (with or without the leading slash) or a unique id prefix. */
  container(ref: string): ContainerInfo | undefined {
    return this.find(ref);
  }

  private find(ref: string): Container | undefined {
    const name = ref.replace(/^\//, '');
    const exact = this.byId.get(ref) ?? [...this.byId.values()].find((c) => c.name === name);
    if (exact) return exact;
    const matches = /^[0-9a-f]+$/.test(ref) ? [...this.byId.values()].filter((c) => c.id.startsWith(ref)) : [];
    return matches.length === 1 ? matches[0] : undefined;
  }

  private lookup(ref: string): DockerResult<Container> {
    const c = this.find(ref);
    return c ? dockerOk(c) : dockerErr('not-found', `No such container: ${ref}`);
  }

  create(spec: ContainerSpec): DockerResult<ContainerInfo> {
    const image = this.imageStore.resolve(spec.image);
    if (!image) return dockerErr('not-found', `No such image: ${spec.image.includes(':') || spec.image.includes('@') ? spec.image : `${spec.image}:latest`}`);
    const networkName = spec.network ?? 'bridge';
    if (!this.nets.has(networkName)) return dockerErr('not-found', `network ${networkName} not found`);
    const id = this.random.hex(64);
    let name = spec.name;
    if (name !== undefined) {
      if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) return dockerErr('invalid', `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
      const taken = this.find(name.replace(/^\//, ''));
      if (taken && taken.name === name.replace(/^\//, '')) {
        return dockerErr('conflict', `Conflict. The container name "/${taken.name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`);
      }
      name = name.replace(/^\//, '');
    } else {
      name = this.randomName();
    }
    const entrypoint = spec.entrypoint ?? image.entrypoint;
    const cmd = spec.cmd ?? (spec.entrypoint ? [] : image.cmd);
    const env = [...image.env];
    for (const [k, v] of Object.entries(spec.env ?? {})) {
      const i = env.findIndex((e) => e.startsWith(`${k}=`));
      if (i >= 0) env[i] = `${k}=${v}`;
      else env.push(`${k}=${v}`);
    }
    env.unshift(`HOSTNAME=${id.slice(0, 12)}`);
    const c = new Container({
      id, seq: this.nextSeq++, name, image: spec.image, imageId: image.id, entrypoint, cmd, env, labels: { ...image.labels, ...spec.labels }, created: this.world.wallNow(),
      ports: spec.ports ?? [], exposed: [...new Set([...image.exposed, ...(spec.ports ?? []).map((p) => `${p.containerPort}/${p.protocol}`)])],
      network: networkName, aliases: spec.aliases ?? [], mounts: spec.mounts ?? [], restartPolicy: spec.restart ?? 'no', autoRemove: spec.autoRemove ?? false,
      tty: spec.tty ?? false, program: programFor([...entrypoint, ...cmd], image.program, spec.cmd !== undefined || spec.entrypoint !== undefined),
    });
    this.byId.set(id, c);
    this.events.emit('container', { action: 'create', container: c });
    this.world.touch();
    return dockerOk(c);
  }

  start(ref: string): DockerResult<ContainerInfo> {
    const found = this.lookup(ref);
    if (!found.ok) return found;
    const c = found.value;
    if (c.isRunning) return dockerOk(c);
    return this.launch(c);
  }

  private launch(c: Container): DockerResult<ContainerInfo> {
    const net = this.nets.get(c.network);
    if (!net) return dockerErr('not-found', `network ${c.network} not found`);
    const ip = net.name === 'host' ? this.host.ip : net.allocate() ?? '';
    const conflict = c.ports.map((p) => this.portConflict(c, p.hostIp, p.hostPort)).find((m) => m !== undefined);
    if (conflict) {
      net.release(ip);
      return dockerErr('port', conflict);
    }
    c.ip = ip;
    c.mac = net.name === 'host' ? '' : macFor(ip);
    if (ip && net.name !== 'host') {
      this.world.network.addAddress(this.node, ip, 'host-local');
      c.holdUntilExit(() => {
        net.release(ip);
        this.world.network.removeAddress(this.node, ip);
      });
    }
    for (const p of c.ports) {
      if (p.protocol !== 'tcp' || !ip) continue;
      c.holdUntilExit(this.world.network.listen({
        host: this.node, address: p.hostIp || '0.0.0.0', port: p.hostPort, protocol: 'TCP', process: 'docker-proxy', service: { kind: 'forward', ip, port: p.containerPort },
      }));
    }
    if (c.pendingTimer !== undefined) this.world.clock.cancel(c.pendingTimer);
    c.pendingTimer = undefined;
    c.state = 'running';
    c.stopRequested = false;
    c.startedAt = this.world.wallNow();
    c.pid = this.nextPid++;
    this.events.emit('container', { action: 'start', container: c });
    this.world.touch();
    const main = (c.program !== undefined ? this.programs()[c.program] : undefined) ?? genericProgram(this.viewOf(c));
    c.run(main, this.hooks);
    return dockerOk(c);
  }

  /** Docker's messages for a host port already taken: by another container, or by a host process. */
  private portConflict(c: Container, hostIp: string, port: number): string | undefined {
    const bind = hostIp || '0.0.0.0';
    const holder = this.world.network.all().find((l) => l.host === this.node && l.port === port && l.protocol === 'TCP' && (l.address === '0.0.0.0' || bind === '0.0.0.0' || l.address === bind));
    if (!holder) return undefined;
    if (holder.process === 'docker-proxy') {
      const endpoint = this.random.hex(64);
      return `driver failed programming external connectivity on endpoint ${c.name} (${endpoint}): Bind for ${bind}:${port} failed: port is already allocated`;
    }
    return `driver failed programming external connectivity on endpoint ${c.name} (${this.random.hex(64)}): Error starting userland proxy: listen tcp4 ${bind}:${port}: bind: address already in use`;
  }

  /** Starts the stop: SIGTERM now, SIGKILL when the grace period ends. Watch `state` for the end. */
  stop(ref: string, timeoutSeconds = DEFAULT_STOP_TIMEOUT_S): DockerResult<ContainerInfo> {
    const found = this.lookup(ref);
    if (!found.ok) return found;
    const c = found.value;
    if (c.state === 'restarting') {
      this.cancelPending(c);
      c.state = 'exited';
      this.world.touch();
      return dockerOk(c);
    }
    if (!c.isRunning) return dockerOk(c);
    c.stopRequested = true;
    if (c.pendingTimer === undefined) {
      c.pendingTimer = this.world.clock.schedule(Math.max(0, timeoutSeconds) * 1000, () => {
        c.pendingTimer = undefined;
        c.signal('SIGKILL', this.hooks);
      }, `docker:stop:${c.name}`);
      c.signal('SIGTERM', this.hooks);
    }
    return dockerOk(c);
  }

  kill(ref: string, signal: ProcessSignal = 'SIGKILL'): DockerResult<ContainerInfo> {
    const found = this.lookup(ref);
    if (!found.ok) return found;
    const c = found.value;
    if (!c.isRunning) return dockerErr('not-running', `Cannot kill container: ${ref}: Container ${c.id} is not running`);
    c.stopRequested = true;
    this.events.emit('container', { action: 'kill', container: c });
    c.signal(signal, this.hooks);
    return dockerOk(c);
  }

  /** Stops (with the grace period) then starts again; a stopped container just starts. */
  restart(ref: string, timeoutSeconds = DEFAULT_STOP_TIMEOUT_S): DockerResult<ContainerInfo> {
    const found = this.lookup(ref);
    if (!found.ok) return found;
    const c = found.value;
    if (!c.isRunning) {
      this.cancelPending(c);
      return this.launch(c);
    }
    c.restartAfterStop = true;
    return this.stop(ref, timeoutSeconds);
  }

  remove(ref: string, opts: { readonly force?: boolean } = {}): DockerResult<ContainerInfo> {
    const found = this.lookup(ref);
    if (!found.ok) return found;
    const c = found.value;
    if ((c.isRunning || c.state === 'restarting') && !opts.force) {
      const what = c.state === 'restarting' ? 'restarting' : 'running';
      return dockerErr('conflict', `You cannot remove a ${what} container ${c.id}. Stop the container before attempting removal or force remove`);
    }
    c.restartAfterStop = false;
    if (c.isRunning) {
      c.stopRequested = true;
      c.signal('SIGKILL', this.hooks);
    }
    this.destroy(c);
    return dockerOk(c);
  }

  logs(ref: string): DockerResult<readonly LogEntry[]> {
    const found = this.lookup(ref);
    return found.ok ? dockerOk(found.value.logs.tail()) : found;
  }

  /** `docker exec`: the container's toolbox (hostname, cat, ls, env, ps…). */
  exec(ref: string, argv: readonly string[]): DockerResult<ToolResult> {
    const found = this.lookup(ref);
    if (!found.ok) return found;
    const c = found.value;
    if (!c.isRunning) return dockerErr('not-running', `Container ${c.id} is not running`);
    return dockerOk(runTool(argv, this.viewOf(c)));
  }

  private viewOf(c: Container): ReturnType<typeof containerView> {
    return containerView(c, this.imageStore.get(c.imageId), this.host.fs, this.nets.get(c.network)?.hasDns ?? false);
  }

  /**
   * The HEALTHCHECK status `docker ps` shows, derived instead of run: a container is healthy once
   * its first check is due and something listens on its address, unhealthy when nothing does after
   * the start period and all retries.
   */
  health(c: ContainerInfo): HealthStatus | undefined {
    const hc = this.imageStore.get(c.imageId)?.healthcheck;
    if (!hc || c.state !== 'running') return undefined;
    const elapsed = this.world.wallNow() - c.startedAt;
    const serving = this.world.network.all().some((l) => l.host === this.node && l.address === c.ip);
    if (serving) return elapsed >= hc.intervalMs ? 'healthy' : 'starting';
    return elapsed >= hc.startPeriodMs + hc.intervalMs * Math.max(1, hc.retries) ? 'unhealthy' : 'starting';
  }

  /** The container (any state) created from this image, if one exists. */
  imageInUse(imageId: string): ContainerInfo | undefined {
    return [...this.byId.values()].find((c) => c.imageId === imageId);
  }

  private onExit(c: Container, code: number): void {
    this.cancelPending(c);
    const ranMs = this.world.wallNow() - c.startedAt;
    c.ip = '';
    c.mac = '';
    c.pid = 0;
    c.state = 'exited';
    c.exitCode = code;
    c.finishedAt = this.world.wallNow();
    this.events.emit('container', { action: 'die', container: c });
    if (c.stopRequested) this.events.emit('container', { action: 'stop', container: c });
    this.world.touch();
    if (!this.byId.has(c.id)) return;
    if (c.restartAfterStop) {
      c.restartAfterStop = false;
      this.events.emit('container', { action: 'restart', container: c });
      this.launch(c);
      return;
    }
    const policy = c.restartPolicy;
    const restart = !c.stopRequested && (policy === 'always' || policy === 'unless-stopped' || (policy === 'on-failure' && code !== 0));
    if (restart) {
      if (ranMs >= 10_000) c.restartCount = 0;
      const delay = Math.min(RESTART_BACKOFF_MS[1], RESTART_BACKOFF_MS[0] * 2 ** c.restartCount);
      c.state = 'restarting';
      c.pendingTimer = this.world.clock.schedule(delay, () => {
        c.pendingTimer = undefined;
        c.restartCount++;
        if (this.byId.has(c.id) && c.state === 'restarting' && !this.launch(c).ok) c.state = 'exited';
      }, `docker:restart:${c.name}`);
      return;
    }
    if (c.autoRemove) this.destroy(c);
  }

  private cancelPending(c: Container): void {
    if (c.pendingTimer !== undefined) this.world.clock.cancel(c.pendingTimer);
    c.pendingTimer = undefined;
  }

  private destroy(c: Container): void {
    if (!this.byId.delete(c.id)) return;
    this.cancelPending(c);
    this.events.emit('container', { action: 'destroy', container: c });
    this.world.touch();
  }

  /**
   * Docker's embedded DNS on user-defined networks: running containers by name, short id and
   * aliases (compose service names). A scaled service answers with its containers in turn.
   */
  private resolveName(from: Container, name: string): string | undefined {
    if (name === 'localhost') return '127.0.0.1';
    if (name === from.hostname || name === from.name) return from.ip || undefined;
    const net = this.nets.get(from.network);
    if (!net?.hasDns) return undefined;
    const answers = [...this.byId.values()]
      .filter((c) => c.network === from.network && c.isRunning && c.ip && (c.name === name || c.hostname === name || c.aliases.includes(name)))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    if (answers.length === 0) return undefined;
    return answers[this.dnsTurn++ % answers.length]!.ip;
  }

  private randomName(): string {
    for (;;) {
      const name = `${this.random.pick(ADJECTIVES)}_${this.random.pick(SURNAMES)}`;
      if (!this.find(name)) return name;
    }
  }
}

/** Docker's generated names pair an adjective with a notable scientist or hacker. */
const ADJECTIVES = ['admiring', 'affectionate', 'brave', 'busy', 'clever', 'eager', 'elegant', 'focused', 'friendly', 'gifted', 'happy', 'jolly', 'keen', 'nifty', 'quirky', 'relaxed', 'serene', 'sharp', 'vibrant', 'zealous'];
const SURNAMES = ['babbage', 'curie', 'darwin', 'euclid', 'feynman', 'goldberg', 'hamilton', 'hopper', 'kepler', 'lamarr', 'lovelace', 'noether', 'ritchie', 'shannon', 'thompson', 'torvalds', 'turing', 'wozniak'];
