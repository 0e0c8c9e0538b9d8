/**
 * `npm run lessons:check`: every lesson in every language, compiled, compared across languages,
 * and replayed headless step by step. Each language's lessons are one course replayed in order in
 * one world (fixed seed), each lesson starting where the previous one ended. One line per step;
 * the last line is exactly `N passed, M failed`. Compile errors and translation mismatches count
 * as failures too.
 */
import { World } from '../../src/engine';
import {
  LANGS, Replay, compareCatalogue, formatCompileError, formatStepReport, summaryLine, type CompiledLesson, type ReplayShell,
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
  const wanted = (l: CompiledLesson) => (!options.ids?.length || options.ids.includes(l.id)) && (!options.langs?.length || options.langs.includes(l.lang));
  for (const lang of LANGS) {
    // One course per language, in order, in one playground: each lesson starts where the one
    // before it ended, as in the page. A filtered run replays the lessons before quietly.
    const course = lessons.filter((l) => l.lang === lang);
    const last = course.findLastIndex(wanted);
    const replay = new Replay({
      createWorld: () => new World({ seed: REPLAY_SEED }),
      createShell: options.createShell,
      ...(options.flush ? { flush: options.flush } : {}),
    });
    let failedLesson: string | undefined;
    for (const lesson of course.slice(0, last + 1)) {
      const reports = await replay.lesson(lesson, failedLesson);
      const failedHere = failedLesson === undefined && reports.some((r) => r.outcome !== 'passed');
      if (wanted(lesson) || failedHere) {
        for (const report of reports) {
          for (const line of formatStepReport(report)) options.print(line);
          if (report.outcome === 'passed') passed++;
          else failed++;
        }
      }
      if (failedHere) failedLesson = lesson.id;
    }
  }
  options.print(summaryLine(passed, failed));
  return { passed, failed };
}
