/**
 * The table view's Services (with their endpoints), workloads (with their ReplicaSets during a
 * rollout) and the packets that just crossed the pod network: the same facts the picture draws as
 * the Services lane, workload boxes and moving dots, read from the same model.
 */
import { useId } from 'react';
import type { PacketView } from './packets';
import { endpointSummary, type EndpointView, type ServiceView } from './services';
import { workloadLabel, type WorkloadView } from './workloads';

/** Endpoints listed per Service before "+ N more" (kubectl describe stops after three; a table can hold more). */
export const ENDPOINTS_LISTED = 8;

function podName(target: string | undefined): string | undefined {
  return target?.startsWith('pod/') === true ? target.slice(target.lastIndexOf('/') + 1) : undefined;
}

function endpointText(e: EndpointView): string {
  const name = podName(e.target);
  const where = e.ports === '' ? e.ip : `${e.ip}:${e.ports.split(',')[0]}`;
  return `${where}${name === undefined ? '' : ` → ${name}`}${e.ready ? '' : ' (not ready)'}`;
}

function Highlighted({ on, word }: { readonly on: boolean; readonly word: string }) {
  return on ? <span className="kp-dgt-hl">★ {word}</span> : null;
}

export function ServicesTable({ services, highlighted, word }: {
  readonly services: readonly ServiceView[];
  readonly highlighted: (id: string) => boolean;
  readonly word: string;
}) {
  const headingId = useId();
  if (services.length === 0) return null;
  return (
    <section className="kp-dgt-host" data-id="lane/services" aria-labelledby={headingId}>
      <h3 id={headingId}>Services</h3>
      <table className="kp-dgt-table kp-dgt-wide">
        <caption className="kp-dgt-sr">Services and the pods behind them</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Type</th>
            <th scope="col">Cluster-IP</th>
            <th scope="col">Port(s)</th>
            <th scope="col">Endpoints</th>
          </tr>
        </thead>
        <tbody>
          {services.map((svc) => {
            const listed = svc.endpoints.slice(0, ENDPOINTS_LISTED);
            const more = svc.endpoints.length - listed.length;
            return (
              <tr key={svc.id} data-id={svc.id}>
                <th scope="row">
                  <span className="kp-dgt-pod">{svc.name}</span>
                  <span className="kp-dgt-ns">{svc.namespace}</span>
                  <Highlighted on={highlighted(svc.id)} word={word} />
                </th>
                <td>{svc.type}</td>
                <td>{svc.type === 'ExternalName' ? (svc.externalName ?? '<none>') : svc.clusterIP}</td>
                <td>{svc.ports}</td>
                <td>
                  {listed.length === 0 ? endpointSummary(svc) : (
                    <ul className="kp-dgt-endpoints" aria-label={endpointSummary(svc)}>
                      {listed.map((e) => <li key={`${e.ip}/${e.target ?? ''}`}>{endpointText(e)}</li>)}
                      {more > 0 && <li>{`+ ${more} more`}</li>}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function revisionsText(w: WorkloadView): string {
  if (!w.rolling) return w.revisions[0]?.revision === undefined ? '—' : `rev ${w.revisions[0].revision}`;
  return w.revisions
    .map((r) => `${r.current ? 'new' : 'old'} ${r.replicaSet}${r.revision === undefined ? '' : ` (rev ${r.revision})`}: ${r.pods}`)
    .join(', ');
}

export function WorkloadsTable({ workloads }: { readonly workloads: readonly WorkloadView[] }) {
  const headingId = useId();
  if (workloads.length === 0) return null;
  return (
    <section className="kp-dgt-host" data-id="workloads" aria-labelledby={headingId}>
      <h3 id={headingId}>Workloads</h3>
      <table className="kp-dgt-table kp-dgt-wide">
        <caption className="kp-dgt-sr">Deployments, DaemonSets and other workloads with their pods</caption>
        <thead>
          <tr>
            <th scope="col">Workload</th>
            <th scope="col">Pods (ready)</th>
            <th scope="col">ReplicaSets</th>
          </tr>
        </thead>
        <tbody>
          {workloads.map((w) => (
            <tr key={w.key} data-id={`workload/${w.key}`}>
              <th scope="row">
                <span className="kp-dgt-pod">{workloadLabel(w)}</span>
                <span className="kp-dgt-ns">{w.namespace}</span>
              </th>
              <td>{`${w.pods} ${w.pods === 1 ? 'pod' : 'pods'} (${w.ready} ready)`}</td>
              <td>{w.rolling ? `rolling update: ${revisionsText(w)}` : revisionsText(w)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function PacketsList({ packets }: { readonly packets: readonly PacketView[] }) {
  if (packets.length === 0) return null;
  const name = (id: string) => id.replace(/^pod\//, 'pod ').replace(/^node\//, 'node ');
  return (
    <ul className="kp-dgt-packets" aria-label="Packets crossing the pod network just now">
      {packets.map((p) => (
        <li key={p.id} data-id={p.id}>{`${p.label}: ${name(p.source)} (${p.sourceHost}) → ${name(p.target)} (${p.targetHost})`}</li>
      ))}
    </ul>
  );
}
