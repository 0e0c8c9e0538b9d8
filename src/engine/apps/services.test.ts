import { describe, expect, it } from 'vitest';
import { World } from '../world';
import { httpExchange } from '../net/client';
import { bytesText, headerValue, textBytes } from '../net/http';
import { StubCompose } from './testing/stubRuntime';
import { send } from './testing/requests';

function app(seed = 'services'): { world: World; compose: StubCompose } {
  const world = new World({ seed });
  const compose = new StubCompose(world).up([
    { service: 'redis', program: 'redis' },
    { service: 'rng', program: 'dockercoins/rng', publish: [[8001, 80]] },
    { service: 'hasher', program: 'dockercoins/hasher', publish: [[8002, 80]] },
    { service: 'webui', program: 'dockercoins/webui', publish: [[8000, 80]], files: { '/files/index.html': '<title>DockerCoin Miner WebUI</title>\n' } },
  ]);
  return { world, compose };
}

describe('rng', () => {
  it('answers GET /32 with 32 random bytes after 0.1 s, as Werkzeug (HTTP/1.0)', () => {
    const { world, compose } = app();
    const { outcome, tookMs } = send(world, 'node1', '127.0.0.1', 8001, 'GET', '/32');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.response.status).toBe(200);
    expect(outcome.response.version).toBe('1.0');
    expect(outcome.response.body).toHaveLength(32);
    expect(headerValue(outcome.response.headers, 'Content-Type')).toBe('application/octet-stream');
    expect(headerValue(outcome.response.headers, 'Server')).toBe('Werkzeug/2.3.6 Python/3.11.4');
    expect(headerValue(outcome.response.headers, 'Connection')).toBe('close');
    expect(tookMs).toBeGreaterThanOrEqual(100);
    expect(tookMs).toBeLessThan(110);
    // Through docker-proxy the server sees the bridge's gateway.
    expect(compose.get('rng').lines.at(-1)).toBe('172.18.0.1 - - [01/Jun/2023 09:00:00] "GET /32 HTTP/1.1" 200 -');
  });

  it('prints the Flask 2.3 development server banner (Werkzeug styles its warning)', () => {
    const { compose } = app();
    const rng = compose.get('rng');
    expect(rng.lines).toEqual([
      " * Serving Flask app 'rng'",
      ' * Debug mode: off',
      '\u001b[31m\u001b[1mWARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\u001b[0m',
      ' * Running on all addresses (0.0.0.0)',
      ' * Running on http://127.0.0.1:80',
      ` * Running on http://${rng.ip}:80`,
      '\u001b[33mPress CTRL+C to quit\u001b[0m',
    ]);
    expect(rng.logs.map((l) => l.stream)).toEqual(['stdout', 'stdout', 'stderr', 'stderr', 'stderr', 'stderr', 'stderr']);
  });

  it('answers GET / with its hostname, and 404 for other paths', () => {
    const { world, compose } = app();
    const root = send(world, 'node1', '127.0.0.1', 8001, 'GET', '/');
    expect(root.outcome.ok && bytesText(root.outcome.response.body)).toBe(`RNG running on ${compose.get('rng').id.slice(0, 12)}\n`);
    const missing = send(world, 'node1', '127.0.0.1', 8001, 'GET', '/nope');
    expect(missing.outcome.ok && missing.outcome.response.status).toBe(404);
    expect(compose.get('rng').lines.at(-1)!.endsWith('] \u001b[33m"GET /nope HTTP/1.1" 404 -\u001b[0m')).toBe(true);
  });

  it('serves one request at a time: the second waits for the first', () => {
    const { world } = app();
    const answers: number[] = [];
    const start = world.now();
    for (let i = 0; i < 3; i++) {
      httpExchange(world, { node: 'node1', ip: '192.168.0.2', name: 'node1' }, '127.0.0.1', 8001, { method: 'GET', path: '/32', version: '1.1', headers: [], body: new Uint8Array(0) }, () => answers.push(world.now() - start));
    }
    world.advance(1000);
    expect(answers).toEqual([101, 202, 303]);
  });
});

describe('hasher', () => {
  it('answers POST / with the SHA-256 of the body after 0.1 s and logs it the Rack way', () => {
    const { world, compose } = app();
    const { outcome, tookMs } = send(world, 'node1', '127.0.0.1', 8002, 'POST', '/', textBytes('hello'));
    expect(outcome.ok && bytesText(outcome.response.body)).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    expect(outcome.ok && headerValue(outcome.response.headers, 'Content-Type')).toBe('text/plain;charset=utf-8');
    expect(tookMs).toBeGreaterThanOrEqual(100);
    expect(tookMs).toBeLessThanOrEqual(102);
    expect(compose.get('hasher').lines.at(-1)).toMatch(/^172\.18\.0\.1 - - \[01\/Jun\/2023:09:00:00 \+0000\] "POST \/ HTTP\/1\.1" 200 64 0\.10\d\d$/);
  });

  it('serves concurrently: many POSTs still take 0.1 s each', () => {
    const { world } = app();
    const took: number[] = [];
    const start = world.now();
    for (let i = 0; i < 10; i++) {
      httpExchange(world, { node: 'node1', ip: '192.168.0.2', name: 'node1' }, '127.0.0.1', 8002, { method: 'POST', path: '/', version: '1.1', headers: [], body: textBytes(`x${i}`) }, () => took.push(world.now() - start));
    }
    world.advance(500);
    expect(took).toHaveLength(10);
    expect(Math.max(...took)).toBeLessThanOrEqual(102);
  });

  it('prints the Sinatra and Thin start-up lines; GET / answers in a couple of ms', () => {
    const { world, compose } = app();
    expect(compose.get('hasher').lines.slice(0, 4)).toEqual([
      '== Sinatra (v3.0.6) has taken the stage on 80 for development with backup from Thin',
      '2023-06-01 09:00:00 +0000 Thin web server (v1.8.2 codename Ruby Razor)',
      '2023-06-01 09:00:00 +0000 Maximum connections set to 1024',
      '2023-06-01 09:00:00 +0000 Listening on 0.0.0.0:80, CTRL+C to stop',
    ]);
    const root = send(world, 'node1', '127.0.0.1', 8002, 'GET', '/');
    expect(root.tookMs).toBeLessThanOrEqual(2);
    expect(root.outcome.ok && bytesText(root.outcome.response.body)).toMatch(/^HASHER running on [0-9a-f]{12}\n$/);
  });
});

describe('webui', () => {
  it('answers /json with coins (a number), hashes (a string, or null before any) and now', () => {
    const { world, compose } = app();
    expect(compose.get('webui').lines).toEqual(['WEBUI running on port 80']);
    let r = send(world, 'node1', '127.0.0.1', 8000, 'GET', '/json');
    expect(r.outcome.ok && bytesText(r.outcome.response.body)).toBe(`{"coins":0,"hashes":null,"now":${world.wallNow() / 1000 - 0.001}}`);
    compose.start({ service: 'worker', program: 'dockercoins/worker' });
    world.advance(10_000);
    r = send(world, 'node1', '127.0.0.1', 8000, 'GET', '/json');
    const json = r.outcome.ok ? (JSON.parse(bytesText(r.outcome.response.body)) as { coins: number; hashes: string; now: number }) : undefined;
    expect(typeof json?.coins).toBe('number');
    expect(json?.hashes).toMatch(/^\d+$/);
    expect(Number(json?.hashes)).toBeGreaterThan(20);
  });

  it('redirects / to /index.html and serves the files from /files', () => {
    const { world } = app();
    const root = send(world, 'node1', '127.0.0.1', 8000, 'GET', '/');
    expect(root.outcome.ok && root.outcome.response.status).toBe(302);
    expect(root.outcome.ok && headerValue(root.outcome.response.headers, 'Location')).toBe('/index.html');
    const page = send(world, 'node1', '127.0.0.1', 8000, 'GET', '/index.html');
    expect(page.outcome.ok && bytesText(page.outcome.response.body)).toContain('DockerCoin Miner WebUI');
    const missing = send(world, 'node1', '127.0.0.1', 8000, 'GET', '/nothing.js');
    expect(missing.outcome.ok && bytesText(missing.outcome.response.body)).toContain('<pre>Cannot GET /nothing.js</pre>');
  });

  it('says "Redis error" while Redis is away, and answers once it is back', () => {
    const world = new World({ seed: 'webui-redis' });
    const compose = new StubCompose(world).up([{ service: 'webui', program: 'dockercoins/webui', publish: [[8000, 80]] }]);
    world.advance(1000);
    expect(compose.get('webui').lines[1]).toBe(
      "Redis error { [Error: Redis connection to redis:6379 failed - getaddrinfo ENOTFOUND redis redis:6379] code: 'ENOTFOUND', errno: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: 'redis', host: 'redis', port: 6379 }",
    );
    compose.start({ service: 'redis', program: 'redis' });
    const r = send(world, 'node1', '127.0.0.1', 8000, 'GET', '/json', undefined, 20_000);
    expect(r.outcome.ok && bytesText(r.outcome.response.body)).toMatch(/^\{"coins":0,"hashes":null,"now":\d+(\.\d+)?\}$/);
  });
});

describe('redis', () => {
  it('starts with its banner and warnings, then accepts connections', () => {
    const { compose } = app();
    const lines = compose.get('redis').lines;
    expect(lines[0]).toBe('1:C 01 Jun 2023 09:00:00.000 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
    expect(lines.some((l) => l.includes('WARNING overcommit_memory is set to 0!'))).toBe(true);
    expect(lines.at(-1)).toBe('1:M 01 Jun 2023 09:00:00.000 * Ready to accept connections');
  });

  it('shuts down on SIGTERM with a final save, and keeps its data across a restart', () => {
    const { world, compose } = app();
    compose.start({ service: 'worker', program: 'dockercoins/worker' });
    world.advance(20_000);
    compose.stop('redis');
    world.advance(200);
    const lines = compose.get('redis').lines;
    expect(lines.slice(-5).map((l) => l.replace(/^\d+:(signal-handler \(\d+\) |\w \d\d \w{3} \d{4} [\d:.]+ . )/, ''))).toEqual([
      'Received SIGTERM scheduling shutdown...',
      'User requested shutdown...',
      'Saving the final RDB snapshot before exiting.',
      'DB saved on disk',
      'Redis is now ready to exit, bye bye...',
    ]);
    expect(compose.get('redis').exitCode).toBe(0);
    compose.restart('redis');
    expect(compose.get('redis').lines.some((l) => /Done loading RDB, keys loaded: [12], keys expired: 0\./.test(l))).toBe(true);
  });
});
