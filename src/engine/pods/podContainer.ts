/**
 * One instance of a pod's container, as containerd holds it: created with its environment, its
 * files and the program its command line runs; started in a sandbox whose address is the pod's
 * (global on the session's network, so pods on other nodes reach it through the overlay), whose
 * hostname is the pod's name and whose resolver is cluster DNS; its log kept for `kubectl logs`.
 * Everything the process holds (listeners, timers) is released when it exits.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { TimerId } from '../clock';
import type { Cluster } from '../cluster/cluster';
import type { ContainerInstance } from '../cluster/kubelet/runtimeEnv';
import type { ContainerProcess, ProcessSignal, ProgramMain, ProgramTable, Sandbox } from '../containers/process';
import type { Unsubscribe } from '../emitter';
import type { NetClient } from '../net/client';
import { isIpv4, resolveOnNode } from '../net/resolve';
import type { World } from '../world';
import type { EnvPairs } from './env';
import { podNetworkHooks } from './hooks';
import type { PodImage } from './images';
import { InstanceLog } from './logs';
import type { ContainerFiles } from './podFs';
import type { ProgramChoice } from './programs';
import type { ScriptHost } from './script/host';
import { commandProgram } from './script/program';

export interface PodContainerInit {
  readonly world: World;
  readonly cluster: Cluster | undefined;
  readonly node: string;
  readonly namespace: string;
  readonly pod: string;
  readonly spec: Container;
  readonly imageRef: string;
  readonly image: PodImage;
  /** 64 hex characters (the status shows `containerd://<id>`). */
  readonly id: string;
  readonly restartCount: number;
  readonly hostname: string;
  readonly ip: string;
  readonly hostNetwork: boolean;
  readonly dnsPolicy: string;
  readonly env: EnvPairs;
  readonly argv: readonly string[];
  readonly files: ContainerFiles;
  readonly choice: ProgramChoice;
  readonly programs: ProgramTable;
}

export class PodContainer implements ContainerInstance {
  readonly id: string;
  readonly name: string;
  readonly log: InstanceLog;
  readonly files: ContainerFiles;
  readonly env: EnvPairs;
  readonly argv: readonly string[];
  readonly hostname: string;
  readonly ip: string;
  readonly node: string;
  readonly image: PodImage;
  readonly imageRef: string;
  private process: ContainerProcess | undefined;
  private exited: ((code: number) => void) | undefined;
  private live = false;
  private ended = false;
  private readonly releases: Unsubscribe[] = [];
  /**
   * Timers this process scheduled that may still be pending, cancelled when it ends. Fired ones
   * are pruned in bulk rather than deleted one by one: a Set churned by every request (rng and
   * hasher schedule tens of thousands an hour) kept reallocating its table.
   */
  private timers: TimerId[] = [];
  private pruneAt = 64;
  /** Every timer of this container carries the same label: built once, not per timer. */
  private readonly timerLabel: string;
  /** For resolve(), asked on every request its program sends. */
  private readonly hostnameLower: string;

  constructor(private readonly init: PodContainerInit) {
    this.id = init.id;
    this.name = init.spec.name;
    this.log = new InstanceLog(init.id, init.restartCount);
    this.files = init.files;
    this.env = init.env;
    this.argv = init.argv;
    this.hostname = init.hostname;
    this.ip = init.ip;
    this.node = init.node;
    this.image = init.image;
    this.imageRef = init.imageRef;
    this.timerLabel = `pod:${init.namespace}/${init.pod}/${this.name}`;
    this.hostnameLower = init.hostname.toLowerCase();
  }

  get running(): boolean {
    return this.live;
  }

  get modelled(): boolean {
    return this.init.choice.kind !== 'missing' && this.init.choice.modelled;
  }

  /** runc's message when the executable is not in the image. */
  get startError(): string | undefined {
    const c = this.init.choice;
    return c.kind === 'missing'
      ? `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${c.binary}": executable file not found in $PATH: unknown`
      : undefined;
  }

  /** Who this container is on the network (the traffic meter names pods `<node>/<namespace>/<pod>`). */
  get client(): NetClient {
    return { node: this.node, ip: this.ip, name: `${this.node}/${this.init.namespace}/${this.init.pod}` };
  }

  /** Resolves a name as the pod's resolv.conf would: its own names, then cluster DNS (or the node's resolver). */
  resolve(name: string): string | undefined {
    if (isIpv4(name)) return name;
    const lower = name.toLowerCase();
    if (lower === 'localhost') return this.init.hostNetwork ? '127.0.0.1' : this.ip;
    if (lower === this.hostnameLower) return this.ip;
    const { dnsPolicy, hostNetwork, world, cluster, node } = this.init;
    const clusterFirst = dnsPolicy === 'ClusterFirstWithHostNet' || (dnsPolicy === 'ClusterFirst' && !hostNetwork);
    if (dnsPolicy === 'None') return undefined;
    if (!clusterFirst) return resolveOnNode(world, node, name);
    const hook = podNetworkHooks(world).resolve;
    return cluster && hook ? hook({ cluster, node, namespace: this.init.namespace, name: lower }) : undefined;
  }

  /** Starts the main process; `exited` is called once, when it ends by itself or by a signal. */
  start(exited: (code: number) => void): void {
    if (this.live || this.ended) return;
    this.live = true;
    const { world, node } = this.init;
    const main = this.program();
    const envRecord: Record<string, string> = {};
    for (const [k, v] of this.env) envRecord[k] = v;
    const sandbox: Sandbox = {
      world, node, id: this.id, name: `${this.init.namespace}/${this.init.pod}`, hostname: this.hostname, ip: this.ip,
      image: this.imageRef, command: this.argv, env: envRecord,
      resolve: (name) => this.resolve(name),
      readFile: (path) => this.files.readFile(path),
      log: (stream, line) => {
        if (this.live) this.log.push(world.wallNow(), stream, line);
      },
      listen: (port, service) => {
        if (!this.live) return () => undefined;
        const off = world.network.listen({ host: node, address: this.init.hostNetwork ? '0.0.0.0' : this.ip, port, protocol: 'TCP', process: this.name, service });
        const release = (): void => {
          off();
          const i = this.releases.indexOf(release);
          if (i >= 0) this.releases.splice(i, 1);
        };
        this.releases.push(release);
        return release;
      },
      setTimer: (ms, fn) => this.timer(ms, fn),
      clearTimer: (id) => {
        // A cancelled id stays listed until pruned; cancelling it again at exit does nothing.
        world.clock.cancel(id);
      },
    };
    this.exited = exited;
    const exit = (code: number): void => {
      if (!this.live) return;
      this.finish();
      exited(code);
    };
    const proc = main(sandbox, exit);
    if (this.live) this.process = proc;
  }

  /** Delivers a signal; SIGKILL ends the process whatever the program does (exit code 137). */
  signal(sig: ProcessSignal): void {
    if (!this.live) return;
    this.process?.signal(sig);
    if (sig === 'SIGKILL' && this.live) {
      this.finish();
      this.exited?.(137);
    }
  }

  /** The process is gone or abandoned: release what it held, close the log. Idempotent. */
  end(): void {
    if (this.live) this.finish();
    this.ended = true;
    this.log.end();
  }

  /** What a command run inside this container (kubectl exec) may touch; its timers die with the container. */
  scriptHost(): ScriptHost {
    return {
      world: this.init.world, node: this.node, ip: this.ip, hostname: this.hostname, flavour: this.image.flavour, client: this.client,
      files: this.files, env: this.env, command: this.argv,
      resolve: (name) => this.resolve(name),
      setTimer: (ms, fn) => this.timer(ms, fn),
      clearTimer: (id) => {
        this.init.world.clock.cancel(id);
      },
    };
  }

  private timer(ms: number, fn: () => void): TimerId {
    const { world } = this.init;
    const id: TimerId = world.clock.schedule(ms, () => {
      if (this.live) fn();
    }, this.timerLabel);
    if (this.live) {
      if (this.timers.length >= this.pruneAt) {
        this.timers = this.timers.filter((t) => world.clock.isPending(t));
        // Many timers really pending: prune again only once as many more were added.
        this.pruneAt = Math.max(64, 2 * this.timers.length);
      }
      this.timers.push(id);
    } else world.clock.cancel(id);
    return id;
  }

  private program(): ProgramMain {
    const choice = this.init.choice;
    if (choice.kind === 'program') {
      const main = this.init.programs[choice.key];
      if (main) return main;
    }
    const host = this.scriptHost();
    return commandProgram(host, this.init.spec.stdin === true);
  }

  private finish(): void {
    this.live = false;
    this.process = undefined;
    for (const id of this.timers) this.init.world.clock.cancel(id);
    this.timers = [];
    for (const off of this.releases.splice(0)) off();
  }
}
