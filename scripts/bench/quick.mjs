#!/usr/bin/env node
// npm run perf:quick, the `perf` step of npm test: the CI-safe subset of the page bench, with
// ceilings two to five times the design's budgets, so that only a clear regression fails the build
// on a shared, noisy machine (the budgets themselves are `npm run bench`'s figures). About 45 s.
// Serves an existing build (KUBEPLAY_PERF_OUT_DIR, default dist/, which npm test has just built)
// on its own port (KUBEPLAY_PERF_PORT, default 4175); builds the bench-only diagram page itself.
// Prints one line per check, the figures as JSON lines, then `N passed, M failed`.
import { buildDiagramPage, diagramPreview, measureDiagram } from './diagram.mjs';
import { emit, launchChromium, percentile, startPreview } from './lib.mjs';
import { enterToOutput, keystrokeEcho, lessonOne, longTasksSince, openApp } from './terminal.mjs';

const OUT_DIR = process.env.KUBEPLAY_PERF_OUT_DIR ?? 'dist';
const PORT = Number(process.env.KUBEPLAY_PERF_PORT ?? 4175);

/** Ceilings: a clear regression, not the budget (docs/performance.md has both). */
export const CEILINGS = Object.freeze({
  'prompt-ready.p50': 750, // budget 250 ms
  'keystroke-echo.p95': 50, // budget 16.7 ms (one frame)
  'lesson1.longest-task': 600, // budget: no task over 50 ms
  'lesson1.long-tasks': 40, // budget 0
  'get-pods-A-1000.enter-to-painted.p50': 500, // budget 100 ms p95
  'diagram-300-flows.animated-edges': 200, // the cap itself: never more than 200
});

let passed = 0;
let failed = 0;
/** @param {keyof typeof CEILINGS} name @param {number} value @param {string} unit */
function check(name, value, unit) {
  const ceiling = CEILINGS[name];
  const ok = Number.isFinite(value) && value <= ceiling;
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${Math.round(value * 10) / 10} ${unit} (ceiling ${ceiling})`);
  emit(`perf-quick.${name}`, value, unit, ceiling);
}
/** @param {string} name @param {unknown} error */
function broken(name, error) {
  failed++;
  console.log(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
}

const started = performance.now();
const server = await startPreview({ port: PORT, outDir: OUT_DIR });
const browser = await launchChromium();
try {
  try {
    const loads = [];
    for (let i = 0; i < 6; i++) {
      const { context, promptReady } = await openApp(browser, `${server.url}#/en/start-the-cluster`);
      if (i > 0) loads.push(promptReady); // the first warms the server's and the browser's caches
      await context.close();
    }
    check('prompt-ready.p50', percentile(loads, 50), 'ms');
  } catch (error) { broken('prompt-ready.p50', error); }

  try {
    const app = await openApp(browser, `${server.url}#/en/start-the-cluster`);
    const echo = await keystrokeEcho(app.page, 3, 20);
    await app.context.close();
    check('keystroke-echo.p95', percentile(echo, 95), 'ms');
  } catch (error) { broken('keystroke-echo.p95', error); }

  try {
    const app = await openApp(browser, `${server.url}?speed=10#/en/start-the-cluster`);
    const start = await app.page.evaluate(() => performance.now());
    await lessonOne(app.page);
    const tasks = await longTasksSince(app.page, start);
    check('lesson1.longest-task', Math.max(0, ...tasks.map((t) => t.duration)), 'ms');
    check('lesson1.long-tasks', tasks.length, 'tasks');
    try {
      const { painted } = await enterToOutput(app.page, 1000, 5);
      check('get-pods-A-1000.enter-to-painted.p50', percentile(painted, 50), 'ms');
    } catch (error) { broken('get-pods-A-1000.enter-to-painted.p50', error); }
    if (app.errors.length > 0) broken('page errors', app.errors.join('\n'));
    await app.context.close();
  } catch (error) { broken('lesson1', error); }
} finally {
  await browser.close();
  server.stop();
}

try {
  await buildDiagramPage();
  const diagramServer = await startPreview({ port: PORT, ...diagramPreview });
  const diagramBrowser = await launchChromium();
  try {
    const capped = await measureDiagram(diagramBrowser, diagramServer.url, { flows: 300, sampleMs: 300 });
    check('diagram-300-flows.animated-edges', Math.max(capped.animatedEdges, capped.edgeAnimations), 'edges');
  } finally {
    await diagramBrowser.close();
    diagramServer.stop();
  }
} catch (error) { broken('diagram-300-flows.animated-edges', error); }

console.log(`perf: ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
