import { beforeAll, describe, expect, test } from 'vitest';
import { existingDockerOf, snapshotOf, type World } from '../../../engine';
import { preloadCommands } from '../../session/preload';
import { shellOn, testWorld, type TestShell } from '../../testing/harness';
import { screen, useFakePrograms, writeProject } from './testing/fixture';

beforeAll(async () => {
  await preloadCommands();
});

function setup(seed = 'compose'): { world: World; sh: TestShell } {
  const world = testWorld({ seed });
  useFakePrograms(world);
  writeProject(world, 'node1', '/root/dockercoins');
  const sh = shellOn(world, 'node1', { columns: 160 });
  return { world, sh };
}

/** Advances the clock until the shell has printed `text` (at most `maxMs`). */
function advanceUntil(sh: TestShell, text: string, maxMs = 300_000): void {
  for (let t = 0; t < maxMs && !sh.output.includes(text); t += 100) sh.advance(100);
  if (!sh.output.includes(text)) throw new Error(`never printed ${JSON.stringify(text)}`);
}

/** Escape characters made visible ("^["), so patterns need no control characters. */
const visible = (text: string): string => text.replaceAll('\u001b', '^[');

const states = (world: World): string[] => snapshotOf(world).hosts[0]!.containers.map((c) => `${c.name} ${c.state}`);

describe('docker-compose up, attached', () => {
  test('builds, pulls, creates, attaches to the logs; Ctrl+C stops gracefully, the worker after its 10 s (golden)', async () => {
    const { world, sh } = setup();
    await sh.run('cd dockercoins');
    const job = sh.start('docker-compose up');
    advanceUntil(sh, 'Attaching to');
    sh.advance(2500);
    const interruptedAt = world.now();
    sh.interrupt();
    const r = await job.done();
    expect(r.exitCode).toBe(0);
    // SIGTERM ends the servers at once; the worker ignores it and is killed when the 10 s are up.
    expect(world.now() - interruptedAt).toBeGreaterThanOrEqual(10_000);
    expect(world.now() - interruptedAt).toBeLessThan(10_500);
    expect(states(world)).toEqual([
      'dockercoins_rng_1 exited', 'dockercoins_hasher_1 exited', 'dockercoins_webui_1 exited', 'dockercoins_redis_1 exited', 'dockercoins_worker_1 exited',
    ]);
    expect(existingDockerOf(world, 'node1')!.container('dockercoins_worker_1')!.exitCode).toBe(137);
    await expect(screen(r.output)).toMatchFileSnapshot('golden/up.txt');
  });

  test('prefixes are coloured per container on a terminal, and the status lines are rewritten in place', async () => {
    const { sh } = setup();
    await sh.run('cd dockercoins');
    const job = sh.start('docker-compose up');
    advanceUntil(sh, 'units of work done');
    sh.interrupt();
    const r = await job.done();
    expect(r.stdout).toContain('\u001b[31mworker_1  |\u001b[0m INFO:__main__:0 units of work done, updating hash counter\n');
    expect(r.stdout).toContain('\u001b[36mhasher_1  |\u001b[0m ');
    expect(visible(r.stderr)).toMatch(/\^\[\[\d+A\^\[\[2K\rCreating dockercoins_rng_1 {4}\.\.\. \^\[\[32mdone\^\[\[0m\r\^\[\[\d+B/);
    expect(r.stderr).toContain('\u001b[33mWARNING\u001b[0m: Image for service rng was built because it did not already exist.');
  });

  test('a second Ctrl+C kills what is still stopping, with status 2', async () => {
    const { world, sh } = setup();
    await sh.run('cd dockercoins');
    const job = sh.start('docker-compose up');
    advanceUntil(sh, 'Attaching to');
    sh.interrupt();
    sh.advance(2000);
    const t = world.now();
    sh.interrupt();
    const r = await job.done();
    expect(r.exitCode).toBe(2);
    expect(world.now() - t).toBeLessThan(1000);
    // One writer serves the whole command: names stay padded to the widest line ("Creating dockercoins_hasher_1").
    expect(screen(r.output)).toMatch(/\nStopping dockercoins_worker_1 \.\.\.\n[^]*\nKilling dockercoins_worker_1 +\.\.\. done\n/);
  });

  test('the same seed and inputs give the same transcript', async () => {
    const run = async (): Promise<string> => {
      const { sh } = setup('same');
      await sh.run('cd dockercoins');
      const job = sh.start('docker-compose up');
      advanceUntil(sh, 'Attaching to');
      sh.advance(1500);
      sh.interrupt();
      const r = await job.done();
      return r.output + (await sh.run('docker ps -a; docker images')).output;
    };
    expect(await run()).toBe(await run());
  });
});

describe('docker-compose in the background', () => {
  test('up -d, ps, logs --tail, scale up and down, down (golden)', async () => {
    const { world, sh } = setup();
    const lines: string[] = [];
    const step = async (line: string, advanceMs = 0): Promise<void> => {
      const r = await sh.run(line);
      lines.push(`$ ${line}`, screen(r.output).replace(/\n$/, ''));
      if (advanceMs > 0) sh.advance(advanceMs);
    };
    await sh.run('cd dockercoins');
    await step('docker-compose up -d', 3000);
    await step('docker-compose ps');
    await step('docker-compose logs --tail 2 worker');
    await step('docker-compose up -d --scale worker=3', 1000);
    expect(states(world).filter((s) => s.includes('worker'))).toEqual(['dockercoins_worker_1 running', 'dockercoins_worker_2 running', 'dockercoins_worker_3 running']);
    await step('docker-compose scale worker=2');
    await step('docker-compose ps worker');
    await step('docker-compose stop rng');
    await step('docker-compose start rng');
    await step('docker-compose down');
    expect(states(world)).toEqual([]);
    expect(existingDockerOf(world, 'node1')!.network('dockercoins_default')).toBeUndefined();
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('golden/background.txt');
  });

  test('a second up keeps what runs ("is up-to-date") and the images built the first time', async () => {
    const { sh } = setup();
    await sh.run('cd dockercoins');
    await sh.run('docker-compose up -d');
    const again = await sh.run('docker-compose up -d');
    expect(again.stderr.split('\n').filter(Boolean)).toEqual([
      'dockercoins_rng_1 is up-to-date', 'dockercoins_hasher_1 is up-to-date', 'dockercoins_webui_1 is up-to-date', 'dockercoins_redis_1 is up-to-date', 'dockercoins_worker_1 is up-to-date',
    ]);
    await sh.run('docker-compose stop worker');
    const restarted = await sh.run('docker-compose up -d worker');
    expect(screen(restarted.stderr)).toBe('Starting dockercoins_worker_1 ... done\n');
  });

  test('logs -f follows new lines until Ctrl+C, then compose aborts', async () => {
    const { sh } = setup();
    await sh.run('cd dockercoins');
    await sh.run('docker-compose up -d');
    const job = sh.start('docker-compose logs -f --tail 0 --no-color worker');
    sh.advance(3000);
    sh.interrupt();
    const r = await job.done();
    expect(r.stdout).toBe('Attaching to dockercoins_worker_1\n' + 'worker_1  | INFO:__main__:4 units of work done, updating hash counter\n'.repeat(3));
    expect(r.stderr).toBe('\u001b[31mERROR\u001b[0m: Aborting.\n');
    expect(r.exitCode).toBe(1);
  });

  test('config prints the resolved file; --services lists the services', async () => {
    const { sh } = setup();
    await sh.run('cd dockercoins');
    const r = await sh.run('docker-compose config');
    expect(r.stdout).toContain('  webui:\n    build:\n      context: /root/dockercoins/webui\n    ports:\n    - 8000:80/tcp\n    volumes:\n    - /root/dockercoins/webui/files:/files:rw\n');
    expect(r.stdout).toMatch(/\nversion: '2.0'\n$/);
    expect((await sh.run('docker-compose config --services')).stdout).toBe('rng\nhasher\nwebui\nredis\nworker\n');
  });
});

describe('errors, as compose v1 words them', () => {
  test('no file here, unknown service, port already allocated by another project (golden)', async () => {
    const { sh, world } = setup();
    writeProject(world, 'node1', '/root/other', { 'docker-compose.yml': 'version: "2"\nservices:\n  web:\n    image: nginx\n    ports:\n    - "8000:80"\n' });
    const lines: string[] = [];
    const step = async (line: string): Promise<void> => {
      const r = await sh.run(line);
      lines.push(`$ ${line}`, `${screen(r.output).replace(/\n$/, '')}`, `[exit ${r.exitCode}]`);
    };
    await step('docker-compose up');
    await sh.run('cd dockercoins');
    await step('docker-compose logs foo');
    await step('docker-compose up -d --scale nope=2');
    await sh.run('docker-compose up -d');
    await sh.run('cd ../other');
    await step('docker-compose up -d');
    await step('docker-compose ps');
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('golden/errors.txt');
  });

  test('a file that is not YAML, an unsupported version, a service with neither image nor build', async () => {
    const { sh, world } = setup();
    const fs = world.host('node1')!.fs;
    fs.mkdir('/root/bad', { parents: true });
    await sh.run('cd /root/bad');
    fs.writeFile('/root/bad/docker-compose.yml', 'services:\n  web:\n    image: [nginx\n');
    expect(visible((await sh.run('docker-compose ps')).stderr)).toMatch(/^\^\[\[31mERROR\^\[\[0m: yaml\.scanner\.ScannerError: .*\n {2}in "\.\/docker-compose\.yml", line \d+, column \d+\n$/);
    fs.writeFile('/root/bad/docker-compose.yml', 'version: "9"\nservices: {}\n');
    expect((await sh.run('docker-compose ps')).stderr).toContain('ERROR\u001b[0m: Version in "./docker-compose.yml" is unsupported.');
    fs.writeFile('/root/bad/docker-compose.yml', 'version: "2"\nservices:\n  web:\n    ports: ["80"]\n');
    expect((await sh.run('docker-compose ps')).stderr).toContain("The Compose file './docker-compose.yml' is invalid because:\nService web has neither an image nor a build context specified. At least one must be provided.");
    expect((await sh.run('docker-compose -f nope.yml ps')).stderr).toContain(".FileNotFoundError: [Errno 2] No such file or directory: './nope.yml'");
  });

  test('variables: substituted from the environment, with a warning when unset', async () => {
    const { sh, world } = setup();
    writeProject(world, 'node1', '/root/vars', { 'docker-compose.yml': 'version: "2"\nservices:\n  web:\n    image: ${REGISTRY_SLASH}nginx${COLON_TAG}\n' });
    await sh.run('cd /root/vars');
    const r = await sh.run('COLON_TAG=:latest docker-compose config');
    expect(r.stderr).toBe('\u001b[33mWARNING\u001b[0m: The REGISTRY_SLASH variable is not set. Defaulting to a blank string.\n');
    expect(r.stdout).toContain('    image: nginx:latest\n');
  });
});

describe('docker compose (v2 spelling)', () => {
  test('up -d, ps and down report as compose v2 does (golden)', async () => {
    const { sh } = setup();
    await sh.run('cd dockercoins');
    const lines: string[] = [];
    for (const line of ['docker compose up -d', 'docker compose ps', 'docker compose down', 'docker compose version']) {
      const r = await sh.run(line);
      lines.push(`$ ${line}`, screen(r.output).replace(/\n$/, ''));
    }
    const text = `${lines.join('\n')}\n`.replace(/^(Step|Successfully|Removing intermediate| --->|Collecting| {2}Downloading|Installing|WARNING: Running pip|[0-9a-f]{12}: Pull|Digest|Status|\S+: Pulling from|Building|Sending).*\n/gm, '');
    await expect(text).toMatchFileSnapshot('golden/v2.txt');
  });

  test('the logs prefix is the container name', async () => {
    const { sh } = setup();
    await sh.run('cd dockercoins');
    await sh.run('docker compose up -d');
    sh.advance(2000);
    const r = await sh.run('docker compose logs --no-color --tail 1 worker');
    expect(r.stdout).toBe('dockercoins-worker-1  | INFO:__main__:4 units of work done, updating hash counter\n');
  });
});
