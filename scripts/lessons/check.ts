/**
 * `npm run lessons:check`: every lesson in every language, compiled, compared across languages,
 * and replayed headless step by step against a fresh world (fixed seed). One line per step; the
 * last line is exactly `N passed, M failed`. Compile errors and translation mismatches count as
 * failures too.
 */
import { World } from '../../src/engine';
import {
  LANGS, compareCatalogue, formatCompileError, formatStepReport, replayLesson, summaryLine, type ReplayShell,
} from '../../src/lessons';
import { compileAll } from './catalogue';

export const REPLAY_SEED = 'kubeplay-lessons';

export interface CheckOptions {
  readonly dir: string;
  readonly root: string;
  createShell(world: World, host: string): ReplayShell;
  /** Only these lesson ids / languages (command-line filters). */
  readonly ids?: readonly string[];
  readonly langs?: readonly string[];
  /** Lets real promises settle between clock ticks (lazily loaded command modules). */
  flush?(): Promise<void>;
  /** Each line as soon as it is known (the script streams them). */
  print(line: string): void;
}

export async function checkLessons(options: CheckOptions): Promise<{ passed: number; failed: number }> {
  let passed = 0;
  let failed = 0;
  const { lessons, errors } = compileAll(options.dir, options.root);
  for (const error of errors) {
    options.print(`FAIL compile ${formatCompileError(error)}`);
    failed++;
  }
  for (const problem of compareCatalogue(lessons, LANGS)) {
    options.print(`FAIL parity ${problem}`);
    failed++;
  }
  const selected = lessons.filter((l) => (!options.ids?.length || options.ids.includes(l.id)) && (!options.langs?.length || options.langs.includes(l.lang)));
  for (const lesson of selected) {
    const reports = await replayLesson(lesson, {
      createWorld: () => new World({ seed: REPLAY_SEED }),
      createShell: options.createShell,
      ...(options.flush ? { flush: options.flush } : {}),
    });
    for (const report of reports) {
      for (const line of formatStepReport(report)) options.print(line);
      if (report.outcome === 'passed') passed++;
      else failed++;
    }
  }
  options.print(summaryLine(passed, failed));
  return { passed, failed };
}
