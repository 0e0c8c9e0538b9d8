import { describe, expect, it } from 'vitest';
import { World } from '../world';
import { DEFAULT_DOCKERCOINS, StubCompose, type StubSpec } from './testing/stubRuntime';
import { hashStats } from './stats';

const WITHOUT = (...services: string[]): StubSpec[] => DEFAULT_DOCKERCOINS.filter((s) => !services.includes(s.service));

describe('worker', () => {
  it('logs "0 units of work done" first, then 4 units every ~1.2 s', () => {
    const world = new World({ seed: 'worker-log' });
    const compose = new StubCompose(world).up();
    world.advance(10_000);
    const worker = compose.get('worker');
    const units = worker.logs.filter((l) => l.line.includes('units of work done'));
    expect(units[0]!.line).toBe('INFO:__main__:0 units of work done, updating hash counter');
    expect(units.slice(1).every((l) => l.line === 'INFO:__main__:4 units of work done, updating hash counter')).toBe(true);
    const gaps = units.slice(2).map((l, i) => l.at - units[i + 1]!.at);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThan(1150);
      expect(gap).toBeLessThan(1300);
    }
    expect(units.length).toBeGreaterThanOrEqual(8);
    // Every line is Python's default format on stderr.
    expect(worker.logs.every((l) => l.stream === 'stderr' && /^(INFO|DEBUG|ERROR):__main__:/.test(l.line))).toBe(true);
  });

  it('finds a coin about once in 16 units and stores it in the wallet', () => {
    const world = new World({ seed: 'worker-coins' });
    const compose = new StubCompose(world).up();
    world.advance(120_000);
    const coins = compose.get('worker').lines.filter((l) => l.startsWith('INFO:__main__:Coin found: '));
    for (const c of coins) expect(c).toMatch(/^INFO:__main__:Coin found: 0[0-9a-f]{7}\.\.\.$/);
    const stats = hashStats(world)[0]!;
    expect(stats.coins).toBe(coins.length);
    // ~390 units in two minutes: between 1/25 and 1/10 of them are coins.
    expect(coins.length).toBeGreaterThan(stats.hashes / 25);
    expect(coins.length).toBeLessThan(stats.hashes / 10);
  });

  it('fails on Redis name resolution with a traceback, waits 10 s and starts over', async () => {
    const world = new World({ seed: 'worker-noredis' });
    const compose = new StubCompose(world).up(WITHOUT('redis'));
    world.advance(2000);
    const lines = compose.get('worker').lines;
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('golden/worker-no-redis.txt');
    expect(lines[0]).toBe('INFO:__main__:0 units of work done, updating hash counter');
    expect(lines[1]).toBe('ERROR:__main__:In work loop:');
    expect(lines.at(-2)).toBe('redis.exceptions.ConnectionError: Error -2 connecting to redis:6379. Name does not resolve.');
    expect(lines.at(-1)).toBe('ERROR:__main__:Waiting 10s and restarting.');
    compose.start({ service: 'redis', program: 'redis' });
    world.advance(11_000);
    const after = compose.get('worker').lines;
    expect(after.filter((l) => l === 'INFO:__main__:0 units of work done, updating hash counter')).toHaveLength(2);
    expect(after.at(-1)).toMatch(/units of work done|Coin found/);
  });

  it('reports a refused rng connection as requests does', async () => {
    const world = new World({ seed: 'worker-norng' });
    const compose = new StubCompose(world).up();
    world.advance(3000);
    compose.kill('rng');
    world.advance(2000);
    const lines = compose.get('worker').lines;
    const first = lines.indexOf('ERROR:__main__:In work loop:');
    await expect(`${lines.slice(first).join('\n')}\n`).toMatchFileSnapshot('golden/worker-rng-killed.txt');
    expect(lines.at(-1)).toBe('ERROR:__main__:Waiting 10s and restarting.');
  });

  it('ignores SIGTERM (docker stop waits its 10 s) and dies on SIGKILL', () => {
    const world = new World({ seed: 'worker-stop' });
    const compose = new StubCompose(world).up();
    world.advance(2000);
    compose.stop('worker');
    world.advance(9_900);
    expect(compose.get('worker').running).toBe(true);
    world.advance(200);
    expect(compose.get('worker').running).toBe(false);
    expect(compose.get('worker').exitCode).toBe(137);
  });

  it('reads its sleep and its line numbers from the worker.py it runs', () => {
    const source = [
      'import logging', 'import time', 'from redis import Redis', 'import requests', '', 'redis = Redis("redis")', '',
      'def get_random_bytes():', '    r = requests.get("http://rng/32")', '    return r.content', '',
      'def hash_bytes(data):', '    r = requests.post("http://hasher/", data=data)', '    return r.text', '',
      'def work_loop(interval=1):', '    deadline = 0', '    loops_done = 0', '    while True:', '        if time.time() > deadline:',
      '            redis.incrby("hashes", loops_done)', '            loops_done = 0', '            deadline = time.time() + interval',
      '        work_once()', '        loops_done += 1', '',
      'def work_once():', '    time.sleep(1)', '    random_bytes = get_random_bytes()', '    hex_hash = hash_bytes(random_bytes)', '',
      'if __name__ == "__main__":', '    while True:', '        try:', '            work_loop()', '        except:', '            time.sleep(10)', '',
    ].join('\n');
    const world = new World({ seed: 'worker-source' });
    const compose = new StubCompose(world).up(WITHOUT('worker', 'redis'));
    compose.start({ service: 'worker', program: 'dockercoins/worker', command: ['python', 'worker.py'], files: { 'worker.py': source } });
    world.advance(2000);
    const lines = compose.get('worker').lines;
    const second = lines.lastIndexOf('Traceback (most recent call last):');
    expect(lines.slice(second + 1, second + 5)).toEqual([
      '  File "/worker.py", line 35, in <module>', '    work_loop()', '  File "/worker.py", line 21, in work_loop', '    redis.incrby("hashes", loops_done)',
    ]);
    compose.start({ service: 'redis', program: 'redis' });
    world.advance(70_000);
    // A 1 s sleep: 1.2 s per unit, not 0.3.
    const rate = hashStats(world, { windowMs: 50_000 })[0]!.hashesPerSecond;
    expect(rate).toBeGreaterThan(0.75);
    expect(rate).toBeLessThan(0.9);
  });

  it('logs each step with DEBUG=y', () => {
    const world = new World({ seed: 'worker-debug' });
    const compose = new StubCompose(world).up(WITHOUT('worker'));
    compose.start({ service: 'worker', program: 'dockercoins/worker', env: { DEBUG: 'yes' } });
    world.advance(1000);
    expect(compose.get('worker').lines.slice(1, 6)).toEqual([
      'DEBUG:__main__:Doing one unit of work',
      'DEBUG:urllib3.connectionpool:Starting new HTTP connection (1): rng:80',
      'DEBUG:urllib3.connectionpool:http://rng:80 "GET /32 HTTP/1.1" 200 32',
      'DEBUG:urllib3.connectionpool:Starting new HTTP connection (1): hasher:80',
      'DEBUG:urllib3.connectionpool:http://hasher:80 "POST / HTTP/1.1" 200 64',
    ]);
  });
});
