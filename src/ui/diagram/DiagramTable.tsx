/**
 * The diagram's facts as text: the Services with their endpoints, each node with its status, each pod
 * with its status, READY and IP, the unscheduled pods, the workloads, the pod network and the packets
 * crossing it, each host's docker containers and the data flows between them. For screen readers and
 * small screens; it reads the same model as the picture (buildModel, containerInputs, trafficFlows,
 * visiblePackets), so both always agree. No React Flow here: this view is light.
 */
import './status.css';
import './diagramTable.css';
import { Fragment, useId, useMemo, type ReactNode } from 'react';
import type { WorldSnapshot } from '../../engine';
import { COMPONENT_TITLES } from './controlPlane';
import { containerInputs, trafficFlows } from './containers';
import { highlightMatcher } from './highlight';
import { buildModel, type DiagramModel, type HostView, type PodView } from './model';
import { PacketsList, ServicesTable, WorkloadsTable } from './NetworkTables';
import { visiblePackets } from './packets';
import { CATEGORY_STYLES } from './palette';
import type { PodCategory } from './podStatus';
import { PENDING_LANE_TITLE } from './toFlow';
import type { ContainerInput } from './types';
import { useLang } from './useLang';
import { diagramWords, type DiagramWords } from './words';
import type { Lang } from '../../store';

export interface DiagramTableProps {
  readonly snapshot: WorldSnapshot;
  /** The containers' and flows' words; the page's language when absent. */
  readonly lang?: Lang;
  /** The ids the picture would highlight (a lesson step's): their rows say so. */
  readonly highlight?: readonly string[];
}

export default function DiagramTable({ snapshot, lang, highlight }: DiagramTableProps) {
  const words = diagramWords(useLang(lang));
  const model = useMemo(() => buildModel(snapshot), [snapshot]);
  const containers = useMemo(() => containerInputs(snapshot), [snapshot]);
  const flows = useMemo(() => trafficFlows(snapshot, containers, words), [snapshot, containers, words]);
  const packets = useMemo(() => {
    const drawn = new Set([...model.refs.podIds, ...model.hosts.map((h) => h.id)]);
    return visiblePackets(snapshot, (id) => drawn.has(id));
  }, [snapshot, model]);
  const marked = useMemo(() => highlightMatcher(highlight), [highlight]);
  return (
    <div className="kp-dgt" data-testid="diagram-table" role="region" aria-label="Cluster state" tabIndex={0}>
      <p className="kp-dgt-summary">{summary(model)}{containers.length > 0 ? ` ${containerSummary(containers, words)}` : ''}</p>
      <ServicesTable services={model.services} highlighted={marked.has} word={words.highlighted} />
      {model.hosts.map((host) => (
        <Fragment key={host.id}>
          <HostSection host={host} highlighted={marked.has} word={words.highlighted} />
          <ContainerSection host={host.name} containers={containers.filter((c) => c.host === host.name)} words={words} />
        </Fragment>
      ))}
      {flows.length > 0 && (
        <ul className="kp-dgt-flows" aria-label={words.flows}>
          {flows.map((f) => <li key={f.id} data-id={f.id}>{f.ariaLabel ?? `${f.source} → ${f.target}`}</li>)}
        </ul>
      )}
      {model.unscheduled.length > 0 && (
        <PodSection title={PENDING_LANE_TITLE} pods={model.unscheduled} id="lane/pending" highlighted={marked.has} word={words.highlighted} />
      )}
      <WorkloadsTable workloads={model.workloads} />
      {model.overlays.length > 0 && (
        <ul className="kp-dgt-overlays">
          {model.overlays.map((o) => <li key={o.id} data-id={o.id}>{`${o.label}: ${o.from} ↔ ${o.to}`}</li>)}
        </ul>
      )}
      <PacketsList packets={packets} />
    </div>
  );
}

interface Marking {
  readonly highlighted: (id: string) => boolean;
  /** "highlighted", in the page's language. */
  readonly word: string;
}

export function summary(model: DiagramModel): string {
  const members = model.hosts.filter((h) => h.membership === 'member');
  const ready = members.filter((h) => h.ready).length;
  const pods = model.hosts.reduce((n, h) => n + h.controlPlane.length + h.pods.length, 0) + model.unscheduled.length;
  if (members.length === 0) return `${count(model.hosts.length, 'machine')}, no cluster yet.`;
  const parts = [`${count(members.length, 'node')} (${ready} Ready)`, count(pods, 'pod')];
  if (model.unscheduled.length > 0) parts.push(`${model.unscheduled.length} not scheduled`);
  return `${parts.join(', ')}.`;
}

function HostSection({ host, highlighted, word }: { readonly host: HostView } & Marking) {
  const badge = host.membership === 'member' ? (host.status ?? 'Unknown') : host.membership === 'none' ? 'not in a cluster' : 'not registered yet';
  const category: PodCategory = host.membership !== 'member' ? 'pending' : host.ready ? 'ready' : 'running';
  const details = [host.ip, host.role].filter((d) => d !== undefined).join(' · ');
  const pods = [...host.controlPlane, ...host.pods];
  const title = (
    <>
      <span className="kp-dgt-name">{host.name}</span>
      {details !== '' && <span className="kp-dgt-details">{details}</span>}
      <Status category={category} text={badge} />
      {highlighted(host.id) && <span className="kp-dgt-hl">★ {word}</span>}
    </>
  );
  if (host.membership !== 'member') {
    return (
      <section className="kp-dgt-host" data-id={host.id}>
        <h3>{title}</h3>
      </section>
    );
  }
  return <PodSection title={title} pods={pods} id={host.id} caption={`Pods on ${host.name}`} highlighted={highlighted} word={word} />;
}

interface PodSectionProps extends Marking {
  readonly title: ReactNode;
  readonly pods: readonly PodView[];
  readonly id: string;
  readonly caption?: string;
}

function PodSection({ title, pods, id, caption, highlighted, word }: PodSectionProps) {
  const headingId = useId();
  return (
    <section className="kp-dgt-host" data-id={id} aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {pods.length === 0 ? (
        <p className="kp-dgt-empty">No pods.</p>
      ) : (
        <table className="kp-dgt-table">
          <caption className="kp-dgt-sr">{caption ?? (typeof title === 'string' ? title : 'Pods')}</caption>
          <thead>
            <tr>
              <th scope="col">Pod</th>
              <th scope="col">Status</th>
              <th scope="col">Ready</th>
              <th scope="col">IP</th>
            </tr>
          </thead>
          <tbody>
            {pods.map((pod) => (
              <tr key={pod.id} data-id={pod.id}>
                <th scope="row">
                  <span className="kp-dgt-pod">{pod.name}</span>
                  <span className="kp-dgt-ns">{podDetails(pod)}</span>
                  {highlighted(pod.id) && <span className="kp-dgt-hl">★ {word}</span>}
                </th>
                <td><Status category={pod.category} text={pod.restarts > 0 ? `${pod.status} (${count(pod.restarts, 'restart')})` : pod.status} /></td>
                <td>{pod.ready}</td>
                <td>{pod.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Under a pod's name: its namespace and what it is (a component, its workload). */
function podDetails(pod: PodView): string {
  if (pod.component !== undefined) return `${pod.namespace} · ${COMPONENT_TITLES[pod.component]}`;
  if (pod.workload !== undefined) return `${pod.namespace} · ${pod.workload.name} ${pod.workload.kind}`;
  return pod.namespace;
}

/** "5 containers, 5 running." */
export function containerSummary(containers: readonly ContainerInput[], words: DiagramWords): string {
  return words.running(containers.length, containers.filter((c) => c.status === 'Up').length);
}

function ContainerSection({ host, containers, words }: { readonly host: string; readonly containers: readonly ContainerInput[]; readonly words: DiagramWords }) {
  if (containers.length === 0) return null;
  return (
    <section className="kp-dgt-host" data-id={`containers/${host}`}>
      <table className="kp-dgt-table">
        <caption>{words.containersCaption(host)}</caption>
        <thead>
          <tr>
            <th scope="col">{words.containerColumn}</th>
            <th scope="col">{words.status}</th>
            <th scope="col">IP</th>
            <th scope="col">{words.portsColumn}</th>
          </tr>
        </thead>
        <tbody>
          {containers.map((c) => (
            <tr key={c.name} data-id={`container/${host}/${c.name}`}>
              <th scope="row">
                <span className="kp-dgt-pod">{c.name}</span>
                {c.service !== undefined && <span className="kp-dgt-ns">{words.service(c.service)}</span>}
              </th>
              <td><Status category={c.category} text={c.status} /></td>
              <td>{c.ip === undefined || c.ip === '' ? '—' : c.ip}</td>
              <td>{c.ports === undefined || c.ports === '' ? '—' : c.ports}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Status({ category, text }: { readonly category: PodCategory; readonly text: string }) {
  return (
    <span className={`kp-dgt-status kp-dg-cat-${category}`}>
      <span aria-hidden="true">{CATEGORY_STYLES[category].glyph} </span>
      {text}
    </span>
  );
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
