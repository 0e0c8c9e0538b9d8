import { useApp, useMessages } from '../storeContext';
import { LessonHtml } from './LessonHtml';
import { StepView } from './StepView';
import { LessonNav } from './LessonNav';
import './lesson.css';

/** The open lesson: title, progress, intro, steps; loaded lazily (it is not needed for the prompt). */
export default function LessonPanel() {
  const t = useMessages();
  const lesson = useApp((s) => s.lesson);
  const status = useApp((s) => s.lessonStatus);
  const error = useApp((s) => s.lessonError);
  const progress = useApp((s) => s.lessonProgress);

  if (status === 'loading') return <p className="kp-loading">{t.lessonLoading}</p>;
  if (status === 'missing') return <div className="kp-lesson-body"><p role="alert">{t.lessonMissing}</p><LessonNav /></div>;
  if (status === 'error' || !lesson) return <div className="kp-lesson-body"><p role="alert">{t.lessonError(error ?? '')}</p><LessonNav /></div>;

  const done = progress?.doneCount ?? 0;
  return (
    <article className="kp-lesson-body" lang={lesson.lang}>
      <LessonNav />
      <header className="kp-lesson-header">
        <h1>{lesson.title}</h1>
        <p className="kp-lesson-summary">{lesson.summary}</p>
        <div className="kp-progress">
          <progress max={lesson.steps.length} value={done} aria-label={t.progress(done, lesson.steps.length)} />
          <span>{t.progress(done, lesson.steps.length)}</span>
        </div>
      </header>
      <LessonHtml html={lesson.introHtml} blocks={[]} />
      {lesson.steps.map((step, i) => (
        <StepView key={step.id} lessonId={lesson.id} step={step} number={i + 1} progress={progress?.steps[i]} current={progress?.current === i} />
      ))}
    </article>
  );
}
