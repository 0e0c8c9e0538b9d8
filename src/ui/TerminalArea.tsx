import { useState } from 'react';
import { useApp, useMessages } from './storeContext';
import { NODE_NAMES } from '../store';
import { WIDE_LAYOUT, useMediaQuery } from './useMediaQuery';
import { TerminalPane } from './TerminalPane';

/** Both nodes' terminals: side by side on wide screens, as tabs on narrower ones. */
export function TerminalArea() {
  const t = useMessages();
  const wide = useMediaQuery(WIDE_LAYOUT);
  const activeNode = useApp((s) => s.activeNode);
  const setActiveNode = useApp((s) => s.setActiveNode);
  // A tab's terminal view is created the first time it is shown (its output is buffered until
  // then): the first prompt only pays for one xterm.
  const [shown, setShown] = useState<ReadonlySet<string>>(() => new Set([activeNode]));
  if (!shown.has(activeNode)) setShown(new Set([...shown, activeNode]));
  // Tabs as the ARIA pattern has them: only the selected tab is in the Tab order, arrows switch.
  const onTabKey = (key: string) => {
    const step = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = NODE_NAMES[(NODE_NAMES.indexOf(activeNode) + step + NODE_NAMES.length) % NODE_NAMES.length]!;
    setActiveNode(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <section className="kp-terminals" id="kp-terminals" aria-label={t.terminal}>
      {!wide && (
        <div className="kp-terminal-tabs" role="tablist" aria-label={t.nodes}>
          {NODE_NAMES.map((node) => (
            <button
              key={node}
              type="button"
              role="tab"
              id={`tab-${node}`}
              aria-selected={activeNode === node}
              aria-controls={`panel-${node}`}
              tabIndex={activeNode === node ? 0 : -1}
              onKeyDown={(e) => onTabKey(e.key)}
              data-testid={`tab-${node}`}
              onClick={() => setActiveNode(node)}
            >
              {node}
            </button>
          ))}
        </div>
      )}
      <div className="kp-terminal-grid" data-tabs={!wide}>
        {NODE_NAMES.map((node) => (
          <TerminalPane key={node} node={node} hidden={!wide && activeNode !== node} tabbed={!wide} mounted={wide || shown.has(node)} />
        ))}
      </div>
    </section>
  );
}
