/** Keeps `#/<lang>/<lesson-id>` and the store in step, both ways (back/forward buttons work). */
import { formatRoute, parseRoute, type AppStore } from '../store';

export function syncRoute(store: AppStore): () => void {
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.lang === previous.lang && state.lessonId === previous.lessonId) return;
    const next = formatRoute(state.lang, state.lessonId);
    if (window.location.hash === next) return;
    if (state.lessonId !== previous.lessonId) window.history.pushState(null, '', next);
    else window.history.replaceState(null, '', next);
  });
  const onHashChange = () => {
    const route = parseRoute(window.location.hash);
    const state = store.getState();
    if (route.lang && route.lang !== state.lang) state.setLang(route.lang);
    if (route.lessonId && route.lessonId !== state.lessonId) state.setLesson(route.lessonId);
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}
