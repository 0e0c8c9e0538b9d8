import { lazy, Suspense, useEffect } from 'react';
import { Toolbar } from './Toolbar';
import { Notices } from './Notices';
import { PanelTabs } from './PanelTabs';
import { TerminalArea } from './TerminalArea';
import { DiagramArea } from './DiagramArea';
import { useApp, useMessages } from './storeContext';
import { loadLessonPanel, loadWebui, markLessonPainted, startAfterPrompt } from './afterPrompt';
import { PieceBoundary } from './PieceBoundary';
import { useLoaded } from './useLoaded';
import './app.css';

// The DockerCoins web UI: one chunk for its toolbar button, phone tab and panel (webui/WebuiRoot.tsx),
// loaded after the first prompt in turn with the diagram and the commands (afterPrompt.ts).
const Webui = lazy(loadWebui);

function WebuiPart({ part }: { part: 'button' | 'tab' | 'panel' }) {
  // Without its code there is no web UI to open: the button, tab and panel stay away.
  return <PieceBoundary fallback={() => null}><Suspense fallback={null}><Webui part={part} /></Suspense></PieceBoundary>;
}

/** The lesson panel once its code has arrived (not through Suspense: see useLoaded). */
function LessonArea({ promptReady }: { promptReady: boolean }) {
  const t = useMessages();
  const panel = useLoaded(loadLessonPanel, promptReady);
  const status = useApp((s) => s.lessonStatus);
  const shown = panel.state === 'failed' || (panel.state === 'ready' && status !== 'loading');
  useEffect(() => {
    if (!shown) return undefined;
    // A frame callback registered after the commit runs before that frame's paint; the next one, after it.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(markLessonPainted);
    });
    return () => cancelAnimationFrame(frame);
  }, [shown]);
  if (panel.state === 'failed') return <p className="kp-lesson-body" role="alert">{t.lessonError(panel.error)}</p>;
  if (panel.state === 'waiting') return <p className="kp-loading">{t.lessonLoading}</p>;
  const LessonPanel = panel.value;
  return <PieceBoundary fallback={(error) => <p className="kp-lesson-body" role="alert">{t.lessonError(error)}</p>}><LessonPanel /></PieceBoundary>;
}

/**
 * The web UI button's place from the first frame: the same words and box, disabled, until its lazy
 * chunk replaces it. Without it the button arrived after the prompt and, on phones, wrapped the
 * toolbar to a second row that pushed the page down (Lighthouse CLS 0.16).
 */
function WebuiButton({ promptReady }: { promptReady: boolean }) {
  const t = useMessages();
  const standIn = <button type="button" className="kp-webui-open" disabled>{t.webuiOpen}</button>;
  return promptReady ? <PieceBoundary fallback={() => null}><Suspense fallback={standIn}><Webui part="button" /></Suspense></PieceBoundary> : standIn;
}

/**
 * The page: lesson beside the work area (terminals above the diagram). On phones one panel shows
 * at a time, switched by tabs at the bottom.
 */
export function App() {
  const t = useMessages();
  const panel = useApp((s) => s.panel);
  const theme = useApp((s) => s.theme);
  const embed = useApp((s) => s.embed);
  const lang = useApp((s) => s.lang);
  // The lesson's code loads once the prompt is up: the terminal is what the first frame is for.
  const promptReady = useApp((s) => s.promptReady);
  useEffect(() => {
    if (promptReady) startAfterPrompt();
  }, [promptReady]);
  return (
    <div className="kp-app" data-theme={theme} data-embed={embed ? 'true' : undefined} data-panel={panel} lang={lang}>
      <a className="kp-skip" href="#kp-terminals">{t.skipToTerminal}</a>
      <Toolbar actions={<WebuiButton promptReady={promptReady} />} />
      <Notices />
      <main className="kp-main">
        <section className="kp-lesson" data-testid="lesson" aria-label={t.lesson}>
          <LessonArea promptReady={promptReady} />
        </section>
        <section className="kp-work">
          <TerminalArea />
          <DiagramArea />
          {promptReady && <WebuiPart part="panel" />}
        </section>
      </main>
      <PanelTabs extra={promptReady && <WebuiPart part="tab" />} />
    </div>
  );
}
