import { lazy, Suspense } from 'react';
import { useApp, useMessages } from './storeContext';
import { REDUCED_MOTION, useMediaQuery } from './useMediaQuery';
import { loadLessonDiagram } from './afterPrompt';
import { PieceBoundary } from './PieceBoundary';

// The diagram (react-flow) loads after the first prompt, once the lesson panel is there
// (afterPrompt.ts): it is not needed to start typing. It comes wrapped with the current lesson
// step's highlights.
const Diagram = lazy(loadLessonDiagram);
const DiagramTable = lazy(() => import('./diagram/DiagramTable'));

/** The cluster picture, or the same facts as a table (screen readers, small screens). */
export function DiagramArea() {
  const t = useMessages();
  const snapshot = useApp((s) => s.snapshot);
  const promptReady = useApp((s) => s.promptReady);
  const asTable = useApp((s) => s.diagramAsTable);
  const setAsTable = useApp((s) => s.setDiagramAsTable);
  const reducedMotion = useMediaQuery(REDUCED_MOTION);
  return (
    <section className="kp-diagram" aria-label={t.diagram}>
      <div className="kp-diagram-bar">
        <button type="button" onClick={() => setAsTable(!asTable)} data-testid="diagram-view-toggle">
          {asTable ? t.diagramAsPicture : t.diagramAsTable}
        </button>
      </div>
      <div className="kp-diagram-body">
        {snapshot && promptReady ? (
          <PieceBoundary key={asTable ? 'table' : 'picture'} fallback={(error) => <p role="alert">{t.diagramError(error)}</p>}>
            <Suspense fallback={<p className="kp-loading">{t.diagramLoading}</p>}>
              {asTable ? <DiagramTable snapshot={snapshot} /> : <Diagram snapshot={snapshot} reducedMotion={reducedMotion} />}
            </Suspense>
          </PieceBoundary>
        ) : (
          <p className="kp-loading">{t.diagramLoading}</p>
        )}
      </div>
    </section>
  );
}
