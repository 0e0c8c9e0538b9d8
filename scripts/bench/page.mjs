// Page figures in headless Chromium against the production build (vite preview on localhost):
// first prompt ready (performance.mark('prompt-ready')) over 20 fresh loads, p50 and p95.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../lib/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = 4179;
const LOADS = 20;

function emit(name, value, unit, budget) {
  console.log(JSON.stringify({ name, value: Math.round(value * 10) / 10, unit, ...(budget === undefined ? {} : { budget }) }));
}

function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const server = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--configLoader', 'runner', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => { if (String(chunk).includes(String(PORT))) resolve(); });
  server.on('exit', (code) => reject(new Error(`vite preview exited with ${code}`)));
});

const choice = findChromium({ playwrightExecutablePath: () => chromium.executablePath() });
if (!choice.ok) {
  console.error(choice.message);
  server.kill();
  process.exit(1);
}
const browser = await chromium.launch({ executablePath: choice.executablePath, args: [...CHROMIUM_ARGS] });
try {
  const samples = [];
  for (let i = 0; i < LOADS + 2; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/#/en/start-the-cluster`);
    const ms = await page.waitForFunction(() => performance.getEntriesByName('prompt-ready')[0]?.startTime, null, { timeout: 30_000 }).then((h) => h.jsonValue());
    // The first two loads warm the server's and the browser's caches of the binary itself.
    if (i >= 2) samples.push(ms);
    await context.close();
  }
  emit('page.prompt-ready.p50', percentile(samples, 50), 'ms', 250);
  emit('page.prompt-ready.p95', percentile(samples, 95), 'ms', 600);
} finally {
  await browser.close();
  server.kill();
}
