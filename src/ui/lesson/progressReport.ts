/** The open lesson's progress as window.kubeplay.progress() reports it. */
import type { AppStore } from '../../store';
import type { ProgressReport } from '../automation';

export function currentProgress(store: AppStore): ProgressReport | undefined {
  const { lesson, lessonProgress, lang } = store.getState();
  if (!lesson) return undefined;
  const done = new Set(lessonProgress?.steps.filter((s) => s.done).map((s) => s.id) ?? []);
  const steps = lesson.steps.map((s) => ({ id: s.id, title: s.title, done: done.has(s.id) }));
  return { lang, lessonId: lesson.id, steps, done: done.size, total: steps.length };
}
