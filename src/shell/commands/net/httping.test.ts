import { beforeAll, describe, expect, it } from 'vitest';
import { StubCompose, type World } from '../../../engine';
import { preloadCommands } from '../../index';
import { shellOn, testWorld, type TestShell } from '../../testing/harness';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

function dockercoins(workers: number, seed = `httping-${workers}`): { world: World; sh: TestShell } {
  const world = testWorld({ seed });
  new StubCompose(world).up().scale('worker', workers);
  world.advance(20_000);
  return { world, sh: shellOn(world, 'node1') };
}

const times = (output: string): number[] => [...output.matchAll(/time=\s*([\d.]+) ms/g)].map((m) => Number(m[1]));

beforeAll(async () => {
  await preloadCommands();
});

describe('httping', () => {
  it('prints httping 2.5\'s lines and statistics (hasher, one worker)', async () => {
    const { sh } = dockercoins(1);
    const r = await sh.run('httping -c 3 localhost:8002');
    expect(r.exitCode).toBe(0);
    await golden('httping-hasher', r.output);
  });

  it('shows the bottleneck: with 10 workers rng takes ~0.7–0.9 s, hasher a few ms', async () => {
    const { sh } = dockercoins(10);
    const rng = times((await sh.run('httping -c 3 localhost:8001')).output);
    const hasher = times((await sh.run('httping -c 3 localhost:8002')).output);
    expect(rng).toHaveLength(3);
    for (const t of rng) {
      expect(t).toBeGreaterThan(650);
      expect(t).toBeLessThan(950);
    }
    for (const t of hasher) expect(t).toBeLessThan(5);
  });

  it('reports a refused connection and fails with 127', async () => {
    const sh = shellOn(testWorld({ seed: 'httping-refused' }), 'node1');
    const r = await sh.run('httping -c 2 localhost:8001');
    expect(r.exitCode).toBe(127);
    await golden('httping-refused', r.output);
  });

  it('stops on Ctrl+C with its statistics', async () => {
    const { sh } = dockercoins(1, 'httping-int');
    const job = sh.start('httping localhost:8002');
    sh.advance(2500);
    sh.interrupt();
    const r = await job.done();
    expect(r.stderr).toBe('Got signal 2\n');
    expect(r.stdout).toMatch(/--- http:\/\/localhost:8002\/ ping statistics ---\n3 connects, 3 ok, 0\.00% failed, time 25\d\dms\nround-trip min\/avg\/max = [\d.]+\/[\d.]+\/[\d.]+ ms\n$/);
  });

  it('needs a URL, and resolves names', async () => {
    const sh = shellOn(testWorld({ seed: 'httping-args' }), 'node1');
    let r = await sh.run('httping');
    expect([r.exitCode, r.stderr]).toEqual([1, 'No URL/host to ping given\n\n']);
    r = await sh.run('httping -c 1 nowhere');
    expect([r.exitCode, r.stderr]).toEqual([1, 'Resolving nowhere failed: Name or service not known\n']);
  });
});
