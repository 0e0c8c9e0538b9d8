// DockerCoins on node1, as a learner runs it: clone, docker-compose up, the web UI's mining speed,
// Ctrl+C, then ten workers in the background and a speed that rises to rng's ceiling.
import { test, expect } from './fixtures';
import { Playground } from './pages/Playground';
import type { Page } from '@playwright/test';

test.describe.configure({ timeout: 180_000 });

/** The web UI's speed averaged over `seconds` one-second samples (the page itself is jagged). */
async function averageSpeed(page: Page, seconds: number): Promise<number> {
  let sum = 0;
  for (let i = 0; i < seconds; i++) {
    await page.evaluate(() => window.kubeplay!.advance(1_000));
    const text = await page.getByTestId('webui-speed').textContent();
    sum += Number(/~([\d.]+) hashes\/second/.exec(text ?? '')?.[1] ?? NaN);
  }
  return sum / seconds;
}

test('clone, run with docker-compose, watch it mine, scale it', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open('#/en/run-the-application');

  const clone = await kp.node1.run('git clone https://github.com/jpetazzo/container.training', { advanceMs: 1_000, timeout: 30_000 });
  expect(clone).toContain("Cloning into 'container.training'...");
  await kp.node1.run('cd container.training/dockercoins');
  expect(await kp.node1.run('ls')).toMatch(/docker-compose\.yml[\s\S]*worker/);

  // Attached: build, pull, create, then the interleaved logs with compose v1's prefixes.
  await kp.node1.type('docker-compose up');
  await kp.node1.expectScreen(/Successfully tagged dockercoins_worker:latest/, { advanceMs: 2_000, timeout: 60_000 });
  await kp.node1.expectScreen(/Attaching to dockercoins_/, { advanceMs: 2_000, timeout: 60_000 });
  await kp.node1.expectScreen(/worker_1\s+\| INFO:__main__:4 units of work done, updating hash counter/, { advanceMs: 1_000, timeout: 30_000 });

  // The web UI, in the page: one worker mines about 3.3 hashes/second (shown as 4s and 0s).
  await page.getByTestId('webui-open').click();
  await expect(page.getByTestId('webui')).toBeVisible();
  await expect(page.getByTestId('webui-speed')).toContainText('hashes/second', { timeout: 15_000 });
  const one = await averageSpeed(page, 24);
  expect(one).toBeGreaterThan(2.6);
  expect(one).toBeLessThan(4.2);

  // The diagram shows the containers and the data flowing between them.
  await kp.diagram.expectNode('container/node1/dockercoins_worker_1');
  await kp.diagram.expectNode('container/node1/dockercoins_rng_1');

  // Ctrl+C: compose stops gracefully; the worker ignores SIGTERM and takes its 10 s.
  await kp.node1.focus();
  await page.keyboard.press('Control+C');
  await kp.node1.expectScreen('Gracefully stopping... (press Ctrl+C again to force)');
  await kp.node1.expectScreen(/Stopping dockercoins_worker_1 \.\.\. done/, { advanceMs: 2_000, timeout: 30_000 });
  await kp.node1.waitForPrompt({ advanceMs: 1_000 });
  // The page stays as it was loaded (its script's polls now fail), as a browser tab would.
  await expect(page.getByTestId('webui-stale')).toBeVisible({ timeout: 15_000 });

  // Ten workers in the background: not ten times faster, but up to rng's ceiling of about 10/s.
  await kp.node1.run('docker-compose up -d --scale worker=10', { advanceMs: 1_000, timeout: 60_000 });
  expect(await kp.node1.run('docker-compose ps')).toMatch(/dockercoins_worker_10\s/);
  await page.evaluate(() => window.kubeplay!.advance(10_000));
  const ten = await averageSpeed(page, 24);
  expect(ten).toBeGreaterThan(8);
  expect(ten).toBeLessThan(12);

  // rng is the bottleneck: its latency shows it, hasher's doesn't.
  const rng = await kp.node1.run('httping -c 3 localhost:8001', { advanceMs: 1_000 });
  const hasher = await kp.node1.run('httping -c 3 localhost:8002', { advanceMs: 1_000 });
  const avg = (out: string) => Number(/round-trip min\/avg\/max = [\d.]+\/([\d.]+)\//.exec(out)?.[1] ?? NaN);
  expect(avg(rng)).toBeGreaterThan(5 * avg(hasher));
});
