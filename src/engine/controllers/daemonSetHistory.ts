/**
 * A DaemonSet's history as ControllerRevisions (what `kubectl rollout history ds` reads): one
 * revision per distinct template, named `<daemonset>-<hash>`, holding the template as a patch; the
 * current one always has the highest revision number; revisionHistoryLimit trims unused old ones.
 */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { DaemonSet, Pod, Stored } from '../api/types';
import { canonicalJson, podTemplateHash } from '../api/names';
import { R, type ControllerContext } from './context';
import { byCreation, controllerRefTo } from './podUtil';
import { DS_LABEL } from './daemonSetPods';

export interface DaemonSetHistory {
  readonly hash: string;
  readonly current: Stored<ControllerRevision> | undefined;
  readonly old: readonly Stored<ControllerRevision>[];
}

/** The data a revision stores: getPatch's `{"spec":{"template":{..., "$patch":"replace"}}}`. */
function patchOf(ds: DaemonSet): object {
  return { spec: { template: { ...ds.spec?.template, $patch: 'replace' } } };
}

export function constructHistory(ctx: ControllerContext, ds: Stored<DaemonSet>, actor: string): DaemonSetHistory {
  const hash = podTemplateHash(ds.spec?.template, ds.status?.collisionCount ?? 0);
  const patch = canonicalJson(patchOf(ds));
  const all = ctx.index.controlled<ControllerRevision>(R.controllerrevisions, ds.metadata.uid).sort(byCreation);
  const currents = all.filter((cr) => canonicalJson(cr.data) === patch);
  const old = all.filter((cr) => !currents.includes(cr));
  const next = old.reduce((max, cr) => Math.max(max, cr.revision), 0) + 1;
  let current = currents[0];
  if (!current) {
    const created = ctx.store.create<ControllerRevision>(R.controllerrevisions, {
      metadata: {
        name: `${ds.metadata.name}-${hash}`,
        namespace: ds.metadata.namespace ?? 'default',
        labels: { ...ds.spec?.template?.metadata?.labels, [DS_LABEL.hash]: hash },
        ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
        ownerReferences: [controllerRefTo(ds)],
      },
      data: patchOf(ds),
      revision: next,
    }, actor);
    current = created.ok ? created.value : undefined;
  } else if (current.revision < next) {
    const updated = ctx.store.mutate<ControllerRevision>(R.controllerrevisions, current.metadata.namespace, current.metadata.name, actor, (draft) => {
      draft.revision = next;
    });
    if (updated.ok) current = updated.value;
  }
  const hashOfCurrent = current?.metadata.labels?.[DS_LABEL.hash] ?? hash;
  return { hash: hashOfCurrent, current, old: [...old, ...currents.slice(1)] };
}

/** cleanupHistory: keep revisionHistoryLimit old revisions, never one a live pod still runs. */
export function cleanupHistory(ctx: ControllerContext, ds: Stored<DaemonSet>, history: DaemonSetHistory, pods: readonly Stored<Pod>[], actor: string): void {
  const limit = ds.spec?.revisionHistoryLimit ?? 10;
  const toKill = history.old.length - limit;
  if (toKill <= 0) return;
  const live = new Set(pods.map((p) => p.metadata.labels?.[DS_LABEL.hash]).filter((h) => h !== undefined));
  let killed = 0;
  for (const cr of [...history.old].sort((a, b) => a.revision - b.revision)) {
    if (killed >= toKill) break;
    if (live.has(cr.metadata.labels?.[DS_LABEL.hash] ?? '')) continue;
    if (ctx.store.delete(R.controllerrevisions, cr.metadata.namespace, cr.metadata.name, actor).ok) killed++;
  }
}
