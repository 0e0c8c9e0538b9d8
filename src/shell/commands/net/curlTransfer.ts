/**
 * One request as curl 7.29 makes it: resolve, connect (through the engine's Network: docker-proxy
 * forwarders, "Connection refused"), send, wait for the model's answer on the virtual clock, or
 * fetch from the outside world's sites. Returns what happened; curl.ts decides what to print.
 * Verbose lines (`-v`) are written as they happen.
 */
import {
  bytesText, GO_VERSION, httpDate, httpExchange, KUBEADM_BUILD_DATE, KUBERNETES_GIT_COMMIT, KUBERNETES_VERSION, responseHead, textBytes,
  type HttpHeader, type HttpOutcome, type HttpResponse, type World,
} from '../../../engine';
import { sleep, type CommandContext, type Effect } from '../../types';
import { destinationOf, internetAddress, type Target } from './target';
import { awaitCallback } from './wait';

export const USER_AGENT = 'curl/7.29.0';

export interface Request {
  readonly method: string;
  readonly headers: readonly HttpHeader[];
  readonly body: Uint8Array;
}

export type TransferResult =
  | { readonly ok: false; readonly code: number; readonly message: string }
  | {
      readonly ok: true;
      readonly response: HttpResponse;
      /** Status line and headers, CRLF-terminated, as received. */
      readonly head: string;
      readonly totalMs: number;
      readonly connectMs: number;
      readonly remoteIp: string;
      readonly remotePort: number;
      readonly requestBytes: number;
      /** Whether curl keeps the connection (HTTP/1.1 without "Connection: close"). */
      readonly keepAlive: boolean;
    };

const fail = (code: number, message: string): TransferResult => ({ ok: false, code, message });

/** The request curl sends: its own headers, then -H ones replacing or adding. */
export function requestHeaders(target: Target, userAgent: string | undefined, extra: readonly string[], body: Uint8Array, hasData: boolean): HttpHeader[] {
  const headers: HttpHeader[] = [['User-Agent', userAgent ?? USER_AGENT], ['Host', target.hostHeader], ['Accept', '*/*']];
  if (hasData) headers.push(['Content-Length', String(body.length)], ['Content-Type', 'application/x-www-form-urlencoded']);
  for (const line of extra) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    const at = headers.findIndex(([k]) => k.toLowerCase() === name.toLowerCase());
    // "-H 'Accept:'" removes a header curl would send; anything else replaces or adds it.
    if (value === '') {
      if (at >= 0) headers.splice(at, 1);
    } else if (at >= 0) headers[at] = [name, value];
    else headers.push([name, value]);
  }
  return headers;
}

function requestText(method: string, target: Target, headers: readonly HttpHeader[]): string {
  return `${method} ${target.path} HTTP/1.1\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
}

/** The kube-apiserver, reached by an anonymous client: what its default RBAC lets through. */
function apiServerAnswer(world: World, path: string): HttpResponse {
  const json = (status: number, body: string): HttpResponse => ({
    version: '1.1', status, reason: status === 200 ? 'OK' : 'Forbidden', body: textBytes(body),
    headers: [['Audit-Id', world.random.fork(`audit/${world.now()}`).hex(8)], ['Cache-Control', 'no-cache, private'], ['Content-Type', 'application/json'],
      ['X-Kubernetes-Pf-Flowschema-Uid', ''], ['Date', httpDate(world.wallNow())], ['Content-Length', String(body.length)]],
  });
  const bare = path.replace(/\?.*/, '');
  if (bare === '/version') {
    const [major, minor] = KUBERNETES_VERSION.slice(1).split('.');
    return json(200, `{\n  "major": "${major}",\n  "minor": "${minor}",\n  "gitVersion": "${KUBERNETES_VERSION}",\n  "gitCommit": "${KUBERNETES_GIT_COMMIT}",\n  "gitTreeState": "clean",\n  "buildDate": "${KUBEADM_BUILD_DATE}",\n  "goVersion": "${GO_VERSION}",\n  "compiler": "gc",\n  "platform": "linux/amd64"\n}`);
  }
  if (bare === '/healthz' || bare === '/livez' || bare === '/readyz') {
    return { version: '1.1', status: 200, reason: 'OK', headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', '2']], body: textBytes('ok') };
  }
  return json(403, `{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"${bare}\\"",\n  "reason": "Forbidden",\n  "details": {},\n  "code": 403\n}`);
}

interface Verbose {
  (line: string): void;
}

/** Sends one request to `target` from the command's node. */
export function* transfer(ctx: CommandContext, target: Target, req: Request, insecure: boolean, maxTimeMs: number | undefined, v: Verbose): Generator<Effect, TransferResult, unknown> {
  const world = ctx.world;
  const dest = destinationOf(world, ctx.host.name, target.host);
  if (dest.kind === 'unresolved') {
    v(`* Could not resolve host: ${target.host}; Name or service not known`);
    v('* Closing connection 0');
    return fail(6, `Could not resolve host: ${target.host}; Name or service not known`);
  }
  const ip = dest.kind === 'playground' ? dest.ip : internetAddress(target.host);
  v(`* About to connect() to ${target.host} port ${target.port} (#0)`);
  v(`*   Trying ${ip}...`);
  const reqText = requestText(req.method, target, req.headers);
  const sendLines = (): void => {
    for (const line of reqText.split('\r\n').slice(0, -1)) v(`> ${line}`);
  };

  if (dest.kind === 'internet') {
    // The outside world: a TLS handshake and a round trip across the internet.
    yield sleep(120 + world.random.fork(`curl/${target.host}`).int(200));
    v(`* Connected to ${target.host} (${ip}) port ${target.port} (#0)`);
    if (target.scheme === 'https') v('* SSL connection using TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
    sendLines();
    const fetched = world.internet.fetch(target.url);
    const body = textBytes(fetched.ok ? fetched.body : `${fetched.status}: ${'statusText' in fetched ? fetched.statusText : 'Not Found'}\n`);
    const status = fetched.ok ? 200 : fetched.status || 404;
    const response: HttpResponse = {
      version: '1.1', status, reason: fetched.ok ? 'OK' : 'Not Found', body,
      headers: [['Content-Type', fetched.ok ? fetched.contentType : 'text/plain; charset=utf-8'], ['Content-Length', String(body.length)], ['Date', httpDate(world.wallNow())]],
    };
    return { ok: true, response, head: responseHead(response), totalMs: 0, connectMs: 60, remoteIp: ip, remotePort: target.port, requestBytes: reqText.length, keepAlive: true };
  }

  const started = world.now();
  const dialed = world.network.dial(ctx.host.name, dest.ip, target.port);
  if (!dialed.ok) {
    const reason = dialed.reason === 'refused' ? 'Connection refused' : 'No route to host';
    v(`* ${reason}`);
    v(`* Failed connect to ${target.host}:${target.port}; ${reason}`);
    v('* Closing connection 0');
    return fail(7, `Failed connect to ${target.host}:${target.port}; ${reason}`);
  }
  v(`* Connected to ${target.host} (${dest.ip}) port ${target.port} (#0)`);
  const service = dialed.listener.service as { kind?: unknown };
  const isApiServer = service.kind === 'kube-apiserver';
  if (target.scheme === 'https') {
    v('* Initializing NSS with certpath: sql:/etc/pki/nssdb');
    v('*   CAfile: /etc/pki/tls/certs/ca-bundle.crt\n  CApath: none');
    if (!isApiServer) return fail(35, 'SSL received a record that exceeded the maximum permissible length.');
    if (!insecure) {
      v('* Server certificate:\n* \tsubject: CN=kube-apiserver\n* \tissuer: CN=kubernetes');
      v('* NSS error -8179 (SEC_ERROR_UNKNOWN_ISSUER)\n* Peer\'s Certificate issuer is not recognized.');
      v('* Closing connection 0');
      return fail(60, "Peer's Certificate issuer is not recognized.\nMore details here: http://curl.haxx.se/docs/sslcerts.html\n\ncurl performs SSL certificate verification by default, using a \"bundle\"\n of Certificate Authority (CA) public keys (CA certs). If the default\n bundle file isn't adequate, you can specify an alternate file\n using the --cacert option.\nIf this HTTPS server uses a certificate signed by a CA represented in\n the bundle, the certificate verification probably failed due to a\n problem with the certificate (it might be expired, or the name might\n not match the domain name in the URL).\nIf you'd like to turn off curl's verification of the certificate, use\n the -k (or --insecure) option.");
    }
    v('* skipping SSL peer certificate verification');
    v('* SSL connection using TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
  }
  sendLines();
  if (isApiServer) {
    // Go's server answers plain HTTP on a TLS port with a 400 of its own.
    const response: HttpResponse = target.scheme === 'https' ? apiServerAnswer(world, target.path)
      : { version: '1.0', status: 400, reason: 'Bad Request', headers: [], body: textBytes('Client sent an HTTP request to an HTTPS server.\n') };
    yield sleep(2);
    return { ok: true, response, head: responseHead(response), totalMs: world.now() - started, connectMs: 0, remoteIp: dest.ip, remotePort: target.port, requestBytes: reqText.length, keepAlive: false };
  }
  const outcome = yield* awaitCallback<HttpOutcome | 'timeout'>((done) => {
    httpExchange(world, { node: ctx.host.name, ip: ctx.host.ip, name: ctx.host.name }, dest.ip, target.port, {
      method: req.method, path: target.path, version: '1.1', headers: req.headers, body: req.body,
    }, done);
    if (maxTimeMs !== undefined) world.clock.schedule(maxTimeMs, () => done('timeout'), 'curl');
  });
  const totalMs = world.now() - started;
  if (outcome === 'timeout') {
    v(`* Operation timed out after ${totalMs} milliseconds with 0 out of -1 bytes received`);
    v('* Closing connection 0');
    return fail(28, `Operation timed out after ${totalMs} milliseconds with 0 out of -1 bytes received`);
  }
  if (!outcome.ok) {
    v('* Empty reply from server');
    v('* Connection #0 to host ' + target.host + ' left intact');
    return fail(52, 'Empty reply from server');
  }
  const { response } = outcome;
  const head = responseHead(response);
  const connection = response.headers.find(([k]) => k.toLowerCase() === 'connection')?.[1].toLowerCase();
  return {
    ok: true, response, head, totalMs, connectMs: 0, remoteIp: dest.ip, remotePort: target.port, requestBytes: reqText.length,
    keepAlive: response.version === '1.1' && connection !== 'close',
  };
}

/** The response's status line and headers as -v shows them ("< " lines), with curl's notes. */
export function verboseResponse(result: Extract<TransferResult, { ok: true }>, v: Verbose): void {
  if (result.response.version === '1.0') v('* HTTP 1.0, assume close after body');
  for (const line of result.head.split('\r\n').slice(0, -1)) v(`< ${line}`);
}

export { bytesText };
