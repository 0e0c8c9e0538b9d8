// Lighthouse's mobile preset (its default: a mid-range phone, simulated slow 4G and 4× CPU
// slowdown) on the production build, with the system Chromium started by chrome-launcher
// (CHROME_PATH, or KUBEPLAY_CHROMIUM / /usr/bin/chromium as the e2e tests find it) and the
// project's flags: headless, no sandbox (root in a container), no GPU, no background network.
// Performance and accessibility scores, plus the lab metrics behind performance; median of `runs`.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../lib/chromium.mjs';
import { fileURLToPath } from 'node:url';
import { emit, median, startPreview } from './lib.mjs';

function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  const choice = findChromium({ playwrightExecutablePath: () => chromium.executablePath() });
  if (!choice.ok) throw new Error(choice.message);
  return choice.executablePath;
}

/**
 * @param {string} url the page to audit
 * @param {number} [runs]
 */
export async function measureLighthouse(url, runs = 3) {
  /** @type {Record<string, number[]>} */
  const seen = { performance: [], accessibility: [], lcp: [], tbt: [], cls: [], fcp: [] };
  /** @type {string[]} */
  const failedA11y = [];
  for (let i = 0; i < runs; i++) {
    const chrome = await chromeLauncher.launch({ chromePath: chromePath(), chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
      const lhr = result?.lhr;
      if (!lhr) throw new Error('lighthouse returned no report');
      if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.message}`);
      seen.performance?.push((lhr.categories.performance?.score ?? NaN) * 100);
      seen.accessibility?.push((lhr.categories.accessibility?.score ?? NaN) * 100);
      seen.lcp?.push(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
      seen.tbt?.push(lhr.audits['total-blocking-time']?.numericValue ?? NaN);
      seen.cls?.push(lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN);
      seen.fcp?.push(lhr.audits['first-contentful-paint']?.numericValue ?? NaN);
      if (i === 0) {
        for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failedA11y.push(ref.id);
        }
      }
    } finally {
      chrome.kill();
    }
  }
  const m = (/** @type {string} */ k) => median(seen[k] ?? []);
  return { performance: m('performance'), accessibility: m('accessibility'), lcp: m('lcp'), tbt: m('tbt'), cls: m('cls'), fcp: m('fcp'), failedA11y, runs: seen };
}

// `node scripts/bench/lighthouse.mjs` (npm run bench runs it after the build): the figures as
// JSON lines, against the bench's build on a port of its own.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startPreview({ port: 4177 });
  try {
    const lh = await measureLighthouse(`${server.url}#/en/start-the-cluster`, 3);
    emit('lighthouse.mobile.performance', lh.performance, 'score', 90);
    emit('lighthouse.mobile.accessibility', lh.accessibility, 'score', 95);
    emit('lighthouse.mobile.fcp', lh.fcp, 'ms');
    emit('lighthouse.mobile.lcp', lh.lcp, 'ms', 2500);
    emit('lighthouse.mobile.tbt', lh.tbt, 'ms', 200);
    emit('lighthouse.mobile.cls', lh.cls * 1000, 'CLS × 1000', 100);
    if (lh.failedA11y.length > 0) console.error(`lighthouse: accessibility audits not passed: ${lh.failedA11y.join(', ')}`);
  } finally {
    server.stop();
  }
}
