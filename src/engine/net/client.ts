/**
 * Clients of the model's services: connect through the engine's Network (forwarders, "connection
 * refused" and "no route to host" come from it), send one request, get the outcome later on the
 * virtual clock, and count it in the traffic meter. Used by the programs in containers (worker,
 * webui), by curl and httping on a node, and by the page's browser.
 */
import type { Listener } from '../host/network';
import type { World } from '../world';
import { isHttpService, type HttpExchange, type HttpRequest, type HttpResponse } from './http';
import { isRedisService, type RedisReply } from './redis';
import { trafficMeter } from './traffic';

/** Who connects. */
export interface NetClient {
  /** The host the connection starts from; "browser" for the page (PWK's proxy, outside the nodes). */
  readonly node: string;
  /** The client's own address. */
  readonly ip: string;
  /** Its name in traffic accounting: "node1/dockercoins_worker_1", "node1" (a shell), "browser". */
  readonly name: string;
}

export type ConnectFailure = 'refused' | 'unreachable';

export type HttpOutcome =
  | { readonly ok: true; readonly response: HttpResponse; readonly latencyMs: number; readonly server: Listener }
  | { readonly ok: false; readonly error: ConnectFailure | 'reset' | 'protocol'; readonly latencyMs: number };

export type RedisOutcome =
  | { readonly ok: true; readonly reply: RedisReply; readonly latencyMs: number }
  | { readonly ok: false; readonly error: ConnectFailure | 'reset' | 'protocol' };

/** A request without the client address, which the connection decides. */
export type HttpRequestSpec = Omit<HttpRequest, 'clientIp'>;

/**
 * The address a server sees: the client's own, except through docker's bridge from outside it
 * (docker-proxy for a published port, or the host itself), where connections come from the
 * bridge's gateway — rng's access log shows 172.18.0.1 for a `curl localhost:8001` on the node.
 */
export function seenClientIp(clientIp: string, server: Listener, dialedIp: string): string {
  const serverIp = server.address === '0.0.0.0' ? dialedIp : server.address;
  const bridge = /^172\.(1[6-9]|2\d|3[01])\.(\d+)\./.exec(serverIp);
  if (!bridge) return clientIp;
  const prefix = `172.${bridge[1]}.`;
  return clientIp.startsWith(prefix) ? clientIp : `${prefix}0.1`;
}

function later(world: World, fn: () => void): void {
  world.clock.schedule(0, fn, 'net');
}

/**
 * Sends one HTTP request to ip:port. `done` is always called later on the clock (never before this
 * returns), once: with the response, or why there is none.
 */
export function httpExchange(world: World, client: NetClient, ip: string, port: number, request: HttpRequestSpec, done: (outcome: HttpOutcome) => void): void {
  const started = world.now();
  const dialed = world.network.dial(client.node, ip, port, 'TCP', client.ip);
  if (!dialed.ok) {
    const error = dialed.reason;
    later(world, () => done({ ok: false, error, latencyMs: 0 }));
    return;
  }
  const server = dialed.listener;
  const service = server.service;
  if (!isHttpService(service)) {
    // Something listens but does not speak HTTP (redis, the API server's TLS): it closes on us.
    later(world, () => done({ ok: false, error: 'protocol', latencyMs: 0 }));
    return;
  }
  const exchange = new PendingExchange(world, client.name, service.owner, server, started, done, {
    method: request.method, path: request.path, version: request.version, headers: request.headers, body: request.body,
    clientIp: seenClientIp(client.ip, server, ip),
  });
  service.handle(exchange);
  exchange.handled();
}

/**
 * One request on a server: the server calls respond() or reset() once, later or right away.
 * A class rather than closures: one small object per request on the model's hottest path.
 */
class PendingExchange implements HttpExchange {
  private settled = false;
  /** A server that answers inside handle() is deferred to the clock, so `done` never runs re-entrantly. */
  private inHandle = true;

  constructor(
    private readonly world: World,
    private readonly from: string,
    private readonly to: string,
    private readonly server: Listener,
    private readonly started: number,
    private readonly done: (outcome: HttpOutcome) => void,
    readonly request: HttpRequest,
  ) {}

  handled(): void {
    this.inHandle = false;
  }

  respond(response: HttpResponse): void {
    this.settle({ ok: true, response, latencyMs: this.world.now() - this.started, server: this.server });
  }

  reset(): void {
    this.settle({ ok: false, error: 'reset', latencyMs: this.world.now() - this.started });
  }

  private settle(outcome: HttpOutcome): void {
    if (this.settled) return;
    this.settled = true;
    if (this.inHandle) later(this.world, () => this.finish(outcome));
    else this.finish(outcome);
  }

  private finish(outcome: HttpOutcome): void {
    trafficMeter(this.world).record(this.from, this.to, 'http', this.request.path, outcome.latencyMs, this.world.now());
    this.done(outcome);
  }
}

/** Sends one Redis command to ip:port; `done` is called later on the clock, once. */
export function redisCommand(world: World, client: NetClient, ip: string, port: number, args: readonly string[], done: (outcome: RedisOutcome) => void): void {
  const started = world.now();
  const dialed = world.network.dial(client.node, ip, port, 'TCP', client.ip);
  if (!dialed.ok) {
    const error = dialed.reason;
    later(world, () => done({ ok: false, error }));
    return;
  }
  const service = dialed.listener.service;
  if (!isRedisService(service)) {
    later(world, () => done({ ok: false, error: 'protocol' }));
    return;
  }
  service.execute(args, (reply) => {
    const latencyMs = world.now() - started;
    later(world, () => {
      trafficMeter(world).record(client.name, service.owner, 'redis', undefined, latencyMs, world.now());
      done({ ok: true, reply, latencyMs });
    });
  });
}
