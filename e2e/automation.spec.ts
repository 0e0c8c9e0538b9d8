// window.kubeplay and its postMessage bridge, as an embedding page or an outside test uses them.
import { test, expect } from './fixtures';
import { Playground } from './pages/Playground';

test('window.kubeplay runs commands, reads screens, advances time and reports progress', async ({ page }) => {
  const kp = new Playground(page);
  await kp.open('#/en/start-the-cluster');
  const result = await page.evaluate(() => window.kubeplay!.run('node2', 'hostname; false'));
  expect(result).toEqual({ output: 'node2\n', exitCode: 1 });
  expect(await kp.node2.screen()).toContain('[node2 ~]$ hostname; false\nnode2\n');
  await expect(page.evaluate(() => window.kubeplay!.run('node3', 'ls'))).rejects.toThrow(/unknown node "node3"/);

  const before = await page.evaluate(() => (window.kubeplay!.snapshot() as { now: number }).now);
  await page.evaluate(() => window.kubeplay!.advance(60_000));
  const after = await page.evaluate(() => (window.kubeplay!.snapshot() as { now: number }).now);
  expect(after - before).toBeGreaterThanOrEqual(60_000);

  await expect.poll(() => page.evaluate(() => window.kubeplay!.progress()?.total)).toBe(9);
});

test('postMessage: an allowed origin gets answers, malformed messages are ignored', async ({ page }) => {
  const kp = new Playground(page);
  // The page's own origin, whichever port the suite serves it on.
  const origin = new URL(test.info().project.use.baseURL!).origin;
  await kp.open('#/en/start-the-cluster', `?origin=${origin}`);
  const replies = await page.evaluate(async () => {
    const got: unknown[] = [];
    window.addEventListener('message', (e) => {
      const data = e.data as { kubeplay?: number; result?: unknown } | undefined;
      if (data?.kubeplay === 1 && ('result' in data || 'error' in data)) got.push(data);
    });
    window.postMessage({ kubeplay: 1, id: 'bad', method: 'eval', params: ['alert(1)'] }, window.location.origin);
    window.postMessage({ kubeplay: 2, id: 'old', method: 'screen', params: ['node1'] }, window.location.origin);
    window.postMessage({ kubeplay: 1, id: 7, method: 'run', params: ['node1', 'echo over-postMessage'] }, window.location.origin);
    for (let i = 0; i < 100 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    return got;
  });
  expect(replies).toEqual([{ kubeplay: 1, id: 7, result: { output: 'over-postMessage\n', exitCode: 0 } }]);
});
