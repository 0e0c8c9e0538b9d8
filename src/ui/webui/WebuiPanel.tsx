/**
 * A small browser showing DockerCoins' web UI: an address bar (with the node it points at), then
 * the page — title, the blue graph, "Current mining speed: ~X.X hashes/second" — or the error page
 * a browser shows when nothing answers. Below the graph, its text alternative: a summary of the
 * last minute, a table of it on demand, and a polite live region that speaks only when the
 * smoothed speed moves (textAlternative.ts).
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { NODE_NAMES, currentSpeed, formatSpeed, speedPoints, summarize, type NodeName, type SpeedPoint, type WebuiProblem, type WebuiView } from '../../store';
import { PAGE, type WebuiMessages } from './messages';
import { SpeedChart } from './SpeedChart';
import { buckets, nextAnnouncement, smoothedSpeed, type Announced } from './textAlternative';

export interface WebuiPanelProps {
  readonly view: WebuiView;
  readonly t: WebuiMessages;
  readonly onClose: () => void;
  readonly onNode: (node: NodeName) => void;
}

export function WebuiPanel({ view, t, onClose, onNode }: WebuiPanelProps) {
  const { target, address, series, problem } = view;
  const host = `${target.node}:${target.port}`;
  const section = useRef<HTMLElement>(null);
  // Opening the panel (from a button, a lesson link or the terminal) moves focus to it.
  useEffect(() => section.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };
  return (
    <section ref={section} className="kp-webui" data-testid="webui" aria-label={t.panel(address)} tabIndex={-1} onKeyDown={onKeyDown}>
      <div className="kp-webui-bar">
        <label className="kp-webui-node">
          <span>{t.node}</span>
          <select value={target.node} onChange={(e) => onNode(e.target.value as NodeName)} data-testid="webui-node">
            {NODE_NAMES.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <output className="kp-webui-address" aria-label={t.address} data-testid="webui-address">{address}</output>
        <button type="button" className="kp-webui-close" onClick={onClose} aria-label={t.close} title={t.close} data-testid="webui-close">×</button>
      </div>
      <div className="kp-webui-page">
        {series.length === 0 ? <NoPage t={t} host={target.node} hostPort={host} problem={problem} /> : <Page view={view} t={t} />}
      </div>
    </section>
  );
}

function Page({ view, t }: { readonly view: WebuiView; readonly t: WebuiMessages }) {
  const points = useMemo(() => speedPoints(view.series), [view.series]);
  const speed = currentSpeed(points);
  return (
    <>
      <h2 className="kp-webui-title">{PAGE.title}</h2>
      <SpeedChart points={points} label={t.chart} />
      <p className="kp-webui-speed" data-testid="webui-speed">
        {PAGE.speedLabel} <span>{speed === undefined ? '' : formatSpeed(speed)} {PAGE.speedUnit}</span>
      </p>
      {view.problem !== undefined && <p className="kp-webui-stale" data-testid="webui-stale">{t.frozen(problemCode(view.problem))}</p>}
      {/* A new address is a new page: its announcements start over. */}
      <TextAlternative key={view.address} points={points} received={view.received} t={t} />
    </>
  );
}

function TextAlternative({ points, received, t }: { readonly points: readonly SpeedPoint[]; readonly received: number; readonly t: WebuiMessages }) {
  const [announced, setAnnounced] = useState<Announced | undefined>(undefined);
  const next = nextAnnouncement(announced, received, smoothedSpeed(points));
  // Derived from the answers as they come: adjusting state while rendering, as React documents it.
  if (next !== undefined) setAnnounced(next);
  const summary = summarize(points, 60);
  return (
    <div className="kp-webui-text">
      <p className="kp-webui-summary">
        {summary === undefined ? t.noAnswerYet : t.lastMinute(summary.mean.toFixed(1), summary.min.toFixed(1), summary.max.toFixed(1))}
      </p>
      <p className="kp-webui-sr" role="status" aria-live="polite" data-testid="webui-announce">
        {announced === undefined ? '' : t.announce(announced.value.toFixed(1))}
      </p>
      <details className="kp-webui-details">
        <summary>{t.tableToggle}</summary>
        <table>
          <caption>{t.tableCaption}</caption>
          <thead>
            <tr><th scope="col">{t.secondsAgo}</th><th scope="col">{t.meanSpeed}</th></tr>
          </thead>
          <tbody>
            {buckets(points).map((b) => (
              <tr key={b.from}><th scope="row">{`${b.from}–${b.to}`}</th><td>{b.mean === undefined ? t.none : b.mean.toFixed(1)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

/** What a browser shows before the page ever loaded: its own error page, or a wait. */
function NoPage({ t, host, hostPort, problem }: { readonly t: WebuiMessages; readonly host: string; readonly hostPort: string; readonly problem: WebuiProblem | undefined }) {
  if (problem === undefined) return <p className="kp-webui-wait" role="status">{t.connecting(hostPort)}</p>;
  const [heading, detail] = problemText(t, host, problem);
  return (
    <div className="kp-webui-error" role="status" data-testid="webui-error">
      <h2>{heading}</h2>
      <p>{detail}</p>
      <p className="kp-webui-code">{problemCode(problem)}</p>
      <p className="kp-webui-retry">{t.retrying}</p>
    </div>
  );
}

function problemText(t: WebuiMessages, host: string, problem: WebuiProblem): readonly [string, string] {
  switch (problem.kind) {
    case 'network': return [t.cannotReach, t.networkDetail(problem.error, host)];
    case 'http': return [t.notWorking, t.httpError(problem.status)];
    case 'not-webui': return [t.notWorking, t.notWebui(host)];
  }
}

function problemCode(problem: WebuiProblem): string {
  switch (problem.kind) {
    case 'network': return problem.code;
    case 'http': return `HTTP ${problem.status}`;
    case 'not-webui': return '/json';
  }
}
