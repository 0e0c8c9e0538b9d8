/**
 * One docker engine per host, created on first use (most sessions never touch docker), and the
 * table of programs containers run. The table belongs to the world: whoever wires it first wins,
 * so tests install fakes before any docker command and the docker command wires DockerCoins.
 */
import type { World } from '../world';
import { DockerEngine } from './engine';
import type { ProgramTable } from './process';
import { registerContainerView, type ContainerSnapshot } from './registry';
import { COMPOSE_LABELS } from './types';

const engines = new WeakMap<World, Map<string, DockerEngine>>();
const tables = new WeakMap<World, ProgramTable>();
const EMPTY: ProgramTable = {};

/** Installs the program table unless one is already there; returns the one in force. */
export function provideProgramTable(world: World, table: ProgramTable): ProgramTable {
  const current = tables.get(world);
  if (current) return current;
  tables.set(world, table);
  return table;
}

/** Replaces the program table (tests that swap programs mid-way). */
export function setProgramTable(world: World, table: ProgramTable): void {
  tables.set(world, table);
}

export function programTableOf(world: World): ProgramTable {
  return tables.get(world) ?? EMPTY;
}

/** The docker engine of a host, started on first use; undefined for a host the world does not have. */
export function dockerOf(world: World, hostName: string): DockerEngine | undefined {
  let byHost = engines.get(world);
  const existing = byHost?.get(hostName);
  if (existing) return existing;
  const host = world.host(hostName);
  if (!host) return undefined;
  const engine = new DockerEngine({ world, host, programs: () => programTableOf(world) });
  if (!byHost) engines.set(world, (byHost = new Map()));
  byHost.set(hostName, engine);
  registerContainerView(world, hostName, () => snapshotContainers(engine));
  return engine;
}

/** The engine if docker was already used on that host (lesson checks must not start one). */
export function existingDockerOf(world: World, hostName: string): DockerEngine | undefined {
  return engines.get(world)?.get(hostName);
}

function snapshotContainers(engine: DockerEngine): readonly ContainerSnapshot[] {
  return engine.containers(true).reverse().map((c) => {
    const project = c.labels[COMPOSE_LABELS.project];
    const service = c.labels[COMPOSE_LABELS.service];
    return {
      id: c.id, name: c.name, image: c.image, state: c.state, ip: c.ip, ports: c.ports,
      ...(c.state === 'exited' ? { exitCode: c.exitCode } : {}),
      ...(project !== undefined ? { project } : {}), ...(service !== undefined ? { service } : {}),
    };
  });
}
