// How each step of `npm test` turns into passed/failed counts, and the summary it ends with.
// A step that ran tests reports them one by one (unit, lesson replay, e2e); a step that checks
// the whole tree (typecheck, lint, build, size) counts as one test. When a runner's own report
// and its exit code disagree (a crash, an unhandled error, a broken config), the step gets one
// extra failure, so a summary never says "all passed" over a red exit code.

/**
 * @typedef {{ passed: number, failed: number, skipped: number, note: string }} Counts
 * @typedef {Counts & { name: string, seconds: number }} StepResult
 */

/** @returns {Counts} */
const counts = (passed = 0, failed = 0, skipped = 0, note = '') => ({ passed, failed, skipped, note });

/** Removes terminal colour codes so output can be parsed. */
export function stripAnsi(/** @type {string} */ text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

const firstLine = (/** @type {string} */ text) => text.trim().split('\n')[0] ?? '';

/** A whole-tree check (typecheck, lint, build, size): one test, passed when it exits 0. */
export function countExitCode(/** @type {number} */ exitCode) {
  return exitCode === 0 ? counts(1, 0) : counts(0, 1, 0, `exit code ${exitCode}`);
}

/**
 * Vitest's JSON report (`--reporter=json --outputFile.json=...`).
 * @param {any} report the parsed file, or undefined when none was written
 * @param {number} exitCode
 * @returns {Counts}
 */
export function countVitestReport(report, exitCode) {
  if (report === undefined || report === null || typeof report !== 'object') {
    return counts(0, 1, 0, `no JSON report (exit code ${exitCode})`);
  }
  /** @type {any[]} */
  const files = Array.isArray(report.testResults) ? report.testResults : [];
  // A test file that fails to load (syntax error, failing import) or whose hook throws has no
  // failed test in it, but it is a failure all the same.
  const brokenFiles = files.filter((file) => file?.status === 'failed'
    && !(Array.isArray(file.assertionResults) && file.assertionResults.some((/** @type {any} */ a) => a?.status === 'failed')));
  const passed = Number(report.numPassedTests ?? 0);
  let failed = Number(report.numFailedTests ?? 0) + brokenFiles.length;
  const skipped = Number(report.numPendingTests ?? 0) + Number(report.numTodoTests ?? 0);
  const notes = brokenFiles.map((file) => `${String(file.name ?? '?')} failed outside its tests: ${firstLine(String(file.message ?? ''))}`);
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    notes.push(`vitest exited with code ${exitCode} (unhandled error?)`);
  }
  return counts(passed, failed, skipped, notes.join('; '));
}

/**
 * Playwright's JSON report (the `json` reporter in playwright.config.ts).
 * @param {any} report the parsed file, or undefined when none was written
 * @param {number} exitCode
 * @returns {Counts}
 */
export function countPlaywrightReport(report, exitCode) {
  if (report === undefined || report === null || typeof report !== 'object' || typeof report.stats !== 'object') {
    return counts(0, exitCode === 0 ? 0 : 1, 0, `no JSON report (exit code ${exitCode})`);
  }
  const stats = report.stats;
  // A flaky test passed on a retry; with retries 0 there are none, but count them as passed.
  const passed = Number(stats.expected ?? 0) + Number(stats.flaky ?? 0);
  let failed = Number(stats.unexpected ?? 0);
  const skipped = Number(stats.skipped ?? 0);
  /** @type {string[]} */
  const notes = [];
  /** @type {any[]} */
  const errors = Array.isArray(report.errors) ? report.errors : [];
  if (errors.length > 0) notes.push(firstLine(String(errors[0]?.message ?? '')));
  if (exitCode !== 0 && failed === 0) failed = 1;
  if (passed + failed + skipped === 0 && exitCode === 0) notes.push('no specs');
  return counts(passed, failed, skipped, notes.join('; '));
}

const SUMMARY_LINE = /^(\d+) passed, (\d+) failed$/;

/**
 * A runner that ends with `N passed, M failed` (lesson replay, and this script itself).
 * @param {string} output everything it printed on stdout
 * @param {number} exitCode
 * @returns {Counts}
 */
export function countSummaryLine(output, exitCode) {
  const last = stripAnsi(output).split('\n').map((line) => line.trim()).filter((line) => line !== '').pop() ?? '';
  const match = SUMMARY_LINE.exec(last);
  if (match === null) return counts(0, 1, 0, `no "N passed, M failed" last line (exit code ${exitCode})`);
  const passed = Number(match[1]);
  const failed = Number(match[2]);
  if (exitCode !== 0 && failed === 0) return counts(passed, 1, 0, `exit code ${exitCode} with 0 failed reported`);
  return counts(passed, failed);
}

/**
 * @param {StepResult[]} results
 * @returns {string[]} a table, then as the very last line `N passed, M failed` over every step
 */
export function summaryLines(results) {
  const total = results.reduce(
    (sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped, seconds: sum.seconds + r.seconds }),
    { passed: 0, failed: 0, skipped: 0, seconds: 0 },
  );
  const row = (/** @type {string[]} */ cells) => {
    const [name = '', result = '', passed = '', failed = '', skipped = '', time = '', note = ''] = cells;
    return `${name.padEnd(11)}${result.padEnd(7)}${passed.padStart(7)}${failed.padStart(7)}${skipped.padStart(8)}${time.padStart(9)}  ${note}`.trimEnd();
  };
  const seconds = (/** @type {number} */ s) => `${s.toFixed(1)}s`;
  // The step's own output above has the details; the table keeps one short line per step.
  const short = (/** @type {string} */ note) => (note.length > 100 ? `${note.slice(0, 99)}…` : note);
  return [
    row(['step', 'result', 'passed', 'failed', 'skipped', 'time', 'notes']),
    ...results.map((r) => row([r.name, r.failed === 0 ? 'ok' : 'FAIL', String(r.passed), String(r.failed), String(r.skipped), seconds(r.seconds), short(r.note)])),
    row(['total', total.failed === 0 ? 'ok' : 'FAIL', String(total.passed), String(total.failed), String(total.skipped), seconds(total.seconds)]),
    `${total.passed} passed, ${total.failed} failed`,
  ];
}
