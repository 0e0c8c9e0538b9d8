import type { CompiledStep, StepProgress } from '../../lessons';
import { useApp, useMessages } from '../storeContext';
import { LessonHtml } from './LessonHtml';
import { allBlocksRan, recordBlockRun } from './ranBlocks';

/** One `##` section: status, title, text with runnable blocks, and what makes it done. */
export function StepView({ lessonId, step, number, progress, current }: { lessonId: string; step: CompiledStep; number: number; progress: StepProgress | undefined; current: boolean }) {
  const t = useMessages();
  const markStepDone = useApp((s) => s.markStepDone);
  const done = progress?.done ?? false;
  const onRun = (block: { index: number }) => {
    recordBlockRun(lessonId, block.index);
    if (step.checks.length === 0 && allBlocksRan(lessonId, step.blocks.map((b) => b.index))) markStepDone(step.id);
  };
  return (
    <section className="kp-step" data-done={done} data-current={current} aria-labelledby={`step-${step.id}`} data-testid={`step-${step.id}`}>
      <h2 id={`step-${step.id}`}>
        <span className="kp-step-status" role="img" aria-label={done ? t.stepDone : t.stepPending}>{done ? '✓' : number}</span>
        <span dangerouslySetInnerHTML={{ __html: step.titleHtml }} />
      </h2>
      <LessonHtml html={step.html} blocks={step.blocks} onRun={onRun} />
      {progress && progress.checks.length > 0 && (
        <div className="kp-checks">
          <p>{t.stepChecks}</p>
          <ul>
            {progress.checks.map((c, i) => (
              <li key={i} data-holds={c.holds}>
                <span aria-hidden="true">{c.holds ? '✓' : '○'}</span> {c.description}
              </li>
            ))}
          </ul>
        </div>
      )}
      {progress?.manual && !done && (
        <button type="button" className="kp-mark-done" onClick={() => markStepDone(step.id)}>{t.stepDone}</button>
      )}
    </section>
  );
}
