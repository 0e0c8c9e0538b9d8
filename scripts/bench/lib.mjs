// Shared by the page benches: a vite preview of a build folder on a port of the bench's own, the
// system Chromium with the project's flags, percentiles, and the one-JSON-object-per-line output.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../lib/chromium.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where `npm run bench` builds (never dist/, which CI and the e2e suite serve). */
export const BENCH_OUT_DIR = process.env.KUBEPLAY_BENCH_OUT_DIR ?? '.cache/dist-bench';

/** @param {string} name @param {number} value @param {string} unit @param {number} [budget] */
export function emit(name, value, unit, budget) {
  console.log(JSON.stringify({ name, value: Math.round(value * 10) / 10, unit, ...(budget === undefined ? {} : { budget }) }));
}

/** Nearest-rank percentile. @param {readonly number[]} samples @param {number} p */
export function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** @param {readonly number[]} samples */
export function median(samples) {
  return percentile(samples, 50);
}

/**
 * `vite preview` of `outDir` on 127.0.0.1:`port`, resolved once it listens.
 * @param {{ port: number, outDir?: string, config?: string }} options
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
export async function startPreview({ port, outDir = BENCH_OUT_DIR, config }) {
  const args = [path.join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--configLoader', 'runner', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1', ...(config ? ['--config', config] : [])];
  const server = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = /** @type {number | null | undefined} */ (undefined);
  server.on('exit', (code) => { exited = code; });
  // Asked for, not read from its output: a config may silence the banner.
  for (let i = 0; ; i++) {
    if (exited !== undefined) throw new Error(`vite preview exited with ${exited}`);
    if (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false)) break;
    if (i > 300) { server.kill(); throw new Error(`vite preview did not answer on port ${port}`); }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `http://127.0.0.1:${port}/`, stop: () => server.kill() };
}

/** The Chromium the e2e tests use (Debian's /usr/bin/chromium here), headless, with the project's flags. */
export async function launchChromium() {
  const choice = findChromium({ playwrightExecutablePath: () => chromium.executablePath() });
  if (!choice.ok) throw new Error(choice.message);
  return chromium.launch({ executablePath: choice.executablePath, args: [...CHROMIUM_ARGS] });
}
