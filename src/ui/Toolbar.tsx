import type { ReactNode } from 'react';
import { useApp, useMessages } from './storeContext';
import type { Lang } from '../store';

/** The header: name, language switch, screen reader mode, start over; `actions` come first (the web UI button). */
export function Toolbar({ lessonPicker, actions }: { lessonPicker?: ReactNode; actions?: ReactNode }) {
  const t = useMessages();
  const lang = useApp((s) => s.lang);
  const setLang = useApp((s) => s.setLang);
  const screenReaderMode = useApp((s) => s.screenReaderMode);
  const setScreenReaderMode = useApp((s) => s.setScreenReaderMode);
  const reset = useApp((s) => s.reset);
  const onReset = () => {
    if (window.confirm(t.resetConfirm)) reset();
  };
  return (
    <header className="kp-toolbar">
      <div className="kp-brand">
        <span className="kp-logo" aria-hidden="true">⎈</span>
        <span className="kp-name">kubeplay</span>
        <span className="kp-tagline">{t.appTagline}</span>
      </div>
      {lessonPicker}
      <div className="kp-toolbar-actions">
        {actions}
        <div className="kp-lang" role="group" aria-label={t.language}>
          {(['es', 'en'] as const satisfies readonly Lang[]).map((code) => (
            <button key={code} type="button" aria-pressed={lang === code} onClick={() => setLang(code)} lang={code}>
              {code.toUpperCase()}
            </button>
          ))}
        </div>
        <label className="kp-toggle">
          <input type="checkbox" checked={screenReaderMode} onChange={(e) => setScreenReaderMode(e.target.checked)} />
          <span>{t.screenReader}</span>
        </label>
        <button type="button" className="kp-reset" onClick={onReset} data-testid="reset">
          {t.reset}
        </button>
      </div>
    </header>
  );
}
