/**
 * kubectl proxy (v1.27): "Starting to serve on 127.0.0.1:8001", then an HTTP server on the node
 * that answers for the API server with the client's credentials (apiProxy.ts) until Ctrl+C.
 * Requests whose Host is not accepted (--accept-hosts, localhost only by default) get "Forbidden",
 * and exec/attach paths are rejected, as kubectl's filter does.
 */
import type { HttpExchange } from '../../../../engine';
import { headerValue } from '../../../../engine';
import { sleep, type Program } from '../../../types';
import { answerApiRequest } from '../apiProxy';
import { flagInt, flagString } from '../flags';
import { textResponse } from '../forwarding';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';

const DEFAULT_ACCEPT_HOSTS = '^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$';
const DEFAULT_REJECT_PATHS = '^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach';

function patterns(text: string): RegExp[] | string {
  const out: RegExp[] = [];
  for (const p of text.split(',').filter(Boolean)) {
    try {
      out.push(new RegExp(p));
    } catch {
      return `error parsing regexp: ${p}`;
    }
  }
  return out;
}

function* run(inv: Invocation): Program {
  if (inv.args.length > 0) return fail(inv, `unknown command "${inv.args[0]}" for "kubectl proxy"`);
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const port = flagInt(inv.flags, 'port') ?? 8001;
  const address = flagString(inv.flags, 'address') ?? '127.0.0.1';
  const prefix = (flagString(inv.flags, 'api-prefix') ?? '/').replace(/\/?$/, '/');
  const acceptHosts = patterns(flagString(inv.flags, 'accept-hosts') ?? DEFAULT_ACCEPT_HOSTS);
  const rejectPaths = patterns(flagString(inv.flags, 'reject-paths') ?? DEFAULT_REJECT_PATHS);
  if (typeof acceptHosts === 'string') return fail(inv, acceptHosts);
  if (typeof rejectPaths === 'string') return fail(inv, rejectPaths);
  const world = inv.ctx.world;
  const host = inv.ctx.host.name;
  if (world.network.isListening(host, port)) return fail(inv, `listen tcp ${address}:${port}: bind: address already in use`);
  const service = {
    kind: 'http' as const,
    owner: `${host}/kubectl proxy`,
    handle(exchange: HttpExchange): void {
      const hostHeader = (headerValue(exchange.request.headers, 'Host') ?? '').replace(/:\d+$/, '');
      const path = exchange.request.path.split('?')[0]!;
      if (!acceptHosts.some((r) => r.test(hostHeader)) || rejectPaths.some((r) => r.test(path)) || !exchange.request.path.startsWith(prefix)) {
        exchange.respond(textResponse(world, 403, 'Forbidden'));
        return;
      }
      const stripped = { ...exchange, request: { ...exchange.request, path: `/${exchange.request.path.slice(prefix.length)}` } };
      answerApiRequest({ world, conn }, { request: stripped.request, respond: (r) => exchange.respond(r), reset: () => exchange.reset() });
    },
  };
  const off = world.network.listen({ host, address, port, protocol: 'TCP', process: 'kubectl', service });
  inv.out(`Starting to serve on ${address}:${port}\n`);
  try {
    for (;;) yield sleep(1_000);
  } finally {
    off();
  }
}

export const proxy: Verb = {
  name: 'proxy',
  summary: 'Run a proxy to the Kubernetes API server',
  usage: 'kubectl proxy [--port=PORT] [--www=static-dir] [--www-prefix=prefix] [--api-prefix=prefix] [options]',
  help: [
    'Creates a proxy server or application-level gateway between localhost and the Kubernetes API server.',
    '',
    ' The proxy speaks plain HTTP on this node and adds your kubeconfig\'s credentials, so curl can browse the API: lists',
    'and objects as JSON, a pod\'s log, and a service\'s pods through its proxy path. Ctrl+C stops it.',
    '',
    'Examples:',
    '  # Serve the API on localhost:8001, then (from another terminal of this node) list the pods',
    '  kubectl proxy',
    '  curl localhost:8001/api/v1/namespaces/default/pods',
    '  ',
    '  # Reach the web service\'s port 80 through the API server',
    '  curl localhost:8001/api/v1/namespaces/default/services/web:80/proxy/',
    '  ',
    '  # Listen on every address of the node, for requests from node2',
    "  kubectl proxy --address=0.0.0.0 --accept-hosts='.*'",
  ].join('\n'),
  flags: [
    { name: 'accept-hosts', kind: 'string', description: 'Regular expression for hosts that the proxy should accept.', defaultText: `'${DEFAULT_ACCEPT_HOSTS}'` },
    { name: 'address', kind: 'string', description: 'The IP address on which to serve on.', defaultText: "'127.0.0.1'" },
    { name: 'api-prefix', kind: 'string', description: 'Prefix to serve the proxied API under.', defaultText: "'/'" },
    { name: 'port', short: 'p', kind: 'int', description: 'The port on which to run the proxy. Set to 0 to pick a random port.', defaultText: '8001' },
    { name: 'reject-paths', kind: 'string', description: 'Regular expression for paths that the proxy should reject.', defaultText: `'${DEFAULT_REJECT_PATHS}'` },
  ],
  run,
};
