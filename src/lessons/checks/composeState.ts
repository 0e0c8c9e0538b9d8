/**
 * Reading a host's Docker Compose projects the way `docker-compose ps` sees them: compose knows
 * its containers only by their labels (project, service), so these readers go by the same labels,
 * through the container view the docker engine registers (which never starts an engine: a host
 * where docker was never used simply has no containers).
 */
import { containersOf, type ContainerSnapshot, type World } from '../../engine';

/** A compose project name as compose makes it from a folder: lowercase letters, digits, _ and -. */
export const PROJECT_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
/** A service name in a compose file. */
export const SERVICE_PATTERN = /^[a-zA-Z0-9._-]+$/;

/** Every container of the project on the host, whatever its state. */
export function projectContainers(world: World, host: string, project: string): ContainerSnapshot[] {
  return containersOf(world, host).filter((c) => c.project === project);
}

/** How many of the project's containers run, per service. */
export function runningPerService(world: World, host: string, project: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of projectContainers(world, host, project)) {
    if (c.state !== 'running' || c.service === undefined) continue;
    counts.set(c.service, (counts.get(c.service) ?? 0) + 1);
  }
  return counts;
}
