import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotOf } from '../../engine';
import { Playground, browserGet, loadShellModule, speedPoints, startWebuiPoller, type NodeName, type WebuiPoller } from '../../store';
import { countAnimated } from '../diagram/edges';
import { toFlow } from '../diagram/toFlow';

// The whole path a learner takes, on the real engine: clone, docker-compose up -d, open the web UI
// (the panel's poller, fetching through the browser's httpGet), scale the workers. The speeds are
// the model's, measured the way the real page measures them.

async function run(playground: Playground, node: NodeName, line: string, maxMs = 300_000): Promise<string> {
  let finished = false;
  const result = playground.terminal(node).session.run(line).then((r) => {
    finished = true;
    return r;
  });
  for (let waited = 0; !finished && waited < maxMs; waited += 250) {
    // The job's own promises (its output, its end) settle between two steps of the clock.
    await new Promise((resolve) => setImmediate(resolve));
    playground.advance(250);
  }
  const { output, exitCode } = await result;
  if (exitCode !== 0) throw new Error(`${line} → exit ${exitCode}\n${output}`);
  return output;
}

function meanSpeed(poller: WebuiPoller, seconds: number): number {
  const points = speedPoints(poller.getView().series).slice(-seconds);
  return points.reduce((sum, p) => sum + p.y, 0) / points.length;
}

describe('the web UI and the diagram over the real DockerCoins', () => {
  // Commands load lazily in the page; here they are loaded up front, as a restored session does.
  // As the page does once its prompt is painted: the shell's code, then every command.
  beforeAll(() => loadShellModule().then((m) => m.preloadCommands()));

  it('shows connection refused, then ~3.3 hashes/s for one worker, about twice that for two; the diagram animates the flows', async () => {
    const playground = new Playground({ seed: 'webui-integration', epochMs: Date.UTC(2023, 5, 1, 9, 0, 0) });
    const world = playground.world;
    const poller = startWebuiPoller({ world, target: { node: 'node1', port: 8000 }, get: browserGet });
    playground.advance(2_000);
    expect(poller.getView().problem).toMatchObject({ kind: 'network', error: 'refused', code: 'ERR_CONNECTION_REFUSED' });

    await run(playground, 'node1', 'git clone https://github.com/jpetazzo/container.training');
    await run(playground, 'node1', 'cd container.training/dockercoins && docker-compose up -d');
    playground.advance(90_000);
    expect(poller.getView().problem).toBeUndefined();
    const one = meanSpeed(poller, 60);
    expect(one).toBeGreaterThan(3.0);
    expect(one).toBeLessThan(3.7);
    // Jagged, as on the real page: whole steps of 4 sampled once a second.
    const recent = new Set(speedPoints(poller.getView().series).slice(-30).map((p) => Math.round(p.y)));
    expect(recent.has(0) && recent.has(4)).toBe(true);

    let flow = toFlow(snapshotOf(world));
    const workerEdges = flow.edges.filter((e) => e.source === 'container/node1/dockercoins_worker_1');
    expect(workerEdges.map((e) => e.target).sort()).toEqual([
      'container/node1/dockercoins_hasher_1', 'container/node1/dockercoins_redis_1', 'container/node1/dockercoins_rng_1',
    ]);
    expect(flow.edges.some((e) => e.source === 'container/node1/dockercoins_webui_1' && e.target === 'container/node1/dockercoins_redis_1')).toBe(true);
    expect(countAnimated(flow.edges)).toBe(flow.edges.length);
    expect(flow.edges.find((e) => e.target === 'container/node1/dockercoins_rng_1')?.label).toMatch(/^3\.\d req\/s$/);

    await run(playground, 'node1', 'docker-compose up -d --scale worker=2');
    playground.advance(90_000);
    const two = meanSpeed(poller, 60);
    expect(two / one).toBeGreaterThan(1.8);
    expect(two / one).toBeLessThan(2.2);

    await run(playground, 'node1', 'docker-compose stop');
    playground.advance(10_000);
    flow = toFlow(snapshotOf(world));
    expect(flow.edges).toEqual([]);
    expect(flow.nodes.filter((n) => n.type === 'container').every((n) => n.type === 'container' && n.data.status.startsWith('Exited'))).toBe(true);
    expect(poller.getView().problem).toMatchObject({ kind: 'network', error: 'refused' });
    poller.stop();
    playground.dispose();
  });

  // A saved session is replayed from the terminal journal, without the panel's requests: the web UI
  // being open must not change what the model does (Redis reads do not delay the worker's writes).
  it('leaves the world as it would be without the browser: same logs, same counter', async () => {
    const transcripts: string[] = [];
    for (const browserOpen of [false, true]) {
      const playground = new Playground({ seed: 'webui-determinism', epochMs: Date.UTC(2023, 5, 1, 9, 0, 0) });
      await run(playground, 'node1', 'git clone https://github.com/jpetazzo/container.training');
      await run(playground, 'node1', 'cd container.training/dockercoins && docker-compose up -d');
      const poller = browserOpen ? startWebuiPoller({ world: playground.world, target: { node: 'node1', port: 8000 }, get: browserGet }) : undefined;
      playground.advance(120_000);
      poller?.stop();
      transcripts.push(await run(playground, 'node1', 'docker-compose logs --tail 5 worker; curl -s localhost:8000/json; docker-compose logs --tail 3 rng'));
      playground.dispose();
    }
    expect(transcripts[0]).toContain('units of work done');
    expect(transcripts[1]).toBe(transcripts[0]);
  });
});
