/**
 * kubectl rollout status: prints the status viewer's line for the object as listed, then again
 * for every change the watch delivers (so a line may repeat, as it does for real), until the
 * rollout is complete, --timeout passes, or Ctrl+C. Lines follow polymorphichelpers'
 * DeploymentStatusViewer and DaemonSetStatusViewer.
 */
import { resourceKey, type DaemonSet, type Deployment, type Stored, type WatchEvent } from '../../../../engine';
import { sleep, type Effect } from '../../../types';
import type { ApiConnection } from '../client';
import type { Invocation } from '../invocation';
import type { Target } from './targets';

const POLL_MS = 100;

type Viewed = { readonly line: string; readonly done: boolean } | { readonly error: string };

export function statusOf(obj: Stored, revision: number): Viewed {
  switch (obj.kind) {
    case 'Deployment': return deploymentStatus(obj as Stored<Deployment>, revision);
    case 'DaemonSet': return daemonSetStatus(obj as Stored<DaemonSet>);
    default: return { error: `no status viewer has been implemented for ${obj.kind}` };
  }
}

function deploymentStatus(d: Stored<Deployment>, revision: number): Viewed {
  const name = d.metadata.name;
  if (revision > 0) {
    const running = Number(d.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '0');
    if (running !== revision) return { error: `desired revision (${revision}) is different from the running revision (${running})` };
  }
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return { line: 'Waiting for deployment spec update to be observed...\n', done: false };
  const progressing = st.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { error: `deployment "${name}" exceeded its progress deadline` };
  const want = d.spec?.replicas ?? 1;
  const updated = st.updatedReplicas ?? 0;
  const total = st.replicas ?? 0;
  const available = st.availableReplicas ?? 0;
  const waiting = `Waiting for deployment "${name}" rollout to finish: `;
  if (updated < want) return { line: `${waiting}${updated} out of ${want} new replicas have been updated...\n`, done: false };
  if (total > updated) return { line: `${waiting}${total - updated} old replicas are pending termination...\n`, done: false };
  if (available < updated) return { line: `${waiting}${available} of ${updated} updated replicas are available...\n`, done: false };
  return { line: `deployment "${name}" successfully rolled out\n`, done: true };
}

function daemonSetStatus(ds: Stored<DaemonSet>): Viewed {
  const name = ds.metadata.name;
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return { error: 'rollout status is only available for RollingUpdate strategy type' };
  const st = ds.status;
  if ((ds.metadata.generation ?? 0) > (st?.observedGeneration ?? 0)) return { line: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = st?.desiredNumberScheduled ?? 0;
  const waiting = `Waiting for daemon set "${name}" rollout to finish: `;
  if ((st?.updatedNumberScheduled ?? 0) < desired) return { line: `${waiting}${st?.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
  if ((st?.numberAvailable ?? 0) < desired) return { line: `${waiting}${st?.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
  return { line: `daemon set "${name}" successfully rolled out\n`, done: true };
}

/** Go's time.ParseDuration for --timeout ("0s", "90s", "2m", "1m30s"); undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  if (/^0+$/.test(text)) return 0;
  const unit: Record<string, number> = { ms: 1, s: 1e3, m: 6e4, h: 3.6e6 };
  let total = 0;
  let rest = text;
  while (rest !== '') {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)/.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * unit[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return text === '' ? undefined : Math.round(total);
}

/** Follows one object until its rollout completes; the exit code. */
export function* watchStatus(inv: Invocation, conn: ApiConnection, t: Target, opts: { watch: boolean; timeoutMs: number; revision: number }): Generator<Effect, number, unknown> {
  const key = resourceKey(t.type);
  const seen: (Stored | undefined)[] = [t.obj];
  const stop = conn.store.watch((e: WatchEvent) => {
    if (e.resource === key && e.object.metadata.name === t.obj.metadata.name && e.object.metadata.namespace === t.obj.metadata.namespace) {
      seen.push(e.type === 'DELETED' ? undefined : e.object);
    }
  });
  try {
    let waited = 0;
    for (;;) {
      while (seen.length > 0) {
        const obj = seen.shift();
        if (!obj) {
          inv.err(`error: object has been deleted\n`);
          return 1;
        }
        const v = statusOf(obj, opts.revision);
        if ('error' in v) {
          inv.err(`error: ${v.error}\n`);
          return 1;
        }
        inv.out(v.line);
        if (v.done || !opts.watch) return 0;
      }
      if (opts.timeoutMs > 0 && waited >= opts.timeoutMs) {
        inv.err('error: timed out waiting for the condition\n');
        return 1;
      }
      yield sleep(POLL_MS);
      waited += POLL_MS;
    }
  } finally {
    stop();
  }
}
