import { describe, expect, it } from 'vitest';
import {
  countExitCode, countPlaywrightReport, countSummaryLine, countVitestReport, stripAnsi, summaryLines,
} from './step-counts.mjs';

describe('whole-tree checks', () => {
  it('count as one test, passed on exit code 0', () => {
    expect(countExitCode(0)).toEqual({ passed: 1, failed: 0, skipped: 0, note: '' });
    expect(countExitCode(2)).toEqual({ passed: 0, failed: 1, skipped: 0, note: 'exit code 2' });
  });
});

describe('vitest report', () => {
  const passingFile = { name: '/p/a.test.ts', status: 'passed', message: '', assertionResults: [{ status: 'passed' }] };

  it('counts passed, failed and skipped tests', () => {
    const report = {
      numPassedTests: 12, numFailedTests: 2, numPendingTests: 1, numTodoTests: 1,
      testResults: [passingFile, { name: '/p/b.test.ts', status: 'failed', message: '', assertionResults: [{ status: 'failed' }, { status: 'failed' }] }],
    };
    expect(countVitestReport(report, 1)).toEqual({ passed: 12, failed: 2, skipped: 2, note: '' });
  });

  it('counts a test file that cannot load as a failure, and names it', () => {
    const report = {
      numPassedTests: 3, numFailedTests: 0,
      testResults: [passingFile, { name: '/p/broken.test.ts', status: 'failed', message: 'Failed to load url ./gone\nstack...', assertionResults: [] }],
    };
    expect(countVitestReport(report, 1)).toEqual({
      passed: 3, failed: 1, skipped: 0, note: '/p/broken.test.ts failed outside its tests: Failed to load url ./gone',
    });
  });

  it('adds a failure when vitest exits non-zero with every test green (an unhandled error)', () => {
    const report = { numPassedTests: 5, numFailedTests: 0, testResults: [passingFile] };
    expect(countVitestReport(report, 1)).toMatchObject({ passed: 5, failed: 1, note: 'vitest exited with code 1 (unhandled error?)' });
  });

  it('fails the step when there is no report at all', () => {
    expect(countVitestReport(undefined, 1)).toEqual({ passed: 0, failed: 1, skipped: 0, note: 'no JSON report (exit code 1)' });
  });
});

describe('playwright report', () => {
  const stats = (expected: number, unexpected: number, skipped = 0, flaky = 0) => ({ stats: { expected, unexpected, skipped, flaky }, errors: [] });

  it('counts expected as passed and unexpected as failed', () => {
    expect(countPlaywrightReport(stats(7, 2, 1), 1)).toEqual({ passed: 7, failed: 2, skipped: 1, note: '' });
  });

  it('reads zero specs as zero tests, not a failure', () => {
    expect(countPlaywrightReport(stats(0, 0), 0)).toEqual({ passed: 0, failed: 0, skipped: 0, note: 'no specs' });
  });

  it('turns a run-level error (web server, config) into one failure with its message', () => {
    const report = { ...stats(0, 0), errors: [{ message: 'Error: Process from config.webServer was not able to start. Exit code: 1\nmore' }] };
    expect(countPlaywrightReport(report, 1)).toEqual({
      passed: 0, failed: 1, skipped: 0, note: 'Error: Process from config.webServer was not able to start. Exit code: 1',
    });
  });

  it('fails without a report only when playwright itself failed', () => {
    expect(countPlaywrightReport(undefined, 1)).toMatchObject({ failed: 1 });
    expect(countPlaywrightReport(undefined, 0)).toMatchObject({ failed: 0 });
  });
});

describe('runners that end with "N passed, M failed"', () => {
  it('read the last non-empty line, colours and all', () => {
    expect(countSummaryLine('step 1 ok\nstep 2 FAILED\n\u001b[32m3 passed, 1 failed\u001b[39m\n\n', 1)).toEqual({ passed: 3, failed: 1, skipped: 0, note: '' });
  });

  it('fail the step when the line is missing or contradicts the exit code', () => {
    expect(countSummaryLine('Error: Cannot find module\n', 1)).toMatchObject({ passed: 0, failed: 1 });
    expect(countSummaryLine('3 passed, 0 failed\n', 1)).toMatchObject({ passed: 3, failed: 1 });
    expect(countSummaryLine('3 passed, 0 failed\nthen a crash\n', 0)).toMatchObject({ failed: 1 });
  });

  it('strip ANSI colour codes', () => {
    expect(stripAnsi('\u001b[1m\u001b[31mFAIL\u001b[39m\u001b[22m')).toBe('FAIL');
  });
});

describe('summary', () => {
  it('is a table with totals, and its last line is exactly "N passed, M failed"', () => {
    const lines = summaryLines([
      { name: 'typecheck', passed: 1, failed: 0, skipped: 0, seconds: 12.34, note: '' },
      { name: 'unit', passed: 120, failed: 3, skipped: 2, seconds: 4.5, note: '' },
      { name: 'e2e', passed: 0, failed: 0, skipped: 0, seconds: 1, note: 'no specs' },
    ]);
    expect(lines).toEqual([
      'step       result  passed failed skipped     time  notes',
      'typecheck  ok           1      0       0    12.3s',
      'unit       FAIL       120      3       2     4.5s',
      'e2e        ok           0      0       0     1.0s  no specs',
      'total      FAIL       121      3       2    17.8s',
      '121 passed, 3 failed',
    ]);
  });

  it('keeps long notes to one short line', () => {
    const [, row] = summaryLines([{ name: 'unit', passed: 0, failed: 1, skipped: 0, seconds: 0, note: 'x'.repeat(300) }]);
    expect(row?.length).toBeLessThan(160);
  });
});
