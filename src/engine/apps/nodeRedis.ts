/**
 * The webui's Redis client, as node_redis 2.x behaves: it connects as soon as it is created,
 * queues commands while it is not connected (the offline queue) and sends them once it is, and
 * reconnects with a growing delay, emitting an error for every failed attempt (which webui.js
 * prints as "Redis error …"). A lost connection is noticed when the next command finds nobody
 * listening; the commands then wait for the reconnection.
 */
import { redisCommand } from '../net/client';
import type { RedisReply } from '../net/redis';
import type { ProgramBase } from './program';

/** The reply (undefined for an error reply), or 'dropped' when the offline queue overflowed. */
type Callback = (reply: RedisReply | undefined | 'dropped') => void;

const FIRST_RETRY_MS = 200;
const BACKOFF = 1.7;
/** node_redis would wait ever longer (up to its hour-long connect timeout); the model stops growing here. */
const MAX_RETRY_MS = 10_000;
/** The offline queue is unbounded in node_redis; a browser polling a dead Redis must not grow memory. */
const MAX_QUEUED = 1000;

export class NodeRedisClient {
  private ready = false;
  private retryMs = FIRST_RETRY_MS;
  private retryPending = false;
  private readonly offline: { readonly args: readonly string[]; readonly cb: Callback }[] = [];

  constructor(
    private readonly p: ProgramBase,
    private readonly onError: (message: string) => void,
    private readonly host = 'redis',
    private readonly port = 6379,
  ) {
    // createClient() connects on the next tick: after the script's own start-up lines.
    this.scheduleRetry(0);
  }

  /** Sends a command; `cb` gets the reply, undefined for an error reply, 'dropped' if it never will. */
  send(args: readonly string[], cb: Callback): void {
    if (!this.ready || !this.reachable()) {
      this.lost();
      if (this.offline.length >= MAX_QUEUED) this.offline.shift()?.cb('dropped');
      this.offline.push({ args, cb });
      return;
    }
    this.run(args, cb);
  }

  private run(args: readonly string[], cb: Callback): void {
    const ip = this.p.sb.resolve(this.host) ?? '';
    redisCommand(this.p.world, this.p.client, ip, this.port, args, (outcome) => {
      if (!this.p.alive) return;
      if (outcome.ok) cb(outcome.reply.type === 'error' ? undefined : outcome.reply);
      else {
        // The server went away between the check and the command: retry it after reconnecting.
        this.lost();
        this.offline.push({ args, cb });
      }
    });
  }

  private reachable(): boolean {
    const ip = this.p.sb.resolve(this.host);
    return ip !== undefined && this.p.world.network.dial(this.p.client.node, ip, this.port).ok;
  }

  private lost(): void {
    if (!this.ready) return;
    this.ready = false;
    this.retryMs = FIRST_RETRY_MS;
    this.scheduleRetry(0);
  }

  private scheduleRetry(ms: number): void {
    if (this.retryPending) return;
    this.retryPending = true;
    this.p.after(ms, () => {
      this.retryPending = false;
      this.connect();
    });
  }

  private connect(): void {
    const { host, port } = this;
    const ip = this.p.sb.resolve(host);
    const dialed = ip === undefined ? undefined : this.p.world.network.dial(this.p.client.node, ip, port);
    if (dialed?.ok) {
      this.ready = true;
      this.retryMs = FIRST_RETRY_MS;
      for (const { args, cb } of this.offline.splice(0)) this.run(args, cb);
      return;
    }
    // util.inspect of the Error node 4 prints, with its extra properties.
    const detail = ip === undefined
      ? `getaddrinfo ENOTFOUND ${host} ${host}:${port}] code: 'ENOTFOUND', errno: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: '${host}', host: '${host}', port: ${port} }`
      : dialed?.reason === 'unreachable'
        ? `connect EHOSTUNREACH ${ip}:${port}] code: 'EHOSTUNREACH', errno: 'EHOSTUNREACH', syscall: 'connect', address: '${ip}', port: ${port} }`
        : `connect ECONNREFUSED ${ip}:${port}] code: 'ECONNREFUSED', errno: 'ECONNREFUSED', syscall: 'connect', address: '${ip}', port: ${port} }`;
    this.onError(`{ [Error: Redis connection to ${host}:${port} failed - ${detail}`);
    const wait = this.retryMs;
    this.retryMs = Math.min(Math.round(this.retryMs * BACKOFF), MAX_RETRY_MS);
    this.scheduleRetry(wait);
  }
}
