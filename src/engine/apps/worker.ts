/**
 * DockerCoins' worker, worker.py's loop step by step on the virtual clock:
 *
 *   work_loop: if now > deadline: log "<n> units of work done, updating hash counter",
 *              INCRBY hashes n, n = 0, deadline = now + 1 s; then work_once(); n += 1
 *   work_once: sleep 0.1 s; GET http://rng/32; POST the bytes to http://hasher/;
 *              a digest starting with "0" is a coin: log it, HSET wallet <hex> <bytes>
 *   __main__:  any exception → log.exception("In work loop:") + traceback,
 *              "Waiting 10s and restarting.", sleep 10 s, work_loop() afresh
 *
 * Its speed is not a constant: each unit costs the sleep plus whatever rng and hasher take, and
 * rng serves one request at a time. The deadline starts at 0, so the first line is always
 * "0 units of work done". As PID 1 without a SIGTERM handler, `docker stop` waits 10 s for it.
 */
import type { ProgramMain } from '../containers/process';
import { httpExchange, redisCommand, type HttpOutcome, type RedisOutcome } from '../net/client';
import { bytesText, EMPTY_BODY, type HttpHeader } from '../net/http';
import { byteString } from '../net/redis';
import { ProgramBase, signals } from './program';
import { keyboardInterrupt, traceback, type ConnectProblem } from './pythonErrors';
import { REDIS_PORT } from './redisServer';
import { VERSIONS } from './versions';
import { defaultWorkerSource, parseWorkerSource, type Statement } from './workerSource';

/** Python importing redis and requests before the loop starts. */
const STARTUP_MS = 300;
const RETRY_MS = 10_000;
const INTERVAL_MS = 1000;

const REQUEST_HEADERS: readonly HttpHeader[] = [
  ['User-Agent', `python-requests/${VERSIONS.requests}`], ['Accept-Encoding', 'gzip, deflate'], ['Accept', '*/*'], ['Connection', 'keep-alive'],
];

const getHeaders = new Map<string, readonly HttpHeader[]>();
const postHeaders = new Map<string, Map<number, readonly HttpHeader[]>>();

/** What python-requests sends (the same few header sets over and over: built once per host and size). */
function requestHeaders(host: string, method: 'GET' | 'POST', length: number): readonly HttpHeader[] {
  if (method === 'GET') {
    let headers = getHeaders.get(host);
    if (!headers) getHeaders.set(host, (headers = [['Host', host], ...REQUEST_HEADERS]));
    return headers;
  }
  let bySize = postHeaders.get(host);
  if (!bySize) postHeaders.set(host, (bySize = new Map()));
  let headers = bySize.get(length);
  if (!headers) {
    headers = [['Host', host], ...REQUEST_HEADERS, ['Content-Type', 'application/octet-stream'], ['Content-Length', String(length)]];
    if (bySize.size < 16) bySize.set(length, headers);
  }
  return headers;
}

export const workerProgram: ProgramMain = (sb, exitFn) => {
  const p = new ProgramBase(sb, exitFn);
  const world = p.world;
  const random = world.random.fork(`dockercoins/worker/${sb.id}`);
  const debug = /^y/i.test(sb.env['DEBUG'] ?? '');
  // "python worker.py", or ["/bin/sh", "-c", "python worker.py"] for a shell-form CMD.
  const script = sb.command.flatMap((arg) => arg.split(/\s+/)).find((word) => word.endsWith('.py')) ?? 'worker.py';
  const text = sb.readFile?.(script);
  const source = text !== undefined ? parseWorkerSource(text) : defaultWorkerSource();
  /** Bumped when the loop restarts, so answers to an abandoned unit of work are ignored. */
  let generation = 0;
  let deadline = 0;
  let loopsDone = 0;

  /** The address of urllib3's connection object in an error message. */
  const objectId = (): string => `7f${random.hex(10)}`;
  const info = (message: string): void => p.err(`INFO:__main__:${message}`);
  const dbg = (logger: string, message: string): void => {
    if (debug) p.err(`DEBUG:${logger}:${message}`);
  };

  const fail = (statement: Statement, problem: ConnectProblem, host: string, port: number, path = ''): void => {
    generation++;
    p.err('ERROR:__main__:In work loop:');
    for (const line of traceback(statement, source.frames(statement), problem, { host, port, path, objectId: objectId() })) p.err(line);
    retry();
  };

  const retry = (): void => {
    p.err('ERROR:__main__:Waiting 10s and restarting.');
    const gen = generation;
    p.after(RETRY_MS, () => {
      if (gen === generation) start();
    });
  };

  /** work_loop() from the top: a fresh deadline and count (so "0 units of work done" again). */
  const start = (): void => {
    generation++;
    deadline = 0;
    loopsDone = 0;
    workLoop();
  };

  const redisCall = (statement: Statement, args: readonly string[], then: (outcome: Extract<RedisOutcome, { ok: true }>) => void): void => {
    const gen = generation;
    const ip = sb.resolve('redis');
    if (ip === undefined) {
      fail(statement, 'dns', 'redis', REDIS_PORT);
      return;
    }
    redisCommand(world, p.client, ip, REDIS_PORT, args, (outcome) => {
      if (!p.alive || gen !== generation) return;
      if (outcome.ok) then(outcome);
      else fail(statement, outcome.error === 'protocol' ? 'reset' : outcome.error, 'redis', REDIS_PORT);
    });
  };

  const httpCall = (statement: Statement, host: string, method: 'GET' | 'POST', path: string, body: Uint8Array, then: (body: Uint8Array) => void): void => {
    const gen = generation;
    const ip = sb.resolve(host);
    if (ip === undefined) {
      fail(statement, 'dns', host, 80, path);
      return;
    }
    if (debug) dbg('urllib3.connectionpool', `Starting new HTTP connection (1): ${host}:80`);
    const headers = requestHeaders(host, method, body.length);
    httpExchange(world, p.client, ip, 80, { method, path, version: '1.1', headers, body }, (outcome: HttpOutcome) => {
      if (!p.alive || gen !== generation) return;
      if (!outcome.ok) {
        fail(statement, outcome.error === 'protocol' ? 'reset' : outcome.error, host, 80, path);
        return;
      }
      const { response } = outcome;
      if (debug) dbg('urllib3.connectionpool', `http://${host}:80 "${method} ${path} HTTP/1.1" ${response.status} ${response.body.length}`);
      then(response.body);
    });
  };

  /** One pass of work_loop's `while True`. */
  const workLoop = (): void => {
    const now = world.now();
    if (now > deadline) {
      info(`${loopsDone} units of work done, updating hash counter`);
      redisCall('incrby', ['INCRBY', 'hashes', String(loopsDone)], () => {
        loopsDone = 0;
        deadline = world.now() + INTERVAL_MS;
        workOnce();
      });
    } else {
      workOnce();
    }
  };

  const unitDone = (): void => {
    loopsDone++;
    workLoop();
  };

  const workOnce = (): void => {
    dbg('__main__', 'Doing one unit of work');
    const gen = generation;
    p.after(source.sleepMs, () => {
      if (gen !== generation) return;
      httpCall('get-rng', 'rng', 'GET', '/32', EMPTY_BODY, (randomBytes) => {
        httpCall('post-hasher', 'hasher', 'POST', '/', randomBytes, (digest) => {
          // hex_hash.startswith('0'), read from the first byte of the answer: most units find no
          // coin and need no string at all.
          if (digest[0] !== 0x30) {
            dbg('__main__', 'No coin found');
            unitDone();
            return;
          }
          const hex = bytesText(digest);
          info(`Coin found: ${hex.slice(0, 8)}...`);
          redisCall('hset', ['HSET', 'wallet', hex, byteString(randomBytes)], (outcome) => {
            if (outcome.reply.type === 'integer' && outcome.reply.value === 0) info('We already had that coin');
            unitDone();
          });
        });
      });
    });
  };

  // Import time differs a little from one container to the next: workers do not run in lock-step.
  p.after(STARTUP_MS + random.int(200), start);

  return signals(p, (sig) => {
    // No SIGTERM handler (PID 1): ignored. SIGINT raises KeyboardInterrupt in the loop.
    if (sig !== 'SIGINT') return;
    generation++;
    if (source.bareExcept) {
      p.err('ERROR:__main__:In work loop:');
      for (const line of keyboardInterrupt(source.frames('get-rng'))) p.err(line);
      retry();
    } else {
      for (const line of keyboardInterrupt(source.frames('get-rng'))) p.err(line);
      p.exit(1);
    }
  });
};
