/**
 * DockerCoins' numbers as the engine knows them, for lesson checks, the bench and tests: the
 * `hashes` counter and the coin count of each running Redis, and the counter's speed. Read from
 * the model's own Redis, never from a constant.
 */
import type { World } from '../world';
import type { RedisStore } from './redisStore';

interface RedisHandle {
  readonly node: string;
  /** The container's name: "dockercoins_redis_1". */
  readonly name: string;
  readonly store: RedisStore;
}

const running = new WeakMap<World, Set<RedisHandle>>();

/** A Redis server announces itself while it runs; the returned function withdraws it. */
export function registerRedis(world: World, handle: RedisHandle): () => void {
  let set = running.get(world);
  if (!set) running.set(world, (set = new Set()));
  set.add(handle);
  return () => {
    running.get(world)?.delete(handle);
  };
}

export interface HashStats {
  readonly node: string;
  readonly container: string;
  /** The `hashes` counter (units of work reported by the workers). */
  readonly hashes: number;
  /** HLEN wallet. */
  readonly coins: number;
  /** How fast `hashes` grew over the window asked for, per second. */
  readonly hashesPerSecond: number;
}

export interface HashStatsQuery {
  /** Only the Redis running on this node (compose runs it on the node where `up` ran). */
  readonly node?: string;
  /** Window for the speed, default 10 s, at most two minutes. */
  readonly windowMs?: number;
}

/** One entry per running Redis that matches, in the order they started. */
export function hashStats(world: World, query: HashStatsQuery = {}): HashStats[] {
  const out: HashStats[] = [];
  for (const h of running.get(world) ?? []) {
    if (query.node !== undefined && h.node !== query.node) continue;
    out.push({
      node: h.node,
      container: h.name,
      hashes: Number(h.store.getString('hashes') ?? '0') || 0,
      coins: h.store.hashLength('wallet'),
      hashesPerSecond: h.store.hashRate(query.windowMs ?? 10_000),
    });
  }
  return out;
}
