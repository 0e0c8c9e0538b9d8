// The diagram under load (P9, P10), on the bench-only page scripts/bench/diagram/ (the app's own
// Diagram component, production build): 100 pods and 200 active data flows.
// - first render: `diagram-data` (just before React renders) to `diagram-painted` (every edge in
//   the DOM and that frame painted);
// - frame rate: a requestAnimationFrame sampler over 3 s once the picture has settled: fps and
//   the p95 frame time;
// - the animation budget: with 300 active flows asked for, the page animates at most 200 edges
//   (the `kp-dg-animated` class, and running CSS animations on edges).
/* global requestAnimationFrame, document, Element -- the functions handed to page.evaluate run in the page */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { percentile, root } from './lib.mjs';

export const DIAGRAM_OUT_DIR = '.cache/bench-diagram';
const CONFIG = 'scripts/bench/diagram/vite.config.ts';

export async function buildDiagramPage() {
  const child = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--configLoader', 'runner', '--config', CONFIG], { cwd: root, stdio: 'inherit' });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`diagram page build exited with ${code}`);
}

/** vite preview's options for that page (outDir absolute: the config's root is the page's folder). */
export const diagramPreview = { outDir: path.join(root, DIAGRAM_OUT_DIR), config: CONFIG };

/**
 * @param {import('@playwright/test').Browser} browser @param {string} url the preview's root
 * @param {{ pods?: number, flows?: number, cross?: boolean, sampleMs?: number }} [scene] cross: flows
 *   between the hosts, across the picture (else each to a neighbour on its own host)
 */
export async function measureDiagram(browser, url, scene = {}) {
  const { pods = 100, flows = 200, cross = false, sampleMs = 3_000 } = scene;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(`${url}?pods=${pods}&flows=${flows}${cross ? '&cross=1' : ''}`);
    await page.waitForFunction(() => performance.getEntriesByName('diagram-painted').length > 0, null, { timeout: 30_000 });
    const firstRender = await page.evaluate(() => {
      const [data] = performance.getEntriesByName('diagram-data');
      const [painted] = performance.getEntriesByName('diagram-painted');
      return /** @type {PerformanceEntry} */ (painted).startTime - /** @type {PerformanceEntry} */ (data).startTime;
    });
    /** @type {{ deltas: number[], animatedEdges: number, edgeAnimations: number, edges: number }} */
    const sampled = await page.evaluate((sampleMs) => new Promise((resolve) => {
      const deltas = /** @type {number[]} */ ([]);
      let last = 0;
      let settleUntil = 0;
      const frame = (/** @type {number} */ now) => {
        if (settleUntil === 0) settleUntil = now + 500;
        if (now >= settleUntil) {
          if (last !== 0) deltas.push(now - last);
          last = now;
        }
        if (now < settleUntil + sampleMs) { requestAnimationFrame(frame); return; }
        const edges = document.querySelectorAll('.kp-dg-edge').length;
        const animatedEdges = document.querySelectorAll('.kp-dg-edge.kp-dg-animated').length;
        const edgeAnimations = document.getAnimations().filter((a) => {
          const target = /** @type {KeyframeEffect | null} */ (a.effect)?.target;
          return a.playState === 'running' && target instanceof Element && target.closest('.kp-dg-edge') !== null;
        }).length;
        resolve({ deltas, animatedEdges, edgeAnimations, edges });
      };
      requestAnimationFrame(frame);
    }), sampleMs);
    const total = sampled.deltas.reduce((a, b) => a + b, 0);
    return {
      firstRender,
      fps: (sampled.deltas.length / total) * 1000,
      p95Frame: percentile(sampled.deltas, 95),
      animatedEdges: sampled.animatedEdges,
      edgeAnimations: sampled.edgeAnimations,
      edges: sampled.edges,
    };
  } finally {
    await context.close();
  }
}
