/** The compiler with its Markdown and YAML parsers, loaded on demand (a teacher's own lesson). */
import type { compileLesson } from './compileLesson';

export type CompileLessonFn = typeof compileLesson;

export function loadLessonCompiler(): Promise<CompileLessonFn> {
  return import('./compileLesson').then((m) => m.compileLesson);
}
