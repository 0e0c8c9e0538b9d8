#!/usr/bin/env node
// npm test: every suite, in order, each as a child process with its output streamed, then a
// per-step table and, as the very last line, `N passed, M failed` over every step. It keeps going
// after a failure so the summary is complete, and exits 1 if anything failed.
// Plain Node with no dependencies: on a fresh clone it runs `npm ci` itself first.
//
// KUBEPLAY_TEST_ONLY=unit,lint runs only the named steps (see STEP_NAMES); docs/testing.md.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStreamed } from './lib/child.mjs';
import { ensureDependencies } from './lib/npm.mjs';
import {
  countExitCode, countPlaywrightReport, countSummaryLine, countVitestReport, summaryLines,
} from './lib/step-counts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = path.join(root, '.cache', 'test-all');
const vitestReport = path.join(reportDir, 'vitest.json');
const playwrightReport = path.join(reportDir, 'e2e.json');

/** @typedef {import('./lib/step-counts.mjs').Counts} Counts */
/**
 * @typedef {{
 *   name: string,
 *   args: string[],
 *   report?: string,
 *   count: (run: { exitCode: number, stdoutTail: string, report: unknown }) => Counts,
 * }} Step
 * args: what follows `npm` (every step goes through a package.json script, the single place
 * commands are defined); report: a JSON file the step writes, removed before it runs so a stale
 * one is never read.
 */

/** @type {Step[]} */
const STEPS = [
  { name: 'typecheck', args: ['run', 'typecheck'], count: ({ exitCode }) => countExitCode(exitCode) },
  { name: 'lint', args: ['run', 'lint'], count: ({ exitCode }) => countExitCode(exitCode) },
  {
    name: 'unit',
    args: ['run', 'test:unit', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`, '--passWithNoTests'],
    report: vitestReport,
    count: ({ exitCode, report }) => countVitestReport(report, exitCode),
  },
  { name: 'lessons', args: ['run', 'lessons:check'], count: ({ exitCode, stdoutTail }) => countSummaryLine(stdoutTail, exitCode) },
  { name: 'build', args: ['run', 'build'], count: ({ exitCode }) => countExitCode(exitCode) },
  { name: 'size', args: ['run', 'size'], count: ({ exitCode }) => countExitCode(exitCode) },
  {
    name: 'e2e',
    args: ['run', 'test:e2e', '--', '--pass-with-no-tests'],
    report: playwrightReport,
    count: ({ exitCode, report }) => countPlaywrightReport(report, exitCode),
  },
  // The CI-safe subset of `npm run bench` (scripts/bench/quick.mjs): generous ceilings on the page's
  // timings, on this run's dist/, after e2e so nothing else competes for the two cores. About 45 s.
  { name: 'perf', args: ['run', 'perf:quick'], count: ({ exitCode, stdoutTail }) => countSummaryLine(stdoutTail, exitCode) },
];
const STEP_NAMES = STEPS.map((step) => step.name);

/** @returns {Step[] | string} the steps to run, or what is wrong with KUBEPLAY_TEST_ONLY */
function selectedSteps() {
  const only = (process.env.KUBEPLAY_TEST_ONLY ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (only.length === 0) return STEPS;
  const unknown = only.filter((name) => !STEP_NAMES.includes(name));
  if (unknown.length > 0) return `KUBEPLAY_TEST_ONLY names unknown steps: ${unknown.join(', ')} (steps: ${STEP_NAMES.join(', ')})`;
  return STEPS.filter((step) => only.includes(step.name));
}

/** @param {string | undefined} file */
function readReport(file) {
  if (file === undefined || !existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const banner = (/** @type {string} */ text) => console.log(`\n${'='.repeat(8)} ${text} ${'='.repeat(Math.max(8, 70 - text.length))}`);

async function main() {
  const steps = selectedSteps();
  if (typeof steps === 'string') {
    console.error(steps);
    console.log('0 passed, 1 failed');
    return 2;
  }

  const install = await ensureDependencies(root);
  if (install.exitCode !== 0) {
    for (const line of summaryLines([{ name: 'install', passed: 0, failed: 1, skipped: 0, seconds: 0, note: `npm ci exited with ${install.exitCode}` }])) console.log(line);
    return 1;
  }

  mkdirSync(reportDir, { recursive: true });
  // Colours survive the pipe when a person is watching.
  const env = { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) };
  /** @type {import('./lib/step-counts.mjs').StepResult[]} */
  const results = [];
  /** @type {boolean | undefined} whether this run's build succeeded; undefined when it did not run */
  let buildOk;

  for (const step of steps) {
    // size and perf measure the build this run made: after a failed build, dist/ is stale or empty.
    if ((step.name === 'size' || step.name === 'perf') && buildOk === false) {
      banner(`${step.name}: not run, the build failed`);
      results.push({ name: step.name, passed: 0, failed: 1, skipped: 0, seconds: 0, note: 'not run: the build failed' });
      continue;
    }
    banner(`${step.name}: npm ${step.args.join(' ')}`);
    const started = performance.now();
    if (step.report !== undefined) rmSync(step.report, { force: true });
    const stepEnv = step.name !== 'e2e' ? env : {
      ...env,
      PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport,
      // dist/ is fresh: the e2e web server serves it instead of building again.
      ...(buildOk === true ? { KUBEPLAY_E2E_PREBUILT: '1' } : {}),
    };
    const run = await runStreamed('npm', step.args, { cwd: root, env: stepEnv });
    const counts = step.count({ ...run, report: readReport(step.report) });
    if (step.name === 'build') buildOk = run.exitCode === 0;
    results.push({ name: step.name, ...counts, seconds: (performance.now() - started) / 1000 });
  }

  banner('summary');
  for (const line of summaryLines(results)) console.log(line);
  return results.some((r) => r.failed > 0) ? 1 : 0;
}

process.exitCode = await main();
