import { useApp, useMessages } from '../storeContext';

/** Lesson picker for the current language, with previous / next. */
export function LessonNav() {
  const t = useMessages();
  const lang = useApp((s) => s.lang);
  const lessonId = useApp((s) => s.lessonId);
  const catalogue = useApp((s) => s.catalogue);
  const setLesson = useApp((s) => s.setLesson);
  const entries = catalogue.filter((e) => e.lang === lang);
  if (entries.length === 0) return null;
  const index = entries.findIndex((e) => e.id === lessonId);
  const previous = index > 0 ? entries[index - 1] : undefined;
  const next = index >= 0 && index < entries.length - 1 ? entries[index + 1] : undefined;
  return (
    <nav className="kp-lesson-nav" aria-label={t.lessonsMenu}>
      <label>
        <span className="kp-visually-hidden">{t.lessonsMenu}</span>
        <select value={index >= 0 ? lessonId : ''} onChange={(e) => setLesson(e.target.value)}>
          {index < 0 && <option value="">—</option>}
          {entries.map((e, i) => <option key={e.id} value={e.id}>{i + 1}. {e.title}</option>)}
        </select>
      </label>
      <span className="kp-lesson-nav-buttons">
        <button type="button" disabled={!previous} onClick={() => previous && setLesson(previous.id)} aria-label={t.previousLesson}>←</button>
        <button type="button" disabled={!next} onClick={() => next && setLesson(next.id)} aria-label={t.nextLesson}>→</button>
      </span>
    </nav>
  );
}
