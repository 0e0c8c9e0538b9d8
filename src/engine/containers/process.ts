/**
 * The contract between a container runtime (docker on a host today, the kubelet's containerd for
 * pods later) and the programs that run inside containers (DockerCoins' rng, hasher, worker, webui,
 * redis...). The runtime gives a program a sandbox — its address, name resolution, a log, a clock —
 * and delivers signals; the program says when it exits. One DockerCoins model then behaves the same
 * whether docker-compose or Kubernetes started it.
 */
import type { TimerId } from '../clock';
import type { Unsubscribe } from '../emitter';
import type { World } from '../world';

export type LogStream = 'stdout' | 'stderr';

export interface Sandbox {
  readonly world: World;
  /** The node (host) it runs on: "node1". */
  readonly node: string;
  /** The container's id (64 hex characters). */
  readonly id: string;
  /** "dockercoins_rng_1", or a pod's container name. */
  readonly name: string;
  /** What `hostname` prints inside: docker uses the short id, Kubernetes the pod name. */
  readonly hostname: string;
  /** Its address: on a docker bridge (host-local) or in the pod network (global). */
  readonly ip: string;
  readonly image: string;
  /** Entrypoint + command, as the image and the run options combine them. */
  readonly command: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Resolves a name as the container's DNS does (compose service names; cluster DNS later). */
  resolve(name: string): string | undefined;
  /**
   * A file as the process sees it (the image's files, bind mounts such as webui's /files/), or
   * undefined. Optional: programs fall back to their defaults when a runtime gives no files.
   */
  readFile?(path: string): string | undefined;
  /** One line of output (no trailing newline): what docker logs, compose and kubectl logs show. */
  log(stream: LogStream, line: string): void;
  /** Listens on the sandbox's own address; ended automatically when the process exits. */
  listen(port: number, service: unknown): Unsubscribe;
  /** A timer on the virtual clock; cleared automatically when the process exits. */
  setTimer(ms: number, fn: () => void): TimerId;
  clearTimer(id: TimerId): void;
}

export type ProcessSignal = 'SIGTERM' | 'SIGINT' | 'SIGKILL';

export interface ContainerProcess {
  /**
   * Delivers a signal. A process that ends calls `exit(code)` (now or later); one that ignores
   * SIGTERM (DockerCoins' worker) keeps running until the runtime's grace period ends in SIGKILL,
   * which always ends it (the runtime then reports exit code 137).
   */
  signal(sig: ProcessSignal): void;
}

/** Starts a program in a sandbox. `exit` may be called at any time, once. */
export type ProgramMain = (sandbox: Sandbox, exit: (code: number) => void) => ContainerProcess;

/** Programs by key ("dockercoins/rng", "redis"...); runtimes receive this table, never a global. */
export type ProgramTable = Readonly<Record<string, ProgramMain>>;
