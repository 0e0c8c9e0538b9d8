/**
 * DockerCoins' hasher: Sinatra on Thin. `POST /` sleeps 0.1 s and answers the SHA-256 hex digest
 * of the body; `GET /` answers "HASHER running on <hostname>". Requests are served concurrently
 * (Thin hands each to a thread), so hasher never queues: its latency stays ~0.1 s for POSTs and a
 * couple of milliseconds for `GET /`, whatever the load. Rack's CommonLogger logs each request
 * with its duration. Ruby traps SIGTERM: Thin stops and the container exits at once.
 */
import type { ProgramMain } from '../containers/process';
import { response, textBytes, type HttpExchange, type HttpHeader, type HttpService } from '../net/http';
import { hexBytes, sha256 } from '../util/sha256';
import { rackTime, thinTime } from './logTime';
import { ProgramBase, signals } from './program';
import { VERSIONS } from './versions';

export const HASHER_PORT = 80;
const SLEEP_MS = 100;
const DIGEST_TYPE = 'text/plain;charset=utf-8';

const PROTECTION: readonly HttpHeader[] = [['X-Xss-Protection', '1; mode=block'], ['X-Content-Type-Options', 'nosniff'], ['X-Frame-Options', 'SAMEORIGIN']];

/** Sinatra's development-mode 404 page, trimmed to its message. */
function notFoundPage(method: string, path: string): string {
  return `<!DOCTYPE html>\n<html>\n<head>\n  <style type="text/css">\n  body { text-align:center;font-family:helvetica,arial;font-size:22px;\n    color:#888;margin:20px}\n  #c {margin:0 auto;width:500px;text-align:left}\n  </style>\n</head>\n<body>\n  <h2>Sinatra doesn’t know this ditty.</h2>\n  <div id="c">\n    Try this:\n    <pre>${method.toLowerCase()} &#x27;${path}&#x27; do\n  &quot;Hello World&quot;\nend\n</pre>\n  </div>\n</body>\n</html>\n`;
}

let digestHeaders: readonly HttpHeader[] | undefined;

/** Thin's headers after Sinatra's. A digest's never change (64 bytes of text/plain): built once. */
function responseHeaders(status: number, contentType: string, length: number): readonly HttpHeader[] {
  const digest = status === 200 && length === 64 && contentType === DIGEST_TYPE;
  if (digest && digestHeaders) return digestHeaders;
  const headers: readonly HttpHeader[] = [
    ['Content-Type', contentType], ['Content-Length', String(length)], ...(status === 404 ? [['X-Cascade', 'pass'] as const] : []),
    ...PROTECTION, ['Connection', 'close'], ['Server', 'thin'],
  ];
  if (digest) digestHeaders = headers;
  return headers;
}

export const hasherProgram: ProgramMain = (sb, exitFn) => {
  const p = new ProgramBase(sb, exitFn);
  const world = p.world;
  const random = world.random.fork(`dockercoins/hasher/${sb.id}`);
  const inFlight = new Set<HttpExchange>();

  p.err(`== Sinatra (v${VERSIONS.sinatra}) has taken the stage on ${HASHER_PORT} for development with backup from Thin`);
  // Thin 1.8 stamps its own lines.
  const thin = (line: string): void => p.out(`${thinTime(world.wallNow())} ${line}`);
  thin(`Thin web server (v${VERSIONS.thin} codename ${VERSIONS.thinCodename})`);
  thin('Maximum connections set to 1024');
  thin(`Listening on 0.0.0.0:${HASHER_PORT}, CTRL+C to stop`);

  const answer = (ex: HttpExchange, status: number, contentType: string, body: Uint8Array, startedAt: number, subMs: number): void => {
    inFlight.delete(ex);
    const { method, path, version, clientIp } = ex.request;
    const headers = responseHeaders(status, contentType, body.length);
    ex.respond(response('1.1', status, headers, method === 'HEAD' ? new Uint8Array(0) : body));
    const seconds = (world.now() - startedAt + subMs) / 1000;
    // Workers never send a query string: no array to split into on every request.
    const [bare, query] = path.includes('?') ? path.split('?', 2) : [path, undefined];
    p.err(`${clientIp} - - [${rackTime(world.wallNow())}] "${method} ${bare}${query !== undefined ? `?${query}` : ''} HTTP/${version}" ${status} ${body.length || '-'} ${seconds.toFixed(4)}`);
  };

  const service: HttpService = {
    kind: 'http',
    owner: p.owner,
    handle(ex) {
      if (!p.alive) {
        ex.reset();
        return;
      }
      inFlight.add(ex);
      const startedAt = world.now();
      const { method } = ex.request;
      const path = ex.request.path.includes('?') ? ex.request.path.replace(/\?.*/, '') : ex.request.path;
      // Ruby's sleep and Sinatra's routing: a fraction of a millisecond the clock cannot hold.
      const subMs = 0.3 + random.next() * 0.9;
      if (method === 'POST' && path === '/') {
        const jitter = random.int(2);
        p.after(SLEEP_MS + jitter, () => answer(ex, 200, DIGEST_TYPE, hexBytes(sha256(ex.request.body)), startedAt, subMs));
      } else if ((method === 'GET' || method === 'HEAD') && path === '/') {
        p.after(1, () => answer(ex, 200, 'text/html;charset=utf-8', textBytes(`HASHER running on ${sb.hostname}\n`), startedAt, subMs - 0.9));
      } else {
        p.after(1, () => answer(ex, 404, 'text/html;charset=utf-8', textBytes(notFoundPage(method, path)), startedAt, subMs - 0.9));
      }
    },
  };
  sb.listen(HASHER_PORT, service);

  const resetAll = (): void => {
    for (const ex of inFlight) ex.reset();
    inFlight.clear();
  };

  return signals(p, () => {
    // Sinatra's trap stops Thin, which answers nothing more.
    resetAll();
    thin('Stopping ...');
    p.err('== Sinatra has ended his set (crowd applauds)');
    p.exit(0);
  }, resetAll);
};
