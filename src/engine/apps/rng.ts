/**
 * DockerCoins' rng: Flask 2.3's development server with `threaded=False`, so ONE request at a time in
 * arrival order. `GET /<n>` holds that thread for 0.1 s (time.sleep) and answers n bytes of
 * /dev/urandom; `GET /` answers "RNG running on <hostname>". About 10 requests per second per
 * instance, however many workers ask: the bottleneck the workshop is built around, and the queue
 * httping sees.
 *
 * As PID 1 without a SIGTERM handler it ignores `docker stop` (killed after the grace period);
 * SIGINT is Python's KeyboardInterrupt, which ends the server.
 */
import type { ProgramMain } from '../containers/process';
import { httpDate, response, textBytes, type HttpExchange, type HttpHeader, type HttpService } from '../net/http';
import { werkzeugTime } from './logTime';
import { ProgramBase, signals } from './program';
import { VERSIONS } from './versions';

export const RNG_PORT = 80;
/** time.sleep(0.1) in the view, plus Flask's own work on the request. */
const SLEEP_MS = 100;
const OVERHEAD_MS = 1;
/** os.read() returns at most this much of /dev/urandom in one call; more would only flood a terminal. */
const MAX_BYTES = 1 << 20;

const SERVER = `Werkzeug/${VERSIONS.werkzeug} Python/${VERSIONS.python}`;
const BOLD_RED = '\u001b[31m\u001b[1m';
const YELLOW = '\u001b[33m';
const RESET = '\u001b[0m';

/** Werkzeug's colour for an access log line's status, as its request handler picks it. */
function styled(status: number, line: string): string {
  if (status === 200) return line;
  if (status === 404) return `${YELLOW}${line}${RESET}`;
  if (status >= 400) return `\u001b[1m\u001b[31m${line}${RESET}`;
  if (status >= 300) return `\u001b[32m${line}${RESET}`;
  return line;
}

const NOT_FOUND_HTML =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n' +
  '<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';
const NOT_ALLOWED_HTML =
  '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n' +
  '<p>The method is not allowed for the requested URL.</p>\n';

let last: { status: number; contentType: string; length: number; date: string; headers: readonly HttpHeader[] } | undefined;

/** Werkzeug's headers; under load they repeat within a second, so the last set is reused. */
function responseHeaders(status: number, contentType: string, length: number, date: string): readonly HttpHeader[] {
  if (last && last.status === status && last.length === length && last.date === date && last.contentType === contentType) return last.headers;
  // http.server sends Server and Date first; Werkzeug always closes the connection.
  const headers: readonly HttpHeader[] = [
    ['Server', SERVER], ['Date', date], ['Content-Type', contentType], ['Content-Length', String(length)],
    ...(status === 405 ? [['Allow', 'OPTIONS, GET, HEAD'] as const] : []), ['Connection', 'close'],
  ];
  last = { status, contentType, length, date, headers };
  return headers;
}

export const rngProgram: ProgramMain = (sb, exitFn) => {
  const p = new ProgramBase(sb, exitFn);
  const world = p.world;
  const random = world.random.fork(`dockercoins/rng/${sb.id}`);
  const queue: HttpExchange[] = [];
  let head = 0;
  /** The request the thread is serving, if any. */
  let current: HttpExchange | undefined;

  // Flask 2.3's banner on stdout, then Werkzeug's log on stderr, styled with ANSI codes as it
  // always is (docker logs show them too).
  p.out(" * Serving Flask app 'rng'");
  p.out(' * Debug mode: off');
  p.err(`${BOLD_RED}WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.${RESET}`);
  p.err(' * Running on all addresses (0.0.0.0)');
  p.err(` * Running on http://127.0.0.1:${RNG_PORT}`);
  p.err(` * Running on http://${sb.ip}:${RNG_PORT}`);
  p.err(`${YELLOW}Press CTRL+C to quit${RESET}`);

  const randomBytes = (n: number): Uint8Array => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const word = random.nextUint32();
      out[i] = word;
      if (i + 1 < n) out[i + 1] = word >>> 8;
      if (i + 2 < n) out[i + 2] = word >>> 16;
      if (i + 3 < n) out[i + 3] = word >>> 24;
    }
    return out;
  };

  /** Runs the view for the request at the head of the queue; the thread is busy until it answers. */
  const serveNext = (): void => {
    current = undefined;
    if (head >= queue.length) {
      queue.length = 0;
      head = 0;
      return;
    }
    const ex = queue[head++]!;
    // Under steady load the queue never drains: drop the served part now and then.
    if (head >= 64) {
      queue.splice(0, head);
      head = 0;
    }
    current = ex;
    const { method, path } = ex.request;
    const route = /^\/(\d+)$/.exec(path.replace(/\?.*/, ''));
    const isRead = method === 'GET' || method === 'HEAD';
    const holdMs = route && isRead ? SLEEP_MS + OVERHEAD_MS : OVERHEAD_MS;
    p.after(holdMs, () => {
      let status = 200;
      let contentType = 'text/html; charset=utf-8';
      let body: Uint8Array;
      if (!isRead && (route || path === '/')) {
        status = 405;
        body = textBytes(NOT_ALLOWED_HTML);
      } else if (route) {
        contentType = 'application/octet-stream';
        body = randomBytes(Math.min(Number(route[1]), MAX_BYTES));
      } else if (path.replace(/\?.*/, '') === '/') {
        body = textBytes(`RNG running on ${sb.hostname}\n`);
      } else {
        status = 404;
        body = textBytes(NOT_FOUND_HTML);
      }
      const headers = responseHeaders(status, contentType, body.length, httpDate(world.wallNow()));
      // Werkzeug answers HTTP/1.0 and closes the connection; HEAD gets the headers only.
      ex.respond(response('1.0', status, headers, method === 'HEAD' ? new Uint8Array(0) : body));
      p.err(`${ex.request.clientIp} - - [${werkzeugTime(world.wallNow())}] ${styled(status, `"${method} ${path} HTTP/${ex.request.version}" ${status} -`)}`);
      serveNext();
    });
  };

  const service: HttpService = {
    kind: 'http',
    owner: p.owner,
    handle(ex) {
      if (!p.alive) {
        ex.reset();
        return;
      }
      queue.push(ex);
      if (current === undefined) serveNext();
    },
  };
  sb.listen(RNG_PORT, service);

  const resetAll = (): void => {
    current?.reset();
    current = undefined;
    for (let i = head; i < queue.length; i++) queue[i]!.reset();
    queue.length = 0;
    head = 0;
  };

  return signals(p, (sig) => {
    if (sig === 'SIGINT') {
      resetAll();
      p.exit(0);
    }
  }, resetAll);
};
