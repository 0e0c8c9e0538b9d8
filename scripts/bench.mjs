#!/usr/bin/env node
// npm run bench: kubeplay's performance figures, one JSON object per line
// ({"name", "value", "unit", "budget"?}), as docs/performance.md describes. Engine figures come from
// Node (scripts/bench/engine.ts); page figures from the production build in headless Chromium
// (scripts/bench/page.mjs, lighthouse.mjs). Run it on an idle machine: it measures, it does not judge.
// The build goes to KUBEPLAY_BENCH_OUT_DIR (default .cache/dist-bench), never dist/, which CI and the
// e2e suite serve; the bench's servers use ports of their own (4177–4179).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = new Set((process.env.KUBEPLAY_BENCH_ONLY ?? 'engine,page,size,lighthouse').split(','));
const outDir = process.env.KUBEPLAY_BENCH_OUT_DIR ?? '.cache/dist-bench';
let failed = false;

function step(args, label) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`bench: ${label} failed (exit code ${result.status})`);
    failed = true;
  }
}

if (only.has('engine')) step(['--import', 'tsx', 'scripts/bench/engine.ts'], 'engine');
if (only.has('engine')) step(['--import', 'tsx', 'scripts/bench/dockercoins.ts'], 'dockercoins');
if (only.has('engine')) step(['--import', 'tsx', 'scripts/bench/dockercoinsKubernetes.ts'], 'dockercoins on Kubernetes');
const vite = path.join(root, 'node_modules/vite/bin/vite.js');
if (only.has('page') || only.has('size') || only.has('lighthouse')) {
  const build = spawnSync(process.execPath, [vite, 'build', '--configLoader', 'runner', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
  // The bench-only diagram page (scripts/bench/diagram/), built the same way.
  const diagram = only.has('page') ? spawnSync(process.execPath, [vite, 'build', '--configLoader', 'runner', '--config', 'scripts/bench/diagram/vite.config.ts'], { cwd: root, stdio: 'inherit' }) : { status: 0 };
  if (build.status !== 0 || diagram.status !== 0) {
    console.error('bench: vite build failed');
    process.exit(1);
  }
}
if (only.has('size')) {
  const size = spawnSync(process.execPath, ['scripts/size.mjs', outDir], { cwd: root, encoding: 'utf8' });
  for (const line of size.stdout.split('\n')) if (/^\{"name":"size\.(js|css)\.(first-prompt|all)"/.test(line)) console.log(line);
}
if (only.has('page')) step(['scripts/bench/page.mjs'], 'page');
if (only.has('lighthouse')) step(['scripts/bench/lighthouse.mjs'], 'lighthouse');
process.exit(failed ? 1 : 0);
