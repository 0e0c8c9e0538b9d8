/**
 * kubectl rollout history and undo, from the history the controllers keep: a deployment's
 * ReplicaSets (revision annotation, the template each ran) and a daemon set's
 * ControllerRevisions. history prints the REVISION / CHANGE-CAUSE table or one revision's pod
 * template; undo copies an old template back (`deployment.apps/web rolled back`), as
 * polymorphichelpers' rollbackers do on the client.
 */
import { controllerOf, deepClone, deepEqual, mustResolve, type Deployment, type ReplicaSet, type Stored } from '../../../../engine';
import { tabwrite } from '../../../format/tabwriter';
import type { ApiConnection } from '../client';
import { describePodTemplate } from '../printers/describe/workloads';
import { DescribeWriter } from '../printers/describe/writer';
import { kindPrefix } from '../resources';
import type { Target } from './targets';

type Template = NonNullable<Deployment['spec']>['template'];

interface Revision {
  readonly revision: number;
  readonly template: Template | undefined;
  readonly annotations: Readonly<Record<string, string>>;
}

const REPLICASETS = mustResolve('replicasets');
const REVISIONS = mustResolve('controllerrevisions');
const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const HASH_LABEL = 'pod-template-hash';

/** Revisions of a deployment or daemon set, oldest first; undefined for kinds without history. */
export function revisionsOf(conn: ApiConnection, t: Target): Revision[] | undefined {
  const owned = (list: readonly Stored[]) => list.filter((o) => controllerOf(o)?.uid === t.obj.metadata.uid);
  switch (t.obj.kind) {
    case 'Deployment':
      return owned(conn.store.list(REPLICASETS, { namespace: t.obj.metadata.namespace }))
        .map((rs) => ({ revision: Number(rs.metadata.annotations?.[REVISION] ?? '0'), template: (rs as Stored<ReplicaSet>).spec?.template, annotations: rs.metadata.annotations ?? {} }))
        .filter((r) => r.revision > 0)
        .sort((a, b) => a.revision - b.revision);
    case 'DaemonSet':
      return owned(conn.store.list(REVISIONS, { namespace: t.obj.metadata.namespace }))
        .map((cr) => {
          const c = cr as Stored & { revision?: number; data?: { spec?: { template?: Record<string, unknown> } } };
          const { $patch: _, ...template } = c.data?.spec?.template ?? {};
          return { revision: c.revision ?? 0, template: template as Template, annotations: cr.metadata.annotations ?? {} };
        })
        .sort((a, b) => a.revision - b.revision);
    default:
      return undefined;
  }
}

/** `rollout history`: the table, or one revision's template; an error line for unknown revisions. */
export function historyText(conn: ApiConnection, t: Target, revision: number): { text: string } | { error: string } {
  const revisions = revisionsOf(conn, t);
  if (!revisions) return { error: `no history viewer has been implemented for "${t.obj.kind}"` };
  const head = `${kindPrefix(t.type)}/${t.obj.metadata.name}`;
  if (revision > 0) {
    const r = revisions.find((x) => x.revision === revision);
    if (!r) return { error: 'unable to find the specified revision' };
    const w = new DescribeWriter();
    describePodTemplate(w, r.template);
    return { text: `${head} with revision #${revision}\n${w.raw()}\n` };
  }
  if (revisions.length === 0) return { text: `${head} \nNo rollout history found.\n` };
  const rows = revisions.map((r) => `${r.revision}\t${r.annotations[CHANGE_CAUSE] || '<none>'}\n`);
  return { text: `${head} \n${tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, { minWidth: 0, padding: 2 })}\n` };
}

/** Annotations a rollback keeps from the deployment instead of taking them from the old ReplicaSet. */
const KEEP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration', REVISION, 'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to',
]);

function withoutHash(template: Template | undefined): Template | undefined {
  if (!template?.metadata?.labels?.[HASH_LABEL]) return template;
  const copy = deepClone(template);
  delete (copy.metadata!.labels as Record<string, string>)[HASH_LABEL];
  return copy;
}

export type Rollback =
  | { readonly kind: 'updated'; readonly object: Stored }
  | { readonly kind: 'skipped'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

/** The object undo would write, or why it writes nothing. */
export function rollback(conn: ApiConnection, t: Target, toRevision: number): Rollback {
  const revisions = revisionsOf(conn, t);
  if (!revisions) return { kind: 'error', message: `no rollbacker has been implemented for "${t.obj.kind}"` };
  const obj = t.obj as Stored<Deployment>;
  const name = obj.metadata.name;
  if (t.obj.kind === 'Deployment' && obj.spec?.paused) {
    return { kind: 'error', message: `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again` };
  }
  let target: Revision | undefined;
  if (toRevision > 0) {
    target = revisions.find((r) => r.revision === toRevision);
    if (!target) return { kind: 'error', message: `unable to find specified revision ${toRevision} in history` };
  } else {
    target = revisions.length >= 2 ? revisions[revisions.length - 2] : undefined;
    if (!target) return { kind: 'error', message: t.obj.kind === 'Deployment' ? `no rollout history found for deployment "${name}"` : `no last revision to roll back to` };
  }
  const template = t.obj.kind === 'Deployment' ? withoutHash(target.template) : target.template;
  const current = obj.spec?.template;
  const same = t.obj.kind === 'Deployment' ? deepEqual(withoutHash(current), template) : deepEqual(current, template);
  if (same) return { kind: 'skipped', message: `skipped rollback (current template already matches revision ${target.revision})` };
  const next = deepClone(obj) as Stored<Deployment> & { spec: NonNullable<Deployment['spec']> };
  next.spec.template = deepClone(template)!;
  if (t.obj.kind === 'Deployment') {
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(obj.metadata.annotations ?? {})) if (KEEP.has(k)) annotations[k] = v;
    for (const [k, v] of Object.entries(target.annotations)) if (!KEEP.has(k)) annotations[k] = v;
    const meta = next.metadata as { annotations?: Record<string, string> };
    if (Object.keys(annotations).length > 0) meta.annotations = annotations;
    else delete meta.annotations;
  }
  return { kind: 'updated', object: next };
}
