/**
 * What kubectl logs, exec and port-forward need from the kubelets, which the API server reaches
 * on the client's behalf: a container's log (this instance and the previous one), and a way into a
 * running container (its files, environment, address and resolver) for exec.
 *
 * The engine's kubelets provide it (the pods task's container runtime); tests and the engine wire
 * an implementation per world with `setPodRuntime`. Until one is wired, kubectl answers as a
 * kubelet that keeps no logs would.
 */
import type { World } from '../../../engine';
import type { ExecTarget } from '../../container/target';

export type { ContainerFileView, ExecTarget } from '../../container/target';

/** One line of a container's output. */
export interface LogLine {
  /** Wall-clock milliseconds. */
  readonly time: number;
  /** RFC 3339 with nanoseconds, as `--timestamps` prints it. */
  readonly stamp: string;
  readonly stream: 'stdout' | 'stderr';
  readonly line: string;
}

export interface LogFollower {
  line(entry: LogLine): void;
  /** The instance's process exited: `kubectl logs -f` returns. */
  end(): void;
}

/** The log of one container instance. */
export interface ContainerLog {
  /** Lines oldest first: the last `tail`, only those at or after `sinceWallMs`. */
  entries(opts: { readonly tail?: number; readonly sinceWallMs?: number }): readonly LogLine[];
  /** Lines from now on; `end` fires at once when the instance already exited. Returns an unsubscribe. */
  follow(follower: LogFollower): () => void;
}

export interface PodRuntime {
  /**
   * The log of one instance of a pod's container, by the id its status shows (`containerd://<id>`
   * or the bare id): the running one, or the last that terminated (`--previous`). The kubelet keeps
   * the current and the previous instance.
   */
  log(namespace: string, pod: string, container: string, containerId: string): ContainerLog | undefined;
  /** The container if it runs now. */
  execTarget(namespace: string, pod: string, container: string): ExecTarget | undefined;
}

const runtimes = new WeakMap<World, PodRuntime>();
let fallback: ((world: World) => PodRuntime | undefined) | undefined;

/** Wires the kubelets' pod runtime for one world (tests: a stub). */
export function setPodRuntime(world: World, runtime: PodRuntime): void {
  runtimes.set(world, runtime);
}

/** Wires how to find the runtime of any world (the engine's kubelets), once. */
export function setDefaultPodRuntime(find: (world: World) => PodRuntime | undefined): void {
  fallback = find;
}

const NONE: PodRuntime = { log: () => undefined, execTarget: () => undefined };

export function podRuntimeOf(world: World): PodRuntime {
  return runtimes.get(world) ?? fallback?.(world) ?? NONE;
}
