/**
 * Connections kubectl carries to a pod on a learner's behalf (port-forward, and the API server's
 * proxy behind `kubectl proxy`): a listener on the node whose service passes each request on to
 * the pod's address, from the pod's node, as the tunnel through the API server and the kubelet
 * would. It speaks whatever the pod's port speaks (HTTP, Redis), decided per connection.
 */
import {
  STATUS_TEXT, httpDate, httpExchange, isHttpService, isRedisService, redisCommand, textBytes, type HttpExchange, type HttpResponse, type RedisReply, type World,
} from '../../../engine';

export interface ForwardTarget {
  /** The node the pod runs on. */
  readonly node: string;
  readonly ip: string;
  readonly port: number;
}

export interface ForwardHooks {
  /** Where the next connection goes, or why it cannot (the message kubectl logs). */
  target(): ForwardTarget | { readonly error: string };
  /** A connection arrived ("Handling connection for 8080"). */
  connection(): void;
  /** It could not be carried to the pod. */
  failed(message: string): void;
}

/** A plain-text HTTP response, as Go's net/http writes an error page. */
export function textResponse(world: World, status: number, body: string, contentType = 'text/plain; charset=utf-8'): HttpResponse {
  const bytes = textBytes(body);
  return {
    version: '1.1', status, reason: STATUS_TEXT[status] ?? 'Unknown',
    headers: [['Content-Type', contentType], ['Date', httpDate(world.wallNow())], ['Content-Length', String(bytes.length)]],
    body: bytes,
  };
}

/** Passes one HTTP exchange on to a target; a refused pod answers 502 through the API server's proxy. */
export function forwardHttp(world: World, exchange: HttpExchange, target: ForwardTarget, onError: (message: string) => void, path = exchange.request.path): void {
  const req = exchange.request;
  httpExchange(world, { node: target.node, ip: '127.0.0.1', name: 'kubectl' }, target.ip, target.port, {
    method: req.method, path, version: req.version, headers: req.headers, body: req.body,
  }, (outcome) => {
    if (outcome.ok) {
      exchange.respond(outcome.response);
      return;
    }
    onError(`dial tcp4 ${target.ip}:${target.port}: connect: connection refused`);
    exchange.reset();
  });
}

/** The service object a forwarding listener holds. */
export function forwardingService(world: World, hooks: ForwardHooks): object {
  const kindOf = (): string => {
    const t = hooks.target();
    if ('error' in t) return 'http';
    const dialed = world.network.dial(t.node, t.ip, t.port);
    if (dialed.ok && isRedisService(dialed.listener.service)) return 'redis';
    return 'http';
  };
  return {
    get kind() {
      return kindOf();
    },
    owner: 'kubectl',
    handle(exchange: HttpExchange): void {
      hooks.connection();
      const t = hooks.target();
      if ('error' in t) {
        hooks.failed(t.error);
        exchange.reset();
        return;
      }
      const dialed = world.network.dial(t.node, t.ip, t.port);
      if (!dialed.ok || !isHttpService(dialed.listener.service)) {
        hooks.failed(`failed to connect to localhost:${t.port} inside the pod's network namespace: dial tcp4 127.0.0.1:${t.port}: connect: connection refused`);
        exchange.reset();
        return;
      }
      forwardHttp(world, exchange, t, hooks.failed);
    },
    execute(args: readonly string[], reply: (r: RedisReply) => void): void {
      hooks.connection();
      const t = hooks.target();
      if ('error' in t) return hooks.failed(t.error);
      redisCommand(world, { node: t.node, ip: '127.0.0.1', name: 'kubectl' }, t.ip, t.port, args, (outcome) => {
        if (outcome.ok) reply(outcome.reply);
        else hooks.failed(`dial tcp4 127.0.0.1:${t.port}: connect: connection refused`);
      });
    },
  };
}
