// Heap and DOM growth over a long session (R1), in the production build: DockerCoins at 10 workers
// under docker-compose on node1 (lesson 4's commands, typed through window.kubeplay), then
// `minutes` simulated minutes, each one a command (alternately `docker-compose ps` and
// `docker-compose logs --tail 3 worker`) and 60 one-second steps of window.kubeplay.advance, each
// followed by an animation frame so React and the diagram render as they would live. After every
// minute: a full GC (CDP HeapProfiler.collectGarbage), then Performance.getMetrics (JSHeapUsedSize,
// Nodes), and the diagram's animated edges (the app must never animate more than 200).
/* global window, document, requestAnimationFrame -- the functions handed to page.evaluate run in the page */
import { percentile } from './lib.mjs';

/**
 * Runs `command` on `node` through window.kubeplay, advancing the virtual clock until it ends.
 * @param {import('@playwright/test').Page} page @param {string} node @param {string} command
 */
export async function runAdvancing(page, node, command) {
  return page.evaluate(async ({ node, command }) => {
    const kp = /** @type {any} */ (window).kubeplay;
    let done = false;
    const run = kp.run(node, command).finally(() => { done = true; });
    while (!done) {
      kp.advance(500);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return run;
  }, { node, command });
}

/**
 * @param {import('@playwright/test').Browser} browser @param {string} url the app's root
 * @param {{ minutes?: number }} [options]
 */
export async function measureMemory(browser, url, { minutes = 30 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = /** @type {string[]} */ ([]);
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`${url}#/en/run-the-application`);
    await page.waitForFunction(() => performance.getEntriesByName('prompt-ready').length > 0, null, { timeout: 30_000 });
    await runAdvancing(page, 'node1', 'git clone https://github.com/jpetazzo/container.training');
    await runAdvancing(page, 'node1', 'cd container.training/dockercoins');
    const up = await runAdvancing(page, 'node1', 'docker-compose up -d --scale worker=10');
    if (up.exitCode !== 0) throw new Error(`docker-compose up failed: ${up.output}`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (/** @type {string} */ name) => metrics.find((m) => m.name === name)?.value ?? NaN;
      const animated = await page.evaluate(() => document.querySelectorAll('.kp-dg-edge.kp-dg-animated').length);
      return { heap: get('JSHeapUsedSize'), nodes: get('Nodes'), listeners: get('JSEventListeners'), animated };
    };
    /** @param {number} seconds */
    const live = (seconds) => page.evaluate(async (seconds) => {
      const kp = /** @type {any} */ (window).kubeplay;
      for (let s = 0; s < seconds; s++) {
        kp.advance(1_000);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    }, seconds);
    // One warm-up minute: the lazy chunks, the diagram's first picture, the web of traffic.
    await live(60);
    const samples = [await measure()];
    const started = performance.now();
    for (let m = 0; m < minutes; m++) {
      await runAdvancing(page, 'node1', m % 2 === 0 ? 'docker-compose ps' : 'docker-compose logs --tail 3 worker');
      await live(60);
      samples.push(await measure());
    }
    const first = /** @type {typeof samples[0]} */ (samples[0]);
    const last = /** @type {typeof samples[0]} */ (samples.at(-1));
    // The last ten minutes' slope, by least squares: a leak keeps climbing where a cache levels off.
    const tail = samples.slice(-11);
    const mx = (tail.length - 1) / 2;
    const my = tail.reduce((a, s) => a + s.heap, 0) / tail.length;
    const slope = tail.reduce((a, s, i) => a + (i - mx) * (s.heap - my), 0) / tail.reduce((a, _, i) => a + (i - mx) ** 2, 0);
    return {
      heapGrowthMb: (last.heap - first.heap) / 1e6,
      heapStartMb: first.heap / 1e6,
      nodesGrowthPct: ((last.nodes - first.nodes) / first.nodes) * 100,
      nodesStart: first.nodes,
      tailSlopeKbPerMin: slope / 1e3,
      maxAnimatedEdges: Math.max(...samples.map((s) => s.animated)),
      medianAnimatedEdges: percentile(samples.map((s) => s.animated), 50),
      wallSeconds: (performance.now() - started) / 1000,
      errors,
    };
  } finally {
    await context.close();
  }
}
