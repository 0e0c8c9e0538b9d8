/**
 * The workshop's path with the real DockerCoins programs: clone, `docker-compose up`, the
 * interleaved logs as §1.7 of the facts describes them, Ctrl+C.
 */
import { beforeAll, expect, test } from 'vitest';
import { preloadCommands } from '../../session/preload';
import { shellOn, testWorld, type TestShell } from '../../testing/harness';
import { screen } from './testing/fixture';

beforeAll(async () => {
  await preloadCommands();
});

function advanceUntil(sh: TestShell, text: string, maxMs = 600_000): void {
  for (let t = 0; t < maxMs && !sh.output.includes(text); t += 250) sh.advance(250);
  if (!sh.output.includes(text)) throw new Error(`never printed ${JSON.stringify(text)}`);
}

test('docker-compose up runs DockerCoins: the logs interleave with the v1 prefixes; Ctrl+C stops it', async () => {
  const world = testWorld({ seed: 'dockercoins' });
  const sh = shellOn(world, 'node1', { columns: 160 });
  await sh.run('git clone https://github.com/jpetazzo/container.training');
  await sh.run('cd container.training/dockercoins');
  const job = sh.start('docker-compose up');
  advanceUntil(sh, 'Attaching to');
  sh.advance(6000);
  sh.interrupt();
  const r = await job.done();
  const lines = screen(r.output).split('\n');
  const attached = lines.slice(lines.findIndex((l) => l.startsWith('Attaching to')));
  expect(attached[0]).toBe('Attaching to dockercoins_rng_1, dockercoins_hasher_1, dockercoins_webui_1, dockercoins_redis_1, dockercoins_worker_1');
  const has = (re: RegExp): boolean => attached.some((l) => re.test(l));
  expect(has(/^worker_1 {2}\| INFO:__main__:0 units of work done, updating hash counter$/)).toBe(true);
  expect(has(/^worker_1 {2}\| INFO:__main__:4 units of work done, updating hash counter$/)).toBe(true);
  expect(has(/^rng_1 {5}\| 172\.18\.0\.\d+ - - \[01\/Jun\/2023 09:\d\d:\d\d\] "GET \/32 HTTP\/1\.1" 200 -$/)).toBe(true);
  expect(has(/^hasher_1 {2}\| 172\.18\.0\.\d+ - - \[01\/Jun\/2023:09:\d\d:\d\d \+0000\] "POST \/ HTTP\/1\.1" 200 64 0\.1\d*$/)).toBe(true);
  expect(has(/^redis_1 {3}\| 1:M .* \* Ready to accept connections/)).toBe(true);
  expect(has(/^webui_1 {3}\| WEBUI running on port 80$/)).toBe(true);
  // Every log line carries a prefix: width = longest service name (6) + 3, then " | ".
  const logLines = attached.slice(1, attached.indexOf('Gracefully stopping... (press Ctrl+C again to force)'));
  expect(logLines.length).toBeGreaterThan(40);
  for (const l of logLines) expect(l).toMatch(/^(rng_1 {5}|hasher_1 {2}|webui_1 {3}|redis_1 {3}|worker_1 {2})\| /);
  expect(attached.filter((l) => l.startsWith('Stopping '))).toHaveLength(5);
  expect(attached.filter((l) => / \.\.\. done$/.test(l))).toHaveLength(5);
  expect(r.exitCode).toBe(0);
});
