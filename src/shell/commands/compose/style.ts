/**
 * What differs between docker-compose 1.21 (the standalone Python tool PWK shipped) and the
 * `docker compose` v2 plugin: container and image names, and how progress is reported.
 */
import type { Project, Service } from './project';

export type ComposeStyle = 'v1' | 'v2';

export const COMPOSE_V1_VERSION = '1.21.0';
export const COMPOSE_V1_BUILD = '5920eb0';
export const COMPOSE_V2_VERSION = 'v2.17.2';

/** "dockercoins_worker_2" (v1) or "dockercoins-worker-2" (v2), unless the service names it. */
export function containerName(style: ComposeStyle, project: Project, service: Service, n: number): string {
  if (service.containerName !== undefined) return service.containerName;
  return style === 'v1' ? `${project.name}_${service.name}_${n}` : `${project.name}-${service.name}-${n}`;
}

/** The image compose builds for a service without `image:`. */
export function builtImageName(style: ComposeStyle, project: Project, service: Service): string {
  return service.image ?? (style === 'v1' ? `${project.name}_${service.name}` : `${project.name}-${service.name}`);
}

/** The image a service runs: its `image:`, else the one compose builds for it. */
export function imageOf(style: ComposeStyle, project: Project, service: Service): string {
  return service.image ?? builtImageName(style, project, service);
}
