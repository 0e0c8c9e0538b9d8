import { lazy, Suspense, useEffect } from 'react';
import { Toolbar } from './Toolbar';
import { Notices } from './Notices';
import { PanelTabs } from './PanelTabs';
import { TerminalArea } from './TerminalArea';
import { DiagramArea } from './DiagramArea';
import { useApp, useMessages } from './storeContext';
import { loadLessonPanel, loadWebui, startAfterPrompt } from './afterPrompt';
import './app.css';

// Both load after the first prompt, in turn with the diagram and the commands (afterPrompt.ts).
const LessonPanel = lazy(loadLessonPanel);
// The DockerCoins web UI: one chunk for its toolbar button, phone tab and panel (webui/WebuiRoot.tsx).
const Webui = lazy(loadWebui);

function WebuiPart({ part }: { part: 'button' | 'tab' | 'panel' }) {
  return <Suspense fallback={null}><Webui part={part} /></Suspense>;
}

/**
 * The web UI button's place from the first frame: the same words and box, disabled, until its lazy
 * chunk replaces it. Without it the button arrived after the prompt and, on phones, wrapped the
 * toolbar to a second row that pushed the page down (Lighthouse CLS 0.16).
 */
function WebuiButton({ promptReady }: { promptReady: boolean }) {
  const t = useMessages();
  const standIn = <button type="button" className="kp-webui-open" disabled>{t.webuiOpen}</button>;
  return promptReady ? <Suspense fallback={standIn}><Webui part="button" /></Suspense> : standIn;
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
          <Suspense fallback={<p className="kp-loading">{t.lessonLoading}</p>}>
            {promptReady ? <LessonPanel /> : <p className="kp-loading">{t.lessonLoading}</p>}
          </Suspense>
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
