/**
 * The cluster diagram (React Flow), loaded lazily by the app after the first prompt; the React Flow
 * stylesheet is imported here so that it lands in this lazy chunk too. An illustration of the
 * engine's state, not an editor: nothing drags, connects or selects; the picture is toFlow(snapshot).
 */
import '@xyflow/react/dist/base.css';
import './status.css';
import './diagram.css';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Controls, getViewportForBounds, ReactFlow, useReactFlow, useStore, type AriaLabelConfig, type FitViewOptions } from '@xyflow/react';
import type { WorldSnapshot } from '../../engine';
import { EdgeLayer, FLOW_ARROW_ID, SERVICE_ARROW_ID } from './edges/EdgeLayer';
import { NODE_TYPES } from './flowTypes';
import { Legend, legendExtras } from './Legend';
import { DiagramWordsContext } from './nodes/HighlightTag';
import { diagramWords } from './words';
import type { DiagramEdge, DiagramNode, Flow, FlowOptions, LayoutDirection } from './types';
import { useDiagramFlow } from './useDiagramFlow';
import { useLang } from './useLang';
import type { Lang } from '../../store';
import { useLayoutDirection } from './useLayoutDirection';
import { boxInView } from './viewport';

export interface DiagramProps {
  readonly snapshot: WorldSnapshot;
  /** prefers-reduced-motion: no animated edges, no animated fitView. */
  readonly reducedMotion: boolean;
  /** Diagram ids to emphasise (`node/node2`, `pod/kube-system/coredns-…`, `kubelet/*`): outlined, tagged, brought into view. */
  readonly highlight?: readonly string[];
  /** Compose containers and traffic to draw (DockerCoins); see FlowOptions. */
  readonly containers?: FlowOptions['containers'];
  readonly flows?: FlowOptions['flows'];
  /** The containers' and flows' words; the page's language when absent. */
  readonly lang?: Lang;
}

/**
 * A small margin all round, and on the right the zoom buttons' column (top-right, about 45 px with
 * their margin), so that no host's box ends under them, whatever the picture's shape.
 */
const FIT_VIEW: FitViewOptions = { padding: { top: '12px', right: '56px', bottom: '12px', left: '12px' } };
const PRO_OPTIONS = { hideAttribution: false };
const NODE_HELP = 'Part of the cluster diagram: Tab moves to the next machine, group or pod. The table view lists the same facts.';
/** React Flow's default hints talk about moving and deleting nodes, which this picture does not allow. */
const ARIA_LABELS: Partial<AriaLabelConfig> = {
  'node.a11yDescription.default': NODE_HELP,
  'node.a11yDescription.keyboardDisabled': NODE_HELP,
  'controls.ariaLabel': 'Diagram zoom',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Show the whole cluster',
};

export default function Diagram({ snapshot, reducedMotion, highlight, containers, flows, lang }: DiagramProps) {
  const [containerRef, direction] = useLayoutDirection();
  const language = useLang(lang);
  const stable = useDiagramFlow({ snapshot, reducedMotion, direction, highlight, containers, flows, lang: language });
  const words = diagramWords(language);
  const extras = useMemo(() => legendExtras(stable), [stable]);

  return (
    <div className="kp-dg" data-testid="diagram" ref={containerRef}>
      <svg className="kp-dg-defs" aria-hidden="true" focusable="false">
        <defs>
          <marker id={FLOW_ARROW_ID} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0L10,5L0,10Z" className="kp-dg-flow-arrow" />
          </marker>
          {/* In user units: a highlighted (thicker) Service edge keeps a normal-sized arrowhead. */}
          <marker id={SERVICE_ARROW_ID} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
            <path d="M0,0L10,5L0,10Z" className="kp-dg-service-arrow" />
          </marker>
        </defs>
      </svg>
      <DiagramWordsContext.Provider value={words}>
        <FlowCanvas flow={stable} direction={direction} reducedMotion={reducedMotion} />
      </DiagramWordsContext.Provider>
      <Legend {...extras} highlightWords={words.highlightTag} />
    </div>
  );
}

interface FlowCanvasProps {
  readonly flow: Flow;
  readonly direction: LayoutDirection;
  readonly reducedMotion: boolean;
}

/**
 * Memoised: the app re-renders Diagram every frame (new snapshot); React Flow only when the picture
 * changed. React Flow draws the nodes; the edges are one component of ours (edges/EdgeLayer.tsx),
 * portalled into the layer where React Flow keeps its edge labels: inside the viewport (it pans and
 * zooms with the nodes), before the nodes (stacked as React Flow stacks its own edges). It is found
 * in a layout effect, so the edges are in the same painted frame as the nodes.
 */
const FlowCanvas = memo(function FlowCanvas({ flow, direction, reducedMotion }: FlowCanvasProps) {
  const canvas = useRef<HTMLDivElement>(null);
  const [edgeHost, setEdgeHost] = useState<Element | null>(null);
  useLayoutEffect(() => {
    const host = canvas.current?.querySelector('.react-flow__edgelabel-renderer') ?? null;
    if (host !== edgeHost) setEdgeHost(host);
  }, [edgeHost]);
  // Whether the learner has panned or zoomed since the last fit: a resize then keeps their view.
  const userMoved = useRef(false);
  return (
    <div className="kp-dg-canvas" ref={canvas}>
      <ReactFlow<DiagramNode, DiagramEdge>
        nodes={flow.nodes as DiagramNode[]}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.15}
        maxZoom={1.5}
        // An illustration inside a page: the wheel scrolls the page, pinch and the buttons zoom.
        zoomOnScroll={false}
        zoomOnDoubleClick={false}
        preventScrolling={false}
        proOptions={PRO_OPTIONS}
        ariaLabelConfig={ARIA_LABELS}
        // A move with an event is a gesture (drag, pinch); fits and the buttons' zooms have none.
        onMoveStart={(event) => { if (event) userMoved.current = true; }}
      >
        <FitOnChange flow={flow} direction={direction} reducedMotion={reducedMotion} userMoved={userMoved} />
        <Controls
          showInteractive={false}
          fitViewOptions={FIT_VIEW}
          position="top-right"
          onZoomIn={() => { userMoved.current = true; }}
          onZoomOut={() => { userMoved.current = true; }}
          onFitView={() => { userMoved.current = false; }}
        />
      </ReactFlow>
      {edgeHost !== null && createPortal(<EdgeLayer nodes={flow.nodes} edges={flow.edges} />, edgeHost)}
    </div>
  );
});

/** Zoomed no closer than this when bringing highlighted nodes into view: one pod should not fill the screen. */
const HIGHLIGHT_MAX_ZOOM = 1;

/**
 * Refits when nodes appear or disappear (init, join, a scale) or the layout turns, not on every
 * status change; when the canvas changes size and the learner has not moved the view (the first
 * fit can come before the panels around it have settled, leaving part of the picture cut off);
 * and when a lesson step highlights nodes that are not all on screen, brings them into view (a
 * highlighted node the learner cannot see would point at nothing).
 */
function FitOnChange({ flow, direction, reducedMotion, userMoved }: { flow: Flow; direction: LayoutDirection; reducedMotion: boolean; userMoved: { current: boolean } }) {
  const { fitView, getNodes, getNodesBounds, getViewport, setViewport } = useReactFlow<DiagramNode, DiagramEdge>();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const minZoom = useStore((s) => s.minZoom);
  const maxZoom = useStore((s) => s.maxZoom);
  const count = flow.nodes.length;
  const highlighted = useMemo(() => flow.nodes.filter((n) => n.data.highlighted).map((n) => n.id).join('\n'), [flow.nodes]);
  const first = useRef(true);
  const shown = useRef({ count, direction, width, height });
  useEffect(() => {
    const duration = reducedMotion ? 0 : 200;
    const resized = (shown.current.width !== width || shown.current.height !== height) && width > 0 && height > 0;
    const changed = shown.current.count !== count || shown.current.direction !== direction;
    shown.current = { count, direction, width, height };
    // The first fit is the `fitView` prop's job: the whole picture, highlighted nodes included.
    if (first.current) {
      first.current = false;
      return;
    }
    if (changed) userMoved.current = false;
    if (highlighted !== '' && width > 0 && height > 0) {
      const ids = highlighted.split('\n');
      if (!boxInView(getNodesBounds(ids), getViewport(), { width, height })) {
        void fitView({ ...FIT_VIEW, nodes: ids.map((id) => ({ id })), maxZoom: HIGHLIGHT_MAX_ZOOM, duration });
        return;
      }
    }
    if (changed) void fitView({ ...FIT_VIEW, duration });
    // The same nodes in a new frame: fitted here and now. React Flow's fitView waits for a change
    // to the nodes before it runs, and a resize brings none.
    else if (resized && !userMoved.current) void setViewport(getViewportForBounds(getNodesBounds(getNodes()), width, height, minZoom, maxZoom, FIT_VIEW.padding ?? 0), { duration });
  }, [count, direction, reducedMotion, highlighted, width, height, minZoom, maxZoom, fitView, getNodes, getNodesBounds, getViewport, setViewport, userMoved]);
  return null;
}
