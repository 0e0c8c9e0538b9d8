/**
 * The replay's report: one line per step, problems indented under failures, and as the last
 * line exactly `N passed, M failed` (what CI reads).
 */
import type { StepReport } from './types';

export function formatStepReport(report: StepReport): string[] {
  const tag = report.outcome === 'passed' ? 'ok  ' : report.outcome === 'failed' ? 'FAIL' : 'SKIP';
  const seconds = (report.elapsedMs / 1000).toFixed(1);
  const what = report.checks.length > 0 ? report.checks.join('; ') : 'reading step';
  const head = `${tag} ${report.lang}/${report.lessonId} ${report.position}/${report.stepCount} ${report.stepId}: ${what} (${seconds}s)`;
  const details = report.problems.map((p) => `       ${p}`);
  const transcript = report.transcript.length > 0 ? ['       terminal:', ...report.transcript.map((l) => `       | ${l}`)] : [];
  return [head, ...details, ...transcript];
}

export function summaryLine(passed: number, failed: number): string {
  return `${passed} passed, ${failed} failed`;
}
