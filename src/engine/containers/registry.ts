/**
 * Where the snapshot finds each host's containers without loading the docker engine: the engine
 * registers a view of its containers here when it first starts on a host. This module sits on the
 * first prompt's path (the snapshot imports it), so it holds nothing but the lookup.
 */
import type { World } from '../world';
import type { DockerContainerState, PortBinding } from './types';

/** A container as the diagram and lesson checks see it. */
export interface ContainerSnapshot {
  readonly id: string;
  readonly name: string;
  /** Compose project and service, from the container's labels. */
  readonly project?: string;
  readonly service?: string;
  readonly image: string;
  readonly state: DockerContainerState;
  /** The main process's exit code once it exited (137 after a SIGKILL), as `docker ps -a` shows. */
  readonly exitCode?: number;
  /** Its address on its network while it runs, "" otherwise. */
  readonly ip: string;
  readonly ports: readonly PortBinding[];
}

const NONE: readonly ContainerSnapshot[] = [];
const views = new WeakMap<World, Map<string, () => readonly ContainerSnapshot[]>>();

export function registerContainerView(world: World, host: string, view: () => readonly ContainerSnapshot[]): void {
  let byHost = views.get(world);
  if (!byHost) views.set(world, (byHost = new Map()));
  byHost.set(host, view);
}

/** The host's containers (every state), oldest first; none until docker was first used there. */
export function containersOf(world: World, host: string): readonly ContainerSnapshot[] {
  return views.get(world)?.get(host)?.() ?? NONE;
}
