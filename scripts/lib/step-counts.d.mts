export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  note: string;
}
export interface StepResult extends Counts {
  name: string;
  seconds: number;
}
export function stripAnsi(text: string): string;
export function countExitCode(exitCode: number): Counts;
export function countVitestReport(report: unknown, exitCode: number): Counts;
export function countPlaywrightReport(report: unknown, exitCode: number): Counts;
export function countSummaryLine(output: string, exitCode: number): Counts;
export function summaryLines(results: StepResult[]): string[];
