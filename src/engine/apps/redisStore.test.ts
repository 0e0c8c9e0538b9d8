import { describe, expect, it } from 'vitest';
import { RedisStore } from './redisStore';

describe('RedisStore', () => {
  let now = 0;
  const store = () => new RedisStore(() => now);

  it('runs the commands DockerCoins uses, with Redis replies', () => {
    const r = store();
    expect(r.execute(['INCRBY', 'hashes', '4'])).toEqual({ type: 'integer', value: 4 });
    expect(r.execute(['incrby', 'hashes', '0'])).toEqual({ type: 'integer', value: 4 });
    expect(r.execute(['GET', 'hashes'])).toEqual({ type: 'bulk', value: '4' });
    expect(r.execute(['HSET', 'wallet', '0abc', '\u0000\u00ff'])).toEqual({ type: 'integer', value: 1 });
    expect(r.execute(['HSET', 'wallet', '0abc', 'x'])).toEqual({ type: 'integer', value: 0 });
    expect(r.execute(['HLEN', 'wallet'])).toEqual({ type: 'integer', value: 1 });
    expect(r.execute(['HLEN', 'nothing'])).toEqual({ type: 'integer', value: 0 });
    expect(r.execute(['GET', 'nothing'])).toEqual({ type: 'bulk', value: null });
  });

  it('answers a learner\'s redis-cli commands and errors as Redis 7 does', () => {
    const r = store();
    expect(r.execute(['PING'])).toEqual({ type: 'status', value: 'PONG' });
    expect(r.execute(['SET', 'a', '1'])).toEqual({ type: 'status', value: 'OK' });
    r.execute(['HSET', 'wallet', 'f', 'v']);
    expect(r.execute(['KEYS', '*'])).toEqual({ type: 'array', value: [{ type: 'bulk', value: 'a' }, { type: 'bulk', value: 'wallet' }] });
    expect(r.execute(['KEYS', 'w?ll*'])).toEqual({ type: 'array', value: [{ type: 'bulk', value: 'wallet' }] });
    expect(r.execute(['TYPE', 'wallet'])).toEqual({ type: 'status', value: 'hash' });
    expect(r.execute(['GET', 'wallet'])).toEqual({ type: 'error', value: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(r.execute(['INCR', 'wallet'])).toEqual({ type: 'error', value: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(r.execute(['SET', 'b', 'x'])).toEqual({ type: 'status', value: 'OK' });
    expect(r.execute(['INCR', 'b'])).toEqual({ type: 'error', value: 'ERR value is not an integer or out of range' });
    expect(r.execute(['GET'])).toEqual({ type: 'error', value: "ERR wrong number of arguments for 'get' command" });
    expect(r.execute(['FOO', 'bar'])).toEqual({ type: 'error', value: "ERR unknown command 'FOO', with args beginning with: 'bar' " });
    expect(r.execute(['DEL', 'a', 'b', 'zz'])).toEqual({ type: 'integer', value: 2 });
    expect(r.execute(['DBSIZE'])).toEqual({ type: 'integer', value: 1 });
    const info = r.execute(['INFO']);
    expect(info.type === 'bulk' && info.value).toContain('redis_version:7.0.11\r\n');
  });

  it('measures how fast `hashes` grows, second by second, and forgets nothing it should not', () => {
    now = 0;
    const r = store();
    for (let t = 0; t <= 60_000; t += 1200) {
      now = t;
      r.execute(['INCRBY', 'hashes', '4']);
    }
    now = 60_000;
    expect(r.hashRate(10_000)).toBeCloseTo(3.33, 0);
    expect(r.hashRate(60_000)).toBeCloseTo(3.33, 0);
    // Stopped for a minute: the speed falls to 0.
    now = 125_000;
    expect(r.hashRate(10_000)).toBe(0);
  });

  it('dumps and loads its keyspace (dump.rdb) without sharing state', () => {
    now = 5000;
    const a = store();
    a.execute(['INCRBY', 'hashes', '40']);
    a.execute(['HSET', 'wallet', 'k', 'v']);
    const rdb = a.dump();
    a.execute(['HSET', 'wallet', 'k2', 'v2']);
    const b = store();
    b.load(rdb);
    expect(b.getString('hashes')).toBe('40');
    expect(b.hashLength('wallet')).toBe(1);
    // Loaded data is not a jump in speed.
    expect(b.hashRate(10_000)).toBe(0);
  });
});
