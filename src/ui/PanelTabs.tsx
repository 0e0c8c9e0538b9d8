import type { ReactNode } from 'react';
import { useApp, useMessages } from './storeContext';
import type { Panel } from '../store';

/** On phones one panel shows at a time: lesson, terminal or diagram; `extra` adds the web UI's tab while it is open. */
export function PanelTabs({ extra }: { extra?: ReactNode }) {
  const t = useMessages();
  const panel = useApp((s) => s.panel);
  const setPanel = useApp((s) => s.setPanel);
  const panels: readonly [Exclude<Panel, 'webui'>, string][] = [['lesson', t.lesson], ['terminal', t.terminal], ['diagram', t.diagram]];
  return (
    <nav className="kp-panel-tabs" aria-label={t.panels}>
      {panels.map(([id, label]) => (
        <button key={id} type="button" aria-pressed={panel === id} onClick={() => setPanel(id)} data-testid={`panel-${id}`}>
          {label}
        </button>
      ))}
      {extra}
    </nav>
  );
}
