import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { TerminalRunResult } from '../shell';
import { TerminalView, type TerminalViewHandle } from './terminal/TerminalView';
import { useApp, useAppStore, useMessages } from './storeContext';
import { focusLessonPlace, registerTerminalView } from './screens';
import { PieceBoundary } from './PieceBoundary';
import { KEY_BAR, PHONE_LAYOUT, REDUCED_MOTION, useMediaQuery } from './useMediaQuery';

// Neither is needed for the first prompt: the key bar only on touch and narrow screens, the
// announcements' wording only in screen-reader mode.
const KeyBar = lazy(() => import('./KeyBar'));
type Describe = (result: TerminalRunResult) => string;
import type { NodeName } from '../store';

/** One node's terminal with its title bar; registers itself for window.kubeplay.screen(). */
export function TerminalPane({ node, hidden, tabbed, mounted }: { node: NodeName; hidden: boolean; tabbed: boolean; mounted: boolean }) {
  const t = useMessages();
  const store = useAppStore();
  const playground = useApp((s) => s.playground);
  const screenReaderMode = useApp((s) => s.screenReaderMode);
  const ip = useApp((s) => s.snapshot?.hosts.find((h) => h.name === node)?.ip);
  const view = useRef<TerminalViewHandle>(null);
  const phone = useMediaQuery(PHONE_LAYOUT);
  const reducedMotion = useMediaQuery(REDUCED_MOTION);
  const keyBar = useMediaQuery(KEY_BAR);
  const terminal = playground?.terminal(node);

  useEffect(() => registerTerminalView(node, {
    read: () => view.current?.screenText(),
    focus: () => view.current?.focus() ?? false,
  }), [node]);

  // node1's first painted prompt is what `prompt-ready` measures (design budget: p50 ≤ 250 ms).
  const onPainted = useCallback(() => {
    if (node !== 'node1') return;
    if (performance.getEntriesByName('prompt-ready').length === 0) performance.mark('prompt-ready');
    store.getState().markPromptReady();
  }, [node, store]);

  // Screen-reader mode: each command's result, said in the page's language (A3).
  const lang = useApp((s) => s.lang);
  const [describeCommandEnd, setDescribe] = useState<Describe | undefined>(undefined);
  useEffect(() => {
    if (!screenReaderMode) {
      setDescribe(undefined);
      return undefined;
    }
    let live = true;
    void import('./terminal/commandAnnouncement').then(({ commandAnnouncement, ANNOUNCEMENT_WORDS }) => {
      if (live) setDescribe(() => (result: TerminalRunResult) => commandAnnouncement(result, ANNOUNCEMENT_WORDS[lang]));
    });
    return () => { live = false; };
  }, [screenReaderMode, lang]);

  // Escape, Tab, Enter: from the terminal back to the block that was run (on phones, to the lesson panel).
  const backToLesson = () => {
    if (phone) store.getState().setPanel('lesson');
    requestAnimationFrame(focusLessonPlace);
  };

  const attachOutput = useCallback((listener: (data: string) => void) => terminal!.attach(listener), [terminal]);

  return (
    <div className="kp-terminal-cell" hidden={hidden} id={`panel-${node}`} {...(tabbed ? { role: 'tabpanel', 'aria-labelledby': `tab-${node}` } : {})}>
      <div className="kp-terminal-title">
        <span>{node}{ip ? ` · ${ip}` : ''}</span>
        <span className="kp-hint">{t.terminalHint}</span>
      </div>
      <div className="kp-terminal-body">
        {terminal && mounted && (
          <TerminalView
            ref={view}
            session={terminal.session}
            attachOutput={attachOutput}
            onPainted={onPainted}
            label={`${t.terminal} ${node}`}
            testId={`terminal-${node}`}
            screenReaderMode={screenReaderMode}
            describeCommandEnd={describeCommandEnd}
            leaveHint={t.terminalLeave}
            leftHint={t.terminalLeft}
            fontSize={phone ? 12 : 14}
            cursorBlink={!reducedMotion}
          />
        )}
      </div>
      {keyBar && terminal && (
        <PieceBoundary fallback={() => null}><Suspense fallback={null}><KeyBar node={node} lang={lang} send={(bytes) => terminal.session.input(bytes)} /></Suspense></PieceBoundary>
      )}
      <button type="button" className="kp-back-to-lesson" onClick={backToLesson} data-testid={`back-to-lesson-${node}`}>
        {t.backToLesson}
      </button>
    </div>
  );
}
