/**
 * Entry point: read the URL, create the store, render, boot the playground, expose the automation
 * API. Kept tiny: everything on the path to the first prompt counts against the bundle budget.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore, formatRoute, parsePageOptions, parseRoute, preferredLang } from './store';
import { catalogue, loadLesson } from 'virtual:kubeplay-lessons';
import { App, StoreContext, installAutomation, syncRoute } from './ui';

const options = parsePageOptions(window.location.search);
const route = parseRoute(window.location.hash);
const store = createAppStore({
  options,
  lang: route.lang ?? options.lang ?? preferredLang(navigator.languages ?? [navigator.language]),
  lessonId: route.lessonId ?? 'start-the-cluster',
  theme: options.theme ?? 'dark',
  lessons: { catalogue, loadLesson },
});

if (!window.location.hash) {
  const { lang, lessonId } = store.getState();
  window.history.replaceState(null, '', formatRoute(lang, lessonId));
}
syncRoute(store);
installAutomation(store, options.allowedOrigins);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);

void store.getState().boot();
// Leaving the page (closing the tab, reloading, switching apps on a phone) saves at once.
window.addEventListener('pagehide', () => store.getState().save());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') store.getState().save();
});
