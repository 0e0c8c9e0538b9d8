import { beforeAll, describe, expect, it } from 'vitest';
import { hashStats, snapshotOf } from '../../../engine';
import { preloadCommands } from '../../index';
import { shellOn, testWorld } from '../../testing/harness';

const times = (output: string): number[] => [...output.matchAll(/time=\s*([\d.]+) ms/g)].map((m) => Number(m[1]));

beforeAll(async () => {
  await preloadCommands();
});

/**
 * The real thing end to end: git clone, docker-compose (the container runtime of
 * src/engine/containers) starting the DockerCoins programs, curl and httping against them.
 */
describe('DockerCoins with docker-compose', () => {
  it('mines at the model\'s speed, scales to rng\'s ceiling, and shows the bottleneck', async () => {
    const world = testWorld({ seed: 'dockercoins-integration' });
    const sh = shellOn(world, 'node1');
    expect((await sh.run('git clone https://github.com/jpetazzo/container.training')).exitCode).toBe(0);
    expect((await sh.run('cd container.training/dockercoins && docker-compose up -d')).exitCode).toBe(0);
    await sh.run('sleep 20');

    const json = JSON.parse((await sh.run('curl -s localhost:8000/json')).stdout) as { coins: number; hashes: string; now: number };
    expect(typeof json.coins).toBe('number');
    expect(Number(json.hashes)).toBeGreaterThan(30);

    await sh.run('sleep 60');
    const one = hashStats(world, { node: 'node1', windowMs: 60_000 })[0]!;
    expect(one.container).toBe('dockercoins_redis_1');
    expect(one.hashesPerSecond).toBeGreaterThan(3.0);
    expect(one.hashesPerSecond).toBeLessThan(3.7);

    const logs = await sh.run('docker-compose logs --tail 3 worker');
    expect(logs.stdout).toContain('units of work done, updating hash counter');

    expect((await sh.run('docker-compose up -d --scale worker=10')).exitCode).toBe(0);
    await sh.run('sleep 80');
    const ten = hashStats(world, { node: 'node1', windowMs: 60_000 })[0]!;
    expect(ten.hashesPerSecond).toBeGreaterThan(9);
    expect(ten.hashesPerSecond).toBeLessThan(11);

    for (const t of times((await sh.run('httping -c 3 localhost:8001')).output)) {
      expect(t).toBeGreaterThan(600);
      expect(t).toBeLessThan(1000);
    }
    for (const t of times((await sh.run('httping -c 3 localhost:8002')).output)) expect(t).toBeLessThan(5);

    const traffic = snapshotOf(world).traffic;
    expect(traffic.some((e) => e.from === 'node1/dockercoins_worker_10' && e.to === 'node1/dockercoins_rng_1' && e.kind === 'http')).toBe(true);
    expect(traffic.some((e) => e.to === 'node1/dockercoins_redis_1' && e.kind === 'redis')).toBe(true);
  });

  it('serves the web UI\'s files, and an edited worker.py really changes the speed', async () => {
    const world = testWorld({ seed: 'dockercoins-edited' });
    const sh = shellOn(world, 'node1');
    await sh.run('git clone https://github.com/jpetazzo/container.training');
    const path = '/root/container.training/dockercoins/worker/worker.py';
    // The rollout chapter's slower worker: a 1 s sleep per unit of work.
    sh.writeFile(path, sh.readFile(path)!.replace('sleep(0.1)', 'sleep(1)'));
    expect((await sh.run('cd container.training/dockercoins && docker-compose up -d')).exitCode).toBe(0);
    await sh.run('sleep 70');
    expect((await sh.run('curl -sL localhost:8000')).stdout).toContain('<title>DockerCoin Miner WebUI</title>');
    const rate = hashStats(world, { node: 'node1', windowMs: 60_000 })[0]!.hashesPerSecond;
    expect(rate).toBeGreaterThan(0.75);
    expect(rate).toBeLessThan(0.9);
  });
});
