/**
 * One pod on one node, as the kubelet's pod worker and containerd run it: the sandbox, then init
 * containers one at a time, then the containers in order, each pulled, created and started; then
 * readiness, exits and restarts with back-off, and graceful termination. Each step is a timer on
 * the virtual clock whose length comes from the lifecycle profile; every change is reported to
 * the kubelet (env.changed) which syncs the pod's status to the API.
 */
import type { PodSpec } from 'kubernetes-types/core/v1';
import type { TimerId } from '../../clock';
import { formatGoDuration } from './goDuration';
import { behaviourOf, restartDelayMs, type ContainerBehaviour } from './lifecycle';
import { startContainer } from './containerStart';
import type { RuntimeEnv } from './runtimeEnv';
import { fieldPath, newContainerRun, type ContainerRun, type PodIdentity, type WorkerPhase } from './containerRun';

export type { ContainerRun, ContainerRunState, PodIdentity, Terminated, WorkerPhase } from './containerRun';

export class PodWorker {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly spec: PodSpec;
  readonly source: 'api' | 'file';
  readonly containers: ContainerRun[];
  phase: WorkerPhase = 'sandbox';
  podIp: string | undefined;
  startTime: number | undefined;
  private readonly timers = new Set<TimerId>();
  private readonly onStopped: (() => void)[] = [];
  /** While stopping: the sandbox is torn down no earlier than this. */
  private stopEarliest = 0;
  private finishing = false;

  constructor(readonly env: RuntimeEnv, id: PodIdentity) {
    this.namespace = id.namespace;
    this.name = id.name;
    this.uid = id.uid;
    this.labels = id.labels;
    this.spec = id.spec;
    this.source = id.source;
    this.containers = [...(id.spec.initContainers ?? []).map((c) => newContainerRun(c, true)), ...id.spec.containers.map((c) => newContainerRun(c, false))];
    if ((id.spec.initContainers ?? []).length > 0) {
      for (const c of this.containers) if (!c.init) c.state = { kind: 'waiting', reason: 'PodInitializing' };
    }
  }

  get key(): string {
    return `${this.namespace}/${this.name}`;
  }

  get hostNetwork(): boolean {
    return this.spec.hostNetwork === true;
  }

  get stopping(): boolean {
    return this.phase === 'stopping' || this.phase === 'stopped';
  }

  start(): void {
    this.startTime = this.env.wallNow();
    this.createSandbox();
  }

  /** The node's network changed: a pod waiting for it tries again now. */
  retryNetwork(): void {
    if (this.phase !== 'network') return;
    this.cancelTimers();
    this.createSandbox();
  }

  /**
   * Graceful termination: SIGTERM to every running container, SIGKILL to those still running when
   * the grace period ends; the pod is stopped once all have exited and the kubelet has torn down
   * the sandbox (at least `stopMs` after it began).
   */
  stop(gracePeriodMs: number, onStopped?: () => void): void {
    if (onStopped) this.onStopped.push(onStopped);
    if (this.phase === 'stopped') return this.flushStopped();
    if (this.phase === 'stopping') return;
    this.cancelTimers();
    this.phase = 'stopping';
    this.stopEarliest = this.env.now() + this.env.profile.stopMs;
    const running = this.containers.filter((c) => c.state.kind === 'running');
    for (const c of running) this.env.event(this, 'Normal', 'Killing', `Stopping container ${c.spec.name}`, fieldPath(c));
    this.env.changed(this);
    for (const c of running) {
      if (c.instance?.running) c.instance.signal('SIGTERM');
      else if (!this.behaviour(c).ignoresSigterm) this.after(this.env.profile.stopMs, 'stop', () => this.stoppedContainer(c, 0));
    }
    this.after(gracePeriodMs, 'grace period', () => {
      for (const c of this.containers) {
        if (c.state.kind !== 'running') continue;
        if (c.instance?.running) c.instance.signal('SIGKILL');
        if (c.state.kind === 'running') this.stoppedContainer(c, 137);
      }
    });
    this.checkStopped();
  }

  /** Drops every timer at once (the kubelet itself went away). */
  dispose(): void {
    this.cancelTimers();
    for (const c of this.containers) c.instance?.end();
    if (this.podIp && !this.hostNetwork) this.env.releaseIp(this.podIp);
    this.phase = 'stopped';
  }

  behaviour(c: ContainerRun): ContainerBehaviour {
    return this.env.behaviour?.(this, c.spec.name) ?? behaviourOf(this.env.profile, c.imageRef, c.init, c.instance?.modelled ?? false);
  }

  private createSandbox(): void {
    if (!this.hostNetwork) {
      const net = this.env.network();
      if (net.kind === 'not-ready') {
        // The pod worker retries on a short back-off and warns each time (the event's count grows).
        const first = this.phase !== 'network';
        this.phase = 'network';
        this.env.event(this, 'Warning', 'NetworkNotReady',
          'network is not ready: container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized');
        if (first) this.env.changed(this);
        this.after(2 * this.env.profile.syncMs, 'network retry', () => this.createSandbox());
        return;
      }
    }
    this.phase = 'sandbox';
    this.after(this.env.profile.sandboxMs, 'sandbox', () => {
      if (this.hostNetwork) {
        this.podIp = this.env.hostIp;
      } else {
        const net = this.env.network();
        if (net.kind === 'not-ready') return this.createSandbox();
        const allocated = net.kind === 'ready' ? this.env.allocateIp(this) : undefined;
        if (!allocated?.ok) {
          const sandbox = this.env.random(`sandbox/${this.uid}`).hex(64);
          const reason = allocated?.message
            ?? `unable to allocate IP address: Post "http://127.0.0.1:6784/ip/${sandbox}": dial tcp 127.0.0.1:6784: connect: connection refused`;
          const plugin = net.kind === 'plugin-down' ? net.plugin : 'weave-net';
          this.env.event(this, 'Warning', 'FailedCreatePodSandBox',
            `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${sandbox}": plugin type="${plugin}" name="weave" failed (add): ${reason}`);
          this.phase = 'network';
          this.after(this.env.profile.retryMs, 'sandbox retry', () => this.createSandbox());
          return;
        }
        this.podIp = allocated.ip;
      }
      this.phase = 'containers';
      this.env.changed(this);
      this.next();
    });
  }

  /** Starts whatever comes next: the first unfinished init container, else every container not started yet. */
  private next(): void {
    if (this.phase !== 'containers') return;
    for (const c of this.containers) {
      if (!c.init) break;
      if (c.state.kind === 'terminated' && c.state.exitCode === 0) continue;
      if (c.state.kind === 'waiting' && c.containerId === undefined && !c.inProgress) startContainer(this, c, []);
      return;
    }
    const mains = this.containers.filter((c) => !c.init && c.containerId === undefined && c.state.kind === 'waiting' && !c.inProgress);
    // Containers not created yet stay "PodInitializing" in pods with init containers, as the kubelet reports them.
    if (mains[0]) startContainer(this, mains[0], mains.slice(1));
  }

  /** The container is created: start its process (internal to the kubelet: called by ./containerStart). */
  started(c: ContainerRun, then: readonly ContainerRun[]): void {
    const instance = c.instance;
    c.inProgress = false;
    if (instance?.startError) {
      // runc cannot exec the command: the container never runs (containerd reports StartError, 128).
      const now = this.env.wallNow();
      this.env.event(this, 'Warning', 'Failed', `Error: ${instance.startError}`, fieldPath(c));
      c.state = { kind: 'terminated', exitCode: 128, reason: 'StartError', message: instance.startError, startedAt: now, finishedAt: now };
      c.ready = false;
      instance.end();
      this.env.changed(this);
      this.afterExit(c, 128);
      if (then[0]) startContainer(this, then[0], then.slice(1));
      return;
    }
    const startedAt = this.env.wallNow();
    c.state = { kind: 'running', startedAt };
    c.ready = false;
    this.env.event(this, 'Normal', 'Started', `Started container ${c.spec.name}`, fieldPath(c));
    this.env.changed(this);
    this.env.containerStarted(this, c.spec.name);
    instance?.start((code) => this.processExited(c, startedAt, code));
    // A program may end at once (a bad $PORT): nothing more to watch then.
    if (c.state.kind !== 'running' || c.state.startedAt !== startedAt) {
      if (then[0]) startContainer(this, then[0], then.slice(1));
      return;
    }
    const b = this.behaviour(c);
    const crash = b.firstStartCrash;
    if (crash && !c.crashed && c.restartCount === 0) {
      c.crashed = true;
      if (this.env.random(`crash/${this.namespace}/${this.name}/${c.spec.name}`).next() < crash.probability) {
        this.after(crash.afterMs, 'crash', () => this.exited(c, crash.exitCode));
      }
    }
    if (b.exitAfterMs !== undefined) this.after(b.exitAfterMs, 'exit', () => this.exited(c, b.exitCode ?? 0));
    const current = (): boolean => c.state.kind === 'running' && c.state.startedAt === startedAt;
    const setReady = (ok: boolean): void => {
      if (!current() || c.ready === ok) return;
      c.ready = ok;
      this.env.changed(this);
    };
    if (instance?.modelled && !c.init) c.probes = this.env.probes?.(this, c, { ready: setReady, restart: (why) => current() && this.restartUnhealthy(c, why) });
    if (!c.init && !c.probes?.readiness) this.after(b.readyAfterMs ?? this.env.profile.readyMs, 'ready', () => setReady(true));
    if (then[0]) startContainer(this, then[0], then.slice(1));
  }

  /** A failed liveness (or startup) probe: the kubelet kills the container, which then restarts. */
  private restartUnhealthy(c: ContainerRun, message: string): void {
    this.env.event(this, 'Normal', 'Killing', message, fieldPath(c));
    c.probes = undefined;
    const instance = c.instance;
    instance?.signal('SIGTERM');
    this.after((this.spec.terminationGracePeriodSeconds ?? 30) * 1000, 'kill unhealthy', () => {
      if (c.instance === instance) instance?.signal('SIGKILL');
    });
  }

  /** The container's process ended by itself (or by a signal while the pod stops). */
  private processExited(c: ContainerRun, startedAt: number, exitCode: number): void {
    if (c.state.kind !== 'running' || c.state.startedAt !== startedAt) return;
    if (this.phase === 'stopping') return this.stoppedContainer(c, exitCode);
    this.exited(c, exitCode);
  }

  /** A container of a stopping pod has exited. */
  private stoppedContainer(c: ContainerRun, exitCode: number): void {
    if (c.state.kind !== 'running') return;
    this.terminate(c, exitCode, exitCode === 0 ? 'Completed' : 'Error');
    this.env.changed(this);
    this.checkStopped();
  }

  /** Tears the sandbox down once every container has exited. */
  private checkStopped(): void {
    if (this.phase !== 'stopping' || this.finishing) return;
    if (this.containers.some((c) => c.state.kind === 'running')) return;
    this.finishing = true;
    this.after(Math.max(0, this.stopEarliest - this.env.now()), 'stop', () => this.finishStop());
  }

  private exited(c: ContainerRun, exitCode: number): void {
    if (c.state.kind !== 'running') return;
    this.terminate(c, exitCode, exitCode === 0 ? 'Completed' : 'Error');
    this.env.changed(this);
    if (c.init && exitCode === 0) {
      this.after(this.env.profile.syncMs / 2, 'next', () => this.next());
      return;
    }
    this.afterExit(c, exitCode);
  }

  /** Restarts an exited container as its pod's restartPolicy says, with CrashLoopBackOff's back-off. */
  private afterExit(c: ContainerRun, exitCode: number): void {
    const policy = this.spec.restartPolicy ?? 'Always';
    if (policy === 'Never' || (policy === 'OnFailure' && exitCode === 0)) {
      if (this.containers.every((x) => x.init || x.state.kind === 'terminated')) this.phase = 'completed';
      return;
    }
    const delay = restartDelayMs(this.env.profile, c.restartCount);
    if (delay > this.env.profile.syncMs) {
      this.after(this.env.profile.syncMs, 'back-off', () => {
        const podRef = `${this.name}_${this.namespace}(${this.uid})`;
        c.lastTerminated = c.state.kind === 'terminated' ? c.state : c.lastTerminated;
        c.state = {
          kind: 'waiting', reason: 'CrashLoopBackOff',
          message: `back-off ${formatGoDuration((delay - this.env.profile.syncMs) * 1e6)} restarting failed container=${c.spec.name} pod=${podRef}`,
        };
        this.env.event(this, 'Warning', 'BackOff', `Back-off restarting failed container ${c.spec.name} in pod ${podRef}`, fieldPath(c));
        this.env.changed(this);
      });
    }
    this.after(delay, 'restart', () => {
      if (c.state.kind === 'terminated') c.lastTerminated = c.state;
      c.state = { kind: 'waiting', reason: c.init ? 'PodInitializing' : 'ContainerCreating' };
      c.restarting = true;
      startContainer(this, c, []);
    });
  }

  private terminate(c: ContainerRun, exitCode: number, reason: string): void {
    const startedAt = c.state.kind === 'running' ? c.state.startedAt : this.env.wallNow();
    c.state = { kind: 'terminated', exitCode, reason, startedAt, finishedAt: this.env.wallNow() };
    c.ready = false;
    c.probes?.stop();
    c.probes = undefined;
    c.instance?.end();
    this.env.containerStopped(this, c.spec.name);
  }

  private finishStop(): void {
    for (const c of this.containers) {
      if (c.state.kind === 'waiting' && c.containerId === undefined) continue;
      if (c.state.kind === 'waiting') this.terminate(c, 137, 'Error');
    }
    if (this.podIp && !this.hostNetwork) this.env.releaseIp(this.podIp);
    this.phase = 'stopped';
    this.env.changed(this);
    this.flushStopped();
  }

  private flushStopped(): void {
    const callbacks = this.onStopped.splice(0);
    for (const cb of callbacks) cb();
  }

  /** A timer that dies with the worker (internal to the kubelet). */
  after(ms: number, label: string, fn: () => void): void {
    const id = this.env.schedule(ms, () => {
      this.timers.delete(id);
      fn();
    }, `${label} ${this.key}`);
    this.timers.add(id);
  }

  private cancelTimers(): void {
    for (const id of this.timers) this.env.cancel(id);
    this.timers.clear();
  }
}
