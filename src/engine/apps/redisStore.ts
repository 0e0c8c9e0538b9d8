/**
 * Redis' keyspace and the commands DockerCoins uses (INCRBY, GET, HSET, HLEN), plus the ones a
 * learner tries from redis-cli (PING, SET, DEL, KEYS, TYPE, INFO...), with Redis 7's replies and
 * error wording. Values are byte strings (see ../net/redis.ts).
 *
 * It also remembers how the `hashes` counter grew over the last two minutes, second by second:
 * that is DockerCoins' speed, which lesson checks and the bench read (hashRate()).
 */
import { bulk, integer, NIL, OK, redisError, type RedisReply } from '../net/redis';
import { VERSIONS } from './versions';

export type RedisValue = { readonly type: 'string'; value: string } | { readonly type: 'hash'; readonly value: Map<string, string> };

const HISTORY_SECONDS = 120;
const COUNTER_KEY = 'hashes';

const WRONGTYPE = redisError('WRONGTYPE Operation against a key holding the wrong kind of value');
const NOT_INTEGER = redisError('ERR value is not an integer or out of range');

function arity(name: string): RedisReply {
  return redisError(`ERR wrong number of arguments for '${name}' command`);
}

/** Redis' glob (KEYS pattern): *, ?, [abc], [^a], \x. */
function globToRegex(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        re += `[${body.startsWith('^') ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`${re}$`);
}

function parseInteger(text: string): number | undefined {
  return /^-?\d{1,15}$/.test(text) ? Number(text) : undefined;
}

export class RedisStore {
  private readonly data = new Map<string, RedisValue>();
  /** Changes since the last save, for the "N changes in M seconds. Saving..." rule. */
  dirty = 0;
  private readonly counterSeconds = new Float64Array(HISTORY_SECONDS).fill(-1);
  private readonly counterValues = new Float64Array(HISTORY_SECONDS);
  private counterValue = 0;
  private counterSecond = -1;
  private baseValue = 0;

  constructor(
    private readonly now: () => number,
    private readonly startedAt = now(),
  ) {}

  /** What an RDB file would hold: a deep copy of the keyspace. */
  dump(): ReadonlyMap<string, RedisValue> {
    const copy = new Map<string, RedisValue>();
    for (const [k, v] of this.data) copy.set(k, v.type === 'string' ? { type: 'string', value: v.value } : { type: 'hash', value: new Map(v.value) });
    return copy;
  }

  /** Loads a dump (Redis reading dump.rdb at start-up). */
  load(rdb: ReadonlyMap<string, RedisValue>): void {
    this.data.clear();
    for (const [k, v] of rdb) this.data.set(k, v.type === 'string' ? { type: 'string', value: v.value } : { type: 'hash', value: new Map(v.value) });
    // The counter had its loaded value all along, as far as its speed is concerned.
    this.counterValue = Number(this.getString(COUNTER_KEY) ?? '0') || 0;
    this.baseValue = this.counterValue;
    this.counterSecond = -1;
    this.counterSeconds.fill(-1);
    this.fillTo(Math.floor(this.now() / 1000));
    this.dirty = 0;
  }

  get size(): number {
    return this.data.size;
  }

  /** A string value as Redis holds it, or undefined. */
  getString(key: string): string | undefined {
    const v = this.data.get(key);
    return v?.type === 'string' ? v.value : undefined;
  }

  hashLength(key: string): number {
    const v = this.data.get(key);
    return v?.type === 'hash' ? v.value.size : 0;
  }

  /** The `hashes` counter's growth per second over the last `windowMs` (at most two minutes). */
  hashRate(windowMs: number): number {
    const now = this.now();
    const second = Math.floor(now / 1000);
    this.fillTo(second);
    const window = Math.min(Math.max(Math.round(windowMs / 1000), 1), HISTORY_SECONDS - 1);
    const t = second - window;
    const i = ((t % HISTORY_SECONDS) + HISTORY_SECONDS) % HISTORY_SECONDS;
    // Before the history starts: the counter as the store began (0, or what dump.rdb held).
    const before = this.counterSeconds[i] === t ? this.counterValues[i]! : this.baseValue;
    return (this.counterValue - before) / window;
  }


  /** Seconds without writes keep the last value, so the history has one entry per second. */
  private fillTo(second: number): void {
    for (let s = Math.max(this.counterSecond + 1, second - HISTORY_SECONDS + 1); s <= second; s++) {
      this.counterSeconds[s % HISTORY_SECONDS] = s;
      this.counterValues[s % HISTORY_SECONDS] = this.counterValue;
    }
    if (second > this.counterSecond) this.counterSecond = second;
  }

  private noteCounter(): void {
    const second = Math.floor(this.now() / 1000);
    this.fillTo(second - 1);
    this.counterValue = Number(this.getString(COUNTER_KEY) ?? '0') || 0;
    this.counterSeconds[second % HISTORY_SECONDS] = second;
    this.counterValues[second % HISTORY_SECONDS] = this.counterValue;
    this.counterSecond = second;
  }

  private written(key: string): void {
    this.dirty++;
    if (key === COUNTER_KEY) this.noteCounter();
  }

  private hash(key: string, create: boolean): Map<string, string> | RedisReply | undefined {
    const v = this.data.get(key);
    if (v === undefined) {
      if (!create) return undefined;
      const value = new Map<string, string>();
      this.data.set(key, { type: 'hash', value });
      return value;
    }
    return v.type === 'hash' ? v.value : WRONGTYPE;
  }

  private incrBy(key: string, by: number): RedisReply {
    const v = this.data.get(key);
    if (v !== undefined && v.type !== 'string') return WRONGTYPE;
    const current = v === undefined ? 0 : parseInteger(v.value);
    if (current === undefined) return NOT_INTEGER;
    const next = current + by;
    this.data.set(key, { type: 'string', value: String(next) });
    this.written(key);
    return integer(next);
  }

  /** Runs one command (args[0] is its name, any case). */
  execute(args: readonly string[]): RedisReply {
    const name = (args[0] ?? '').toLowerCase();
    const n = args.length;
    switch (name) {
      case 'ping':
        return n === 1 ? { type: 'status', value: 'PONG' } : n === 2 ? bulk(args[1]!) : arity(name);
      case 'echo':
        return n === 2 ? bulk(args[1]!) : arity(name);
      case 'get': {
        if (n !== 2) return arity(name);
        const v = this.data.get(args[1]!);
        return v === undefined ? NIL : v.type === 'string' ? bulk(v.value) : WRONGTYPE;
      }
      case 'set':
        if (n < 3) return arity(name);
        this.data.set(args[1]!, { type: 'string', value: args[2]! });
        this.written(args[1]!);
        return OK;
      case 'incr':
      case 'decr':
        return n === 2 ? this.incrBy(args[1]!, name === 'incr' ? 1 : -1) : arity(name);
      case 'incrby':
      case 'decrby': {
        if (n !== 3) return arity(name);
        const by = parseInteger(args[2]!);
        return by === undefined ? NOT_INTEGER : this.incrBy(args[1]!, name === 'incrby' ? by : -by);
      }
      case 'del':
      case 'unlink': {
        if (n < 2) return arity(name);
        let removed = 0;
        for (const key of args.slice(1)) {
          if (!this.data.delete(key)) continue;
          removed++;
          this.written(key);
        }
        return integer(removed);
      }
      case 'exists':
        return n < 2 ? arity(name) : integer(args.slice(1).filter((k) => this.data.has(k)).length);
      case 'type': {
        if (n !== 2) return arity(name);
        return { type: 'status', value: this.data.get(args[1]!)?.type ?? 'none' };
      }
      case 'keys': {
        if (n !== 2) return arity(name);
        const re = globToRegex(args[1]!);
        return { type: 'array', value: [...this.data.keys()].filter((k) => re.test(k)).map((k) => bulk(k)) };
      }
      case 'dbsize':
        return integer(this.data.size);
      case 'flushall':
      case 'flushdb':
        this.data.clear();
        this.dirty++;
        this.noteCounter();
        return OK;
      case 'select':
        return n !== 2 ? arity(name) : args[1] === '0' ? OK : redisError('ERR DB index is out of range');
      case 'hset':
      case 'hmset': {
        if (n < 4 || n % 2 !== 0) return arity(name);
        const h = this.hash(args[1]!, true);
        if (!(h instanceof Map)) return h ?? WRONGTYPE;
        let added = 0;
        for (let i = 2; i < n; i += 2) {
          if (!h.has(args[i]!)) added++;
          h.set(args[i]!, args[i + 1]!);
        }
        this.written(args[1]!);
        return name === 'hset' ? integer(added) : OK;
      }
      case 'hget': {
        if (n !== 3) return arity(name);
        const h = this.hash(args[1]!, false);
        return h === undefined ? NIL : h instanceof Map ? bulk(h.get(args[2]!) ?? null) : h;
      }
      case 'hlen':
      case 'hkeys':
      case 'hvals':
      case 'hgetall': {
        if (n !== 2) return arity(name);
        const h = this.hash(args[1]!, false);
        if (h !== undefined && !(h instanceof Map)) return h;
        if (name === 'hlen') return integer(h?.size ?? 0);
        const items: RedisReply[] = [];
        for (const [k, v] of h ?? []) {
          if (name !== 'hvals') items.push(bulk(k));
          if (name !== 'hkeys') items.push(bulk(v));
        }
        return { type: 'array', value: items };
      }
      case 'hexists':
      case 'hdel': {
        if (n < 3 || (name === 'hexists' && n !== 3)) return arity(name);
        const h = this.hash(args[1]!, false);
        if (h !== undefined && !(h instanceof Map)) return h;
        if (name === 'hexists') return integer(h?.has(args[2]!) ? 1 : 0);
        let removed = 0;
        for (const field of args.slice(2)) if (h?.delete(field)) removed++;
        if (h && h.size === 0) this.data.delete(args[1]!);
        if (removed > 0) this.written(args[1]!);
        return integer(removed);
      }
      case 'info':
        return bulk(this.info());
      default: {
        const rest = args.slice(1, 4).map((a) => `'${a}' `).join('');
        return redisError(`ERR unknown command '${args[0] ?? ''}', with args beginning with: ${rest}`);
      }
    }
  }

  private info(): string {
    const uptime = Math.floor((this.now() - this.startedAt) / 1000);
    const keyspace = this.data.size > 0 ? `db0:keys=${this.data.size},expires=0,avg_ttl=0\r\n` : '';
    return [
      '# Server', `redis_version:${VERSIONS.redis}`, 'redis_mode:standalone', 'os:Linux 4.4.0-210-generic x86_64', 'arch_bits:64',
      'process_id:1', 'tcp_port:6379', `uptime_in_seconds:${uptime}`, `uptime_in_days:${Math.floor(uptime / 86400)}`, '',
      '# Clients', 'connected_clients:1', '', '# Persistence', 'loading:0', `rdb_changes_since_last_save:${this.dirty}`, '',
      '# Keyspace', '',
    ].join('\r\n') + keyspace;
  }
}
