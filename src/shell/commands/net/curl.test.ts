import { describe, expect, it } from 'vitest';
import { StubCompose, type World } from '../../../engine';
import { shellOn, testWorld, type TestShell } from '../../testing/harness';
import { bodyText, meterLine } from './curlOutput';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

function dockercoins(seed = 'curl'): { world: World; sh: TestShell; compose: StubCompose } {
  const world = testWorld({ seed });
  const compose = new StubCompose(world).up();
  world.advance(3000);
  return { world, sh: shellOn(world, 'node1'), compose };
}

describe('curl against DockerCoins', () => {
  it('gets 32 random bytes from rng, printed safely on the terminal', async () => {
    const { sh } = dockercoins();
    const r = await sh.run('curl localhost:8001/32');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.length).toBeGreaterThan(8);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('gets the real SHA-256 from hasher', async () => {
    const { sh } = dockercoins();
    const r = await sh.run('curl -X POST --data-binary hello localhost:8002');
    expect(r.output).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    expect((await sh.run('curl -s -d hello localhost:8002')).stdout).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  });

  it('answers GET / of each service', async () => {
    const { sh, compose } = dockercoins();
    expect((await sh.run('curl localhost:8001')).stdout).toBe(`RNG running on ${compose.get('rng').id.slice(0, 12)}\n`);
    expect((await sh.run('curl http://localhost:8002/')).stdout).toBe(`HASHER running on ${compose.get('hasher').id.slice(0, 12)}\n`);
  });

  it('-i shows the webui\'s JSON with its headers', async () => {
    const { sh } = dockercoins();
    await golden('json-include', (await sh.run('curl -i localhost:8000/json')).output);
  });

  it('-v shows the conversation; piped, the progress meter and "[data not shown]"', async () => {
    const { sh } = dockercoins();
    await golden('verbose-terminal', (await sh.run('curl -v localhost:8002')).output);
    await golden('verbose-piped', (await sh.run('curl -v localhost:8001/32 | wc -c')).output);
  });

  it('-I, -w, -o, -s', async () => {
    const { sh } = dockercoins();
    await golden('head', (await sh.run('curl -I localhost:8002')).output);
    const w = await sh.run('curl -s -o /tmp/bytes -w "%{http_code} %{size_download} %{time_total}\\n" localhost:8001/32');
    expect(w.output).toMatch(/^200 32 0\.1\d\d\n$/);
    expect(sh.readFile('/tmp/bytes')?.length).toBeGreaterThan(8);
    await golden('output-meter', (await sh.run('curl -o /tmp/json localhost:8000/json')).output);
  });

  it('-L follows the webui\'s redirect to /index.html', async () => {
    const world = testWorld({ seed: 'curl-L' });
    new StubCompose(world).up([
      { service: 'redis', program: 'redis' },
      { service: 'webui', program: 'dockercoins/webui', publish: [[8000, 80]], files: { '/files/index.html': '<title>DockerCoin Miner WebUI</title>\n' } },
    ]);
    const sh = shellOn(world, 'node1');
    expect((await sh.run('curl localhost:8000')).stdout).toBe('Found. Redirecting to /index.html');
    expect((await sh.run('curl -sL localhost:8000')).stdout).toBe('<title>DockerCoin Miner WebUI</title>\n');
    expect((await sh.run('curl -s -w "%{redirect_url}" -o /dev/null localhost:8000')).stdout).toBe('http://localhost:8000/index.html');
  });

  it('is deterministic: the same seed, the same bytes', async () => {
    const a = await dockercoins('same').sh.run('curl localhost:8001/32');
    const b = await dockercoins('same').sh.run('curl localhost:8001/32');
    expect(a.output).toBe(b.output);
  });
});

describe('curl errors, as curl 7.29 words them', () => {
  it('connection refused while nothing listens (with -v, and glued to the meter when piped)', async () => {
    const sh = shellOn(testWorld({ seed: 'refused' }), 'node1');
    const r = await sh.run('curl localhost:8001/32');
    expect(r.exitCode).toBe(7);
    expect(r.stderr).toBe('curl: (7) Failed connect to localhost:8001; Connection refused\n');
    await golden('refused-verbose', (await sh.run('curl -v localhost:8001/32')).output);
    await golden('refused-piped', (await sh.run('curl localhost:8001/32 | cat')).output);
    expect((await sh.run('curl -s localhost:8001/32')).output).toBe('');
    expect((await sh.run('curl -sS localhost:8001/32')).output).toBe('curl: (7) Failed connect to localhost:8001; Connection refused\n');
  });

  it('unknown hosts, options, protocols and no URL', async () => {
    const sh = shellOn(testWorld({ seed: 'errors' }), 'node1');
    let r = await sh.run('curl nowhere:8000');
    expect([r.exitCode, r.stderr]).toEqual([6, 'curl: (6) Could not resolve host: nowhere; Name or service not known\n']);
    r = await sh.run('curl --bogus localhost');
    expect([r.exitCode, r.stderr]).toEqual([2, "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n"]);
    r = await sh.run('curl');
    expect([r.exitCode, r.stderr]).toEqual([2, "curl: try 'curl --help' or 'curl --manual' for more information\n"]);
    r = await sh.run('curl -o');
    expect([r.exitCode, r.stderr]).toEqual([2, "curl: option -o: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n"]);
    r = await sh.run('curl gopherx://node1/');
    expect([r.exitCode, r.stderr]).toEqual([1, 'curl: (1) Protocol gopherx not supported or disabled in libcurl\n']);
    r = await sh.run('curl localhost:80x');
    expect(r.exitCode).toBe(3);
  });

  it('TLS to a plain HTTP port, -f on a 404, -o into a missing directory', async () => {
    const { sh } = dockercoins('curl-errors');
    let r = await sh.run('curl -k https://localhost:8001/');
    expect([r.exitCode, r.stderr]).toEqual([35, 'curl: (35) SSL received a record that exceeded the maximum permissible length.\n']);
    r = await sh.run('curl -f localhost:8001/nope');
    expect([r.exitCode, r.stderr]).toEqual([22, 'curl: (22) The requested URL returned error: 404 Not Found\n']);
    r = await sh.run('curl -s -o /no/such/dir/x localhost:8001/32');
    expect(r.exitCode).toBe(23);
  });

  it('the kube-apiserver: certificate error without -k, anonymous answers with it', async () => {
    const world = testWorld({ seed: 'apiserver' });
    world.network.listen({ host: 'node1', address: '0.0.0.0', port: 6443, protocol: 'TCP', process: 'kube-apiserver', service: { kind: 'kube-apiserver' } });
    const sh = shellOn(world, 'node1');
    const ip = world.host('node1')!.ip;
    let r = await sh.run(`curl https://${ip}:6443/`);
    expect(r.exitCode).toBe(60);
    expect(r.stderr).toMatch(/^curl: \(60\) Peer's Certificate issuer is not recognized\.\n/);
    r = await sh.run(`curl -k https://${ip}:6443/version`);
    expect(JSON.parse(r.stdout)).toMatchObject({ major: '1', minor: '27', gitVersion: 'v1.27.2' });
    r = await sh.run(`curl -k https://${ip}:6443/api`);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'Status', reason: 'Forbidden', code: 403 });
  });

  it('sites of the outside world come from the simulated internet', async () => {
    const world = testWorld({ seed: 'internet' });
    world.internet.serve('example.com', (url) => (url.pathname === '/' ? { contentType: 'text/html', body: '<h1>hi</h1>\n' } : undefined));
    const sh = shellOn(world, 'node1');
    expect((await sh.run('curl -s https://example.com/')).stdout).toBe('<h1>hi</h1>\n');
    expect((await sh.run('curl -s -w "%{http_code}" -o /dev/null https://example.com/missing')).stdout).toBe('404');
  });
});

describe('curl output helpers', () => {
  it('drops control characters on a terminal (no escape sequences from random bytes)', () => {
    const bytes = new Uint8Array([0x1b, 0x5b, 0x32, 0x4a, 0x41, 0x07, 0x0a, 0xc2, 0x9b, 0x42, 0xff]);
    expect(bodyText(bytes, true)).toBe('[2JA\nB\ufffd');
    expect(bodyText(bytes, false)).toBe('\u001b[2JA\u0007\n\u009bB\ufffd');
  });

  it('prints the meter\'s final line as 7.29 lays it out', () => {
    expect(meterLine({ downloaded: 32, uploaded: 0, expected: 32, totalMs: 101 })).toBe(
      '100    32  100    32    0     0    316      0 --:--:-- --:--:-- --:--:--   316',
    );
    expect(meterLine({ downloaded: 64, uploaded: 5, expected: 64, totalMs: 2500 })).toBe(
      '100    69  100    64  100     5     25      2  0:00:02  0:00:02 --:--:--    25',
    );
  });
});
