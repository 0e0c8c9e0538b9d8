/**
 * Which steps of a lesson are done, from the world's state. A step with checks is done the first
 * time all of them hold, and stays done (the learner may break things later; the store persists
 * what was achieved). A step without checks is a reading step: done when the UI marks it. Ordered
 * checks (absences such as object-absent) count only once the checked steps before theirs are
 * done: before the lesson made the object, it was absent too.
 *
 * Cheap enough for every frame: done steps are never evaluated again, prepared checks are cached,
 * and update() returns the same object while nothing changed (narrow selectors stay quiet).
 */
import type { World } from '../engine';
import { mustPrepareCheck, type PreparedCheck } from './checks/prepare';
import { DEFAULT_NODES, type CompiledLesson, type Lang } from './model';

export interface CheckStatus {
  readonly predicate: string;
  /** "node2 is Ready", in the lesson's language. */
  readonly description: string;
  readonly holds: boolean;
}

export interface StepProgress {
  readonly id: string;
  readonly done: boolean;
  /** No checks: done when the learner (or the UI, once its blocks ran) marks it. */
  readonly manual: boolean;
  readonly checks: readonly CheckStatus[];
}

export interface LessonProgress {
  readonly lessonId: string;
  readonly steps: readonly StepProgress[];
  readonly doneCount: number;
  readonly complete: boolean;
  /** Index of the first step not done (steps.length when complete). */
  readonly current: number;
}

export interface ProgressOptions {
  readonly lang?: Lang;
  readonly nodes?: readonly string[];
  /** Step ids already done (persisted by the store). */
  readonly done?: Iterable<string>;
}

export class ProgressTracker {
  private readonly lesson: CompiledLesson;
  private readonly lang: Lang;
  private readonly prepared: ReadonlyMap<string, readonly PreparedCheck[]>;
  private readonly doneIds: Set<string>;
  private last: LessonProgress | undefined;

  constructor(lesson: CompiledLesson, options: ProgressOptions = {}) {
    this.lesson = lesson;
    this.lang = options.lang ?? lesson.lang;
    const ctx = { nodes: options.nodes ?? DEFAULT_NODES };
    this.prepared = new Map(lesson.steps.map((s) => [s.id, s.checks.map((c) => mustPrepareCheck(c, ctx))]));
    const known = new Set(lesson.steps.map((s) => s.id));
    this.doneIds = new Set([...(options.done ?? [])].filter((id) => known.has(id)));
  }

  /** Step ids done so far, for the store to persist. */
  get done(): ReadonlySet<string> {
    return this.doneIds;
  }

  /** Marks a step done (a reading step the learner finished); checked steps complete themselves. */
  markDone(stepId: string): void {
    if (this.lesson.steps.some((s) => s.id === stepId)) this.doneIds.add(stepId);
  }

  /** Evaluates the steps not yet done against the world; the same object if nothing changed. */
  update(world: World): LessonProgress {
    // Ordered checks (absences) wait until every step with checks before theirs is done.
    let checkedBeforeDone = true;
    const steps = this.lesson.steps.map((step): StepProgress => {
      const checks = this.prepared.get(step.id)!;
      const manual = checks.length === 0;
      const wasDone = this.doneIds.has(step.id);
      const statuses = checks.map((c) => ({
        predicate: c.spec.predicate,
        description: c.describe(this.lang),
        holds: wasDone || ((checkedBeforeDone || !c.ordered) && c.evaluate(world)),
      }));
      const done = wasDone || (!manual && statuses.every((s) => s.holds));
      if (done) this.doneIds.add(step.id);
      if (!manual && !done) checkedBeforeDone = false;
      return { id: step.id, done, manual, checks: statuses };
    });
    const doneCount = steps.filter((s) => s.done).length;
    const firstPending = steps.findIndex((s) => !s.done);
    const next: LessonProgress = {
      lessonId: this.lesson.id,
      steps,
      doneCount,
      complete: doneCount === steps.length,
      current: firstPending < 0 ? steps.length : firstPending,
    };
    if (this.last && sameProgress(this.last, next)) return this.last;
    this.last = next;
    return next;
  }
}

function sameProgress(a: LessonProgress, b: LessonProgress): boolean {
  return a.steps.every((s, i) => {
    const t = b.steps[i]!;
    return s.done === t.done && s.checks.every((c, j) => c.holds === t.checks[j]!.holds && c.description === t.checks[j]!.description);
  });
}

/** One-off evaluation: which checks of a step hold now. */
export function evaluateStepChecks(lesson: CompiledLesson, stepId: string, world: World, lang: Lang = lesson.lang): CheckStatus[] {
  const step = lesson.steps.find((s) => s.id === stepId);
  if (!step) return [];
  return step.checks.map((spec) => {
    const check = mustPrepareCheck(spec, { nodes: DEFAULT_NODES });
    return { predicate: spec.predicate, description: check.describe(lang), holds: check.evaluate(world) };
  });
}
