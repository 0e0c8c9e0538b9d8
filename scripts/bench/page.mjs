// Page figures in headless Chromium against the production build (vite preview on localhost, a
// port of the bench's own, the build in KUBEPLAY_BENCH_OUT_DIR, by default .cache/dist-bench):
// - first prompt ready (performance.mark('prompt-ready')) over 20 fresh loads, p50 and p95 (P4);
// - keystroke to echo p95 over 200 keys (P6);
// - long tasks after the first prompt while lesson 1 is typed (P8);
// - Enter to output painted for `kubectl get pods -A` at 1,000 pods, 30 reps (P7);
// - heap and DOM growth over 30 simulated minutes of DockerCoins at 10 workers (R1);
// - the diagram with 100 pods and 200 animated edges: first render, fps, p95 frame; and the cap of
//   200 animated edges with 300 flows asked for (P9, P10), on the bench-only page scripts/bench/diagram/.
// KUBEPLAY_BENCH_PAGE=prompt,terminal,memory,diagram picks some of them.
import { diagramPreview, measureDiagram } from './diagram.mjs';
import { emit, launchChromium, percentile, startPreview } from './lib.mjs';
import { measureMemory } from './memory.mjs';
import { enterToOutput, keystrokeEcho, lessonOne, longTasksSince, openApp } from './terminal.mjs';

const PORT = 4179;
const DIAGRAM_PORT = 4178;
const LOADS = 20;
const parts = new Set((process.env.KUBEPLAY_BENCH_PAGE ?? 'prompt,terminal,memory,diagram').split(','));

const server = await startPreview({ port: PORT });
const browser = await launchChromium();
try {
  if (parts.has('prompt')) {
    const samples = [];
    for (let i = 0; i < LOADS + 2; i++) {
      const { context, promptReady } = await openApp(browser, `${server.url}#/en/start-the-cluster`);
      // The first two loads warm the server's and the browser's caches of the binary itself.
      if (i >= 2) samples.push(promptReady);
      await context.close();
    }
    emit('page.prompt-ready.p50', percentile(samples, 50), 'ms', 250);
    emit('page.prompt-ready.p95', percentile(samples, 95), 'ms', 600);
  }

  if (parts.has('terminal')) {
    const echoApp = await openApp(browser, `${server.url}#/en/start-the-cluster`);
    const echo = await keystrokeEcho(echoApp.page, 10, 20);
    await echoApp.context.close();
    emit('page.keystroke-echo.p50', percentile(echo, 50), 'ms');
    emit('page.keystroke-echo.p95', percentile(echo, 95), 'ms', 16.7);

    // ?speed=10: kubeadm's waits take seconds; the learner's typing and the page's work are the same.
    const app = await openApp(browser, `${server.url}?speed=10#/en/start-the-cluster`);
    const lessonStart = await app.page.evaluate(() => performance.now());
    await lessonOne(app.page);
    const tasks = await longTasksSince(app.page, lessonStart);
    emit('page.lesson1.long-tasks', tasks.length, 'tasks > 50 ms', 0);
    emit('page.lesson1.longest-task', Math.max(0, ...tasks.map((t) => t.duration)), 'ms');

    const { pods, render, painted } = await enterToOutput(app.page, 1000, 30);
    emit('page.get-pods-A.pods', pods, 'pods');
    emit('page.get-pods-A.enter-to-render.p95', percentile(render, 95), 'ms');
    emit('page.get-pods-A.enter-to-painted.p50', percentile(painted, 50), 'ms');
    emit('page.get-pods-A.enter-to-painted.p95', percentile(painted, 95), 'ms', 100);
    if (app.errors.length > 0) throw new Error(`page errors: ${app.errors.join('\n')}`);
    await app.context.close();
  }

  if (parts.has('memory')) {
    const memory = await measureMemory(browser, server.url, { minutes: 30 });
    emit('page.dockercoins-30min.heap-growth', memory.heapGrowthMb, 'MB', 10);
    emit('page.dockercoins-30min.dom-node-growth', memory.nodesGrowthPct, '%', 5);
    emit('page.dockercoins-30min.heap-slope-last-10min', memory.tailSlopeKbPerMin, 'KB/min');
    emit('page.dockercoins-30min.max-animated-edges', memory.maxAnimatedEdges, 'edges', 200);
    if (memory.errors.length > 0) throw new Error(`page errors: ${memory.errors.join('\n')}`);
  }
} finally {
  await browser.close();
  server.stop();
}

if (parts.has('diagram')) {
  const diagramServer = await startPreview({ port: DIAGRAM_PORT, ...diagramPreview });
  const diagramBrowser = await launchChromium();
  try {
    // One warm-up load, then the median of three for each figure.
    await measureDiagram(diagramBrowser, diagramServer.url);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await measureDiagram(diagramBrowser, diagramServer.url));
    const mid = (/** @type {(r: typeof runs[0]) => number} */ f) => percentile(runs.map(f), 50);
    emit('page.diagram-100-pods-200-flows.first-render', mid((r) => r.firstRender), 'ms', 100);
    emit('page.diagram-100-pods-200-flows.fps', mid((r) => r.fps), 'fps', 55);
    emit('page.diagram-100-pods-200-flows.p95-frame', mid((r) => r.p95Frame), 'ms', 20);
    emit('page.diagram-100-pods-200-flows.animated-edges', mid((r) => r.animatedEdges), 'edges');
    // The same picture with nothing moving: what the machine gives when no dash is animated.
    const still = await measureDiagram(diagramBrowser, diagramServer.url, { flows: 0 });
    emit('page.diagram-100-pods-still.fps', still.fps, 'fps');
    emit('page.diagram-100-pods-still.first-render', still.firstRender, 'ms');
    const capped = await measureDiagram(diagramBrowser, diagramServer.url, { flows: 300, sampleMs: 500 });
    emit('page.diagram-300-flows.animated-edges', Math.max(capped.animatedEdges, capped.edgeAnimations), 'edges', 200);
  } finally {
    await diagramBrowser.close();
    diagramServer.stop();
  }
}
