/**
 * DockerCoins' cost: CPU for one simulated hour of the whole application (redis, rng, hasher,
 * webui and N workers, every request modelled on the virtual clock), and the speed it mined, as
 * JSON lines ({"name", "value", "unit", "budget"?}) like scripts/bench/engine.ts.
 * Run: node --import tsx scripts/bench/dockercoins.ts (scripts/bench.mjs runs it with the engine figures).
 */
import { performance } from 'node:perf_hooks';
import { hashStats, LOG_CAPACITY, StubCompose, World } from '../../src/engine';

function emit(name: string, value: number, unit: string, budget?: number): void {
  console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, ...(budget === undefined ? {} : { budget }) }));
}

const HOUR_MS = 3_600_000;

// Ten simulated minutes first, in a world of their own: the figures are the model's steady cost,
// not the JIT compiling it (a page runs the engine for hours).
{
  const warm = new World({ seed: 'bench-dockercoins-warm-up' });
  new StubCompose(warm, 'node1', 'dockercoins', undefined, LOG_CAPACITY).up().scale('worker', 10);
  warm.advance(600_000);
}

for (const workers of [10, 100]) {
  const world = new World({ seed: `bench-dockercoins-${workers}` });
  // Logs kept as docker keeps them: a ring per container.
  const compose = new StubCompose(world, 'node1', 'dockercoins', undefined, LOG_CAPACITY).up();
  compose.scale('worker', workers);
  world.advance(10_000);
  const before = hashStats(world)[0]!.hashes;
  const cpu = process.cpuUsage();
  const wall = performance.now();
  world.advance(HOUR_MS);
  const used = process.cpuUsage(cpu);
  const wallMs = performance.now() - wall;
  const mined = (hashStats(world)[0]!.hashes - before) / (HOUR_MS / 1000);
  // The design budgets one simulated hour of DockerCoins at full scale to 1 s of CPU.
  emit(`engine.dockercoins.1h-${workers}-workers.cpu`, (used.user + used.system) / 1000, 'ms CPU', 1000);
  emit(`engine.dockercoins.1h-${workers}-workers.wall`, wallMs, 'ms');
  emit(`engine.dockercoins.${workers}-workers.hashes-per-second`, mined, 'hashes/s');
}
