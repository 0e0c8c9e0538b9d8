/**
 * The open lesson: which one (language + id, or a teacher's URL), its compiled content, and its
 * progress evaluated on the world. Built-in lessons come precompiled; a teacher's lesson is fetched
 * (no credentials, size-capped) and compiled in the page with the lazily loaded compiler.
 */
import { loadLessonCompiler, type CatalogueEntry, type CompiledLesson, type LessonProgress, type ProgressTracker } from '../lessons';
import type { World } from '../engine';
import type { Lang } from './route';

export type LessonStatus = 'loading' | 'ready' | 'missing' | 'error';

export interface LessonSource {
  readonly catalogue: readonly CatalogueEntry[];
  loadLesson(lang: Lang, id: string): Promise<CompiledLesson>;
}

export interface LessonState {
  readonly catalogue: readonly CatalogueEntry[];
  readonly lesson: CompiledLesson | undefined;
  readonly lessonStatus: LessonStatus;
  readonly lessonError: string | undefined;
  readonly lessonProgress: LessonProgress | undefined;
}

/** Teacher lessons larger than this are refused: a lesson is text, and parsing runs on the main thread. */
export const MAX_LESSON_BYTES = 256 * 1024;

export interface LessonLoader {
  /**
   * Starts fetching the lesson for (lang, id) now, for the first `load` of that same lesson to take:
   * the store asks at creation, so the lesson's text (data, not code) downloads alongside the first
   * prompt instead of after it (its first paragraph is the page's largest paint).
   */
  prefetch(lang: Lang, id: string): void;
  /** Loads the lesson for (lang, id), or the teacher's URL when one was given. */
  load(lang: Lang, id: string, done: readonly string[]): void;
  /** Re-evaluates progress on the world; returns the new progress when it changed. */
  evaluate(world: World): LessonProgress | undefined;
  markDone(stepId: string): void;
}

export function createLessonLoader(
  source: LessonSource,
  teacherUrl: string | undefined,
  update: (state: Partial<LessonState>) => void,
  /** Called once a lesson is shown, so its progress is evaluated at once, not at the next change. */
  loaded: () => void,
): LessonLoader {
  let tracker: ProgressTracker | undefined;
  let lastProgress: LessonProgress | undefined;
  let generation = 0;
  let early: { readonly key: string; readonly lesson: Promise<CompiledLesson> } | undefined;
  const takeEarly = (lang: Lang, id: string) => {
    const found = early?.key === `${lang}/${id}` ? early.lesson : undefined;
    early = undefined;
    return found;
  };

  const show = (lesson: CompiledLesson, Tracker: typeof ProgressTracker, lang: Lang, done: readonly string[]) => {
    tracker = new Tracker(lesson, { lang, done });
    lastProgress = undefined;
    update({ lesson, lessonStatus: 'ready', lessonError: undefined, lessonProgress: undefined });
    loaded();
  };

  return {
    prefetch(lang, id) {
      if (teacherUrl) return;
      const lesson = source.loadLesson(lang, id);
      // Its failure is reported by the `load` that takes it.
      lesson.catch(() => {});
      early = { key: `${lang}/${id}`, lesson };
    },
    load(lang, id, done) {
      const mine = ++generation;
      tracker = undefined;
      update({ lessonStatus: 'loading', lessonError: undefined });
      const loading = teacherUrl ? loadTeacherLesson(teacherUrl, lang) : takeEarly(lang, id) ?? source.loadLesson(lang, id);
      // The checks (and the engine code they read) load with the lesson, after the first prompt.
      Promise.all([loading, import('../lessons').then((m) => m.ProgressTracker)]).then(
        ([lesson, Tracker]) => { if (mine === generation) show(lesson, Tracker, lang, done); },
        (error: unknown) => {
          if (mine !== generation) return;
          const known = source.catalogue.some((e) => e.lang === lang && e.id === id);
          update({
            lesson: undefined,
            lessonStatus: teacherUrl || known ? 'error' : 'missing',
            lessonError: error instanceof Error ? error.message : String(error),
          });
        },
      );
    },
    evaluate(world) {
      if (!tracker) return undefined;
      const progress = tracker.update(world);
      if (progress === lastProgress) return undefined;
      lastProgress = progress;
      update({ lessonProgress: progress });
      return progress;
    },
    markDone(stepId) {
      tracker?.markDone(stepId);
    },
  };
}

async function loadTeacherLesson(url: string, lang: Lang): Promise<CompiledLesson> {
  const response = await fetch(url, { credentials: 'omit', redirect: 'follow' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_LESSON_BYTES) throw new Error(`${url}: larger than ${MAX_LESSON_BYTES / 1024} KB`);
  const compile = await loadLessonCompiler();
  const result = compile(text, { lang, source: url });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.source}:${e.line}: ${e.message}`).join('\n'));
  return result.lesson;
}
