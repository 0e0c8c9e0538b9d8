import { describe, expect, it } from 'vitest';
import { World } from '../world';
import { snapshotOf } from '../snapshot';
import { StubCompose } from './testing/stubRuntime';
import { send } from './testing/requests';
import { hashStats } from './stats';

/** DockerCoins with `workers` workers, warmed up for 20 s of virtual time. */
function running(workers: number, seed = `rates-${workers}`): { world: World; compose: StubCompose } {
  const world = new World({ seed });
  const compose = new StubCompose(world).up();
  compose.scale('worker', workers);
  world.advance(20_000);
  return { world, compose };
}

/** Hashes per second, from the Redis counter's growth over a minute (what the web UI plots). */
function measuredRate(world: World): number {
  const before = hashStats(world)[0]!.hashes;
  world.advance(60_000);
  return (hashStats(world)[0]!.hashes - before) / 60;
}

describe('DockerCoins speed comes out of the model', () => {
  it.each([
    [1, 3.33],
    [2, 6.67],
    [10, 10],
  ])('%i worker(s) mine about %f hashes/s (within 10%%)', (workers, expected) => {
    const { world } = running(workers);
    const rate = measuredRate(world);
    expect(rate).toBeGreaterThan(expected * 0.9);
    expect(rate).toBeLessThan(expected * 1.1);
    // The counter's own speed, as lesson checks read it, agrees.
    expect(hashStats(world, { windowMs: 60_000 })[0]!.hashesPerSecond).toBeCloseTo(rate, 0);
  });

  it('more workers than rng can serve do not go faster: 20 workers still ~10/s', () => {
    const { world } = running(20);
    const rate = measuredRate(world);
    expect(rate).toBeGreaterThan(9);
    expect(rate).toBeLessThan(10.5);
  });

  it('with 10 workers rng answers in ~0.8 s (its queue), hasher in a few ms', () => {
    const { world } = running(10);
    const rng: number[] = [];
    const hasher: number[] = [];
    for (let i = 0; i < 3; i++) {
      rng.push(send(world, 'node1', '127.0.0.1', 8001, 'HEAD', '/').tookMs);
      hasher.push(send(world, 'node1', '127.0.0.1', 8002, 'HEAD', '/').tookMs);
      world.advance(1000);
    }
    for (const ms of rng) {
      expect(ms).toBeGreaterThan(600);
      expect(ms).toBeLessThan(1000);
    }
    for (const ms of hasher) expect(ms).toBeLessThan(10);
  });

  it('with one worker rng has no queue', () => {
    const { world } = running(1);
    expect(send(world, 'node1', '127.0.0.1', 8001, 'HEAD', '/').tookMs).toBeLessThan(110);
  });
});

describe('traffic in the snapshot', () => {
  it('shows worker → rng, hasher, redis at the model\'s rates, and calms to nothing when stopped', () => {
    const { world, compose } = running(2);
    const traffic = snapshotOf(world).traffic;
    const edge = (from: string, to: string) => traffic.find((e) => e.from === `node1/dockercoins_${from}` && e.to === `node1/dockercoins_${to}`);
    const rng = edge('worker_1', 'rng_1')!;
    expect(rng).toMatchObject({ kind: 'http', path: '/32' });
    expect(rng.ratePerSecond).toBeGreaterThan(2.8);
    expect(rng.ratePerSecond).toBeLessThan(3.8);
    expect(rng.meanLatencyMs).toBeGreaterThan(100);
    expect(rng.meanLatencyMs).toBeLessThan(110);
    expect(edge('worker_2', 'hasher_1')).toMatchObject({ kind: 'http', path: '/' });
    expect(edge('worker_1', 'redis_1')!.ratePerSecond).toBeGreaterThan(0.6);
    for (const c of compose.containers) compose.kill(c.name);
    world.advance(2000);
    expect(snapshotOf(world).traffic.length).toBeGreaterThan(0);
    world.advance(4000);
    expect(snapshotOf(world).traffic).toEqual([]);
  });
});

describe('determinism', () => {
  const run = (seed: string) => {
    const { world, compose } = running(3, seed);
    world.advance(30_000);
    return { stats: hashStats(world)[0]!, worker: compose.get('worker').lines.join('\n'), rng: compose.get('rng').lines.join('\n') };
  };

  it('the same seed gives the same coins, counters and logs', () => {
    expect(run('same')).toEqual(run('same'));
  });

  it('another seed finds other coins', () => {
    const a = run('one');
    const b = run('two');
    expect(a.worker.match(/Coin found: \w+/g)).not.toEqual(b.worker.match(/Coin found: \w+/g));
  });
});
