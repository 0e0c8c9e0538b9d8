/**
 * The Redis protocol as the model sees it: a command is an array of byte strings, a reply is one
 * of RESP's five types. Byte strings are JS strings whose characters are bytes (0–255), which is
 * what Redis stores (binary-safe strings): the wallet's values are the 32 random bytes of a coin.
 */
export type RedisReply =
  | { readonly type: 'status'; readonly value: string }
  | { readonly type: 'error'; readonly value: string }
  | { readonly type: 'integer'; readonly value: number }
  | { readonly type: 'bulk'; readonly value: string | null }
  | { readonly type: 'array'; readonly value: readonly RedisReply[] | null };

/** What a Redis server puts on its listener. */
export interface RedisService {
  readonly kind: 'redis';
  /** Who serves, for traffic accounting: "node1/dockercoins_redis_1". */
  readonly owner: string;
  /** Runs a command; the reply comes later on the clock, or never if the server dies first. */
  execute(args: readonly string[], reply: (reply: RedisReply) => void): void;
}

export function isRedisService(service: unknown): service is RedisService {
  return typeof service === 'object' && service !== null && (service as { kind?: unknown }).kind === 'redis';
}

export const OK: RedisReply = { type: 'status', value: 'OK' };
export const NIL: RedisReply = { type: 'bulk', value: null };

export function integer(value: number): RedisReply {
  return { type: 'integer', value };
}

export function bulk(value: string | null): RedisReply {
  return { type: 'bulk', value };
}

export function redisError(value: string): RedisReply {
  return { type: 'error', value };
}

/** Bytes as a byte string (one character per byte). */
export function byteString(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/** A byte string back to bytes. */
export function stringBytes(value: string): Uint8Array {
  const out = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) out[i] = value.charCodeAt(i) & 0xff;
  return out;
}
