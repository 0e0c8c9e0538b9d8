/**
 * DockerCoins' webui: Express on node 4. `GET /json` asks Redis HLEN wallet, then GET hashes, and
 * answers {"coins": <number>, "hashes": "<string, as Redis returns it>", "now": <epoch seconds>};
 * `GET /` redirects to /index.html; everything else is a static file from /files (compose mounts
 * ./webui/files/ there). Prints "WEBUI running on port 80" once listening and "Redis error …"
 * when its Redis client cannot connect. As PID 1 without a handler, node ignores SIGTERM.
 */
import type { ProgramMain } from '../containers/process';
import { httpDate, response, textBytes, type HttpExchange, type HttpHeader, type HttpService } from '../net/http';
import type { RedisReply } from '../net/redis';
import { bytesToBase64 } from '../util/base64';
import { sha1Hex } from '../sources/sha1';
import { NodeRedisClient } from './nodeRedis';
import { ProgramBase, signals } from './program';

export const WEBUI_PORT = 80;
/** Express handling a request: routing, serializing, writing. */
const HANDLE_MS = 1;

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=UTF-8', htm: 'text/html; charset=UTF-8', js: 'application/javascript; charset=UTF-8',
  css: 'text/css; charset=UTF-8', json: 'application/json; charset=UTF-8', png: 'image/png', jpg: 'image/jpeg',
  svg: 'image/svg+xml', ico: 'image/x-icon', txt: 'text/plain; charset=UTF-8',
};

/** Express' weak ETag (the etag module): W/"<length in hex>-<base64 of the body's SHA-1, 27 characters>". */
function etag(body: Uint8Array): string {
  const digest = sha1Hex(Array.from(body));
  const raw: number[] = [];
  for (let i = 0; i < 40; i += 2) raw.push(parseInt(digest.slice(i, i + 2), 16));
  return `W/"${body.length.toString(16)}-${bytesToBase64(raw).slice(0, 27)}"`;
}

function notFound(method: string, path: string): Uint8Array {
  const safe = path.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return textBytes(`<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${method} ${safe}</pre>\n</body>\n</html>\n`);
}

const asString = (reply: RedisReply | undefined): string | null | undefined =>
  reply === undefined ? undefined : reply.type === 'bulk' ? reply.value : reply.type === 'integer' ? String(reply.value) : undefined;

export const webuiProgram: ProgramMain = (sb, exitFn) => {
  const p = new ProgramBase(sb, exitFn);
  const world = p.world;
  const redis = new NodeRedisClient(p, (message) => p.err(`Redis error ${message}`));
  const pending = new Set<HttpExchange>();

  const send = (ex: HttpExchange, status: number, headers: HttpHeader[], body: Uint8Array): void => {
    if (!pending.delete(ex)) return;
    headers.push(['Date', httpDate(world.wallNow())], ['Connection', 'keep-alive']);
    ex.respond(response('1.1', status, [['X-Powered-By', 'Express'], ...headers], ex.request.method === 'HEAD' ? new Uint8Array(0) : body));
  };

  const json = (ex: HttpExchange): void => {
    // A request whose Redis command was dropped is abandoned, as its browser has long given up.
    const abandon = (): void => {
      if (pending.delete(ex)) ex.reset();
    };
    redis.send(['HLEN', 'wallet'], (coinsReply) => {
      if (coinsReply === 'dropped') return abandon();
      redis.send(['GET', 'hashes'], (hashesReply) => {
        if (hashesReply === 'dropped') return abandon();
        const coins = coinsReply?.type === 'integer' ? coinsReply.value : undefined;
        const hashes = asString(hashesReply);
        // JSON.stringify drops undefined members, as the real page's reply would lack them.
        const body = textBytes(JSON.stringify({ coins, hashes, now: world.wallNow() / 1000 }));
        p.after(HANDLE_MS, () => send(ex, 200, [['Content-Type', 'application/json; charset=utf-8'], ['Content-Length', String(body.length)], ['ETag', etag(body)]], body));
      });
    });
  };

  const staticFile = (ex: HttpExchange, path: string): void => {
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      decoded = path;
    }
    const content = decoded.includes('..') ? undefined : sb.readFile?.(`/files${decoded}`);
    p.after(HANDLE_MS, () => {
      if (content === undefined) {
        const body = notFound(ex.request.method, path);
        send(ex, 404, [['Content-Security-Policy', "default-src 'none'"], ['X-Content-Type-Options', 'nosniff'], ['Content-Type', 'text/html; charset=utf-8'], ['Content-Length', String(body.length)]], body);
        return;
      }
      const body = textBytes(content);
      const type = TYPES[decoded.slice(decoded.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
      send(ex, 200, [['Accept-Ranges', 'bytes'], ['Cache-Control', 'public, max-age=0'], ['ETag', etag(body)], ['Content-Type', type], ['Content-Length', String(body.length)]], body);
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
      pending.add(ex);
      const { method } = ex.request;
      const path = ex.request.path.replace(/\?.*/, '');
      const read = method === 'GET' || method === 'HEAD';
      if (read && path === '/') {
        const body = textBytes('Found. Redirecting to /index.html');
        p.after(HANDLE_MS, () => send(ex, 302, [['Location', '/index.html'], ['Vary', 'Accept'], ['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', String(body.length)]], body));
      } else if (read && path === '/json') {
        json(ex);
      } else if (read) {
        staticFile(ex, path);
      } else {
        const body = notFound(method, path);
        p.after(HANDLE_MS, () => send(ex, 404, [['Content-Type', 'text/html; charset=utf-8'], ['Content-Length', String(body.length)]], body));
      }
    },
  };
  sb.listen(WEBUI_PORT, service);
  p.out(`WEBUI running on port ${WEBUI_PORT}`);

  const resetAll = (): void => {
    for (const ex of pending) ex.reset();
    pending.clear();
  };
  return signals(p, (sig) => {
    // node has no SIGTERM handler as PID 1: ignored. SIGINT's default action ends it (130).
    if (sig === 'SIGINT') {
      resetAll();
      p.exit(130);
    }
  }, resetAll);
};
