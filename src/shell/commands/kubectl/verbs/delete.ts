/**
 * kubectl delete: by type and names, TYPE/NAME, label selector, --all, or -f manifests. Prints
 * `pod "web" deleted` as each DELETE returns, then waits, as kubectl does by default (--wait),
 * until the objects are really gone: a pod on a node first terminates for its grace period.
 * --cascade picks the propagation policy (orphan leaves the dependents without their owner).
 */
import { deleteWithPropagation, parseSelector, type PropagationPolicy, type ResourceType, type Selector, type Stored } from '../../../../engine';
import { sleep, type Program } from '../../../types';
import { flagBool, flagInt, flagString, flagStrings } from '../flags';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';
import { readManifests } from '../manifests';
import { kindPrefix, parseResourceArgs, resourceKey } from '../resources';
import { FILENAME_FLAG, prepare } from './apply';
import { noResources } from './get';

const WAIT_POLL_MS = 200;

interface Target {
  readonly type: ResourceType;
  readonly obj: Stored;
}

function* run(inv: Invocation): Program {
  const files = flagStrings(inv.flags, 'filename');
  if (inv.args.length === 0 && files.length === 0) {
    inv.err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
    return 1;
  }
  const cascade = cascadeOf(inv);
  if (typeof cascade !== 'string') return fail(inv, cascade.error);
  const manifests = files.length > 0 ? yield* readManifests(inv, files, flagBool(inv.flags, 'recursive')) : undefined;
  if (manifests && !manifests.ok) return fail(inv, manifests.error);
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const all = flagBool(inv.flags, 'all');
  const allNamespaces = flagBool(inv.flags, 'all-namespaces');
  let selector: Selector | undefined;
  const selectorText = flagString(inv.flags, 'selector');
  if (selectorText !== undefined) {
    const sel = parseSelector(selectorText);
    if (!sel.ok) return fail(inv, sel.error);
    selector = sel.selector;
  }
  const namespace = allNamespaces ? undefined : conn.settings.namespace;
  const targets: Target[] = [];
  const errors: string[] = [];
  if (manifests) {
    for (const m of manifests.objects) {
      const p = prepare(inv, conn, m, 'deleting');
      if (typeof p === 'string') {
        errors.push(p);
        continue;
      }
      const obj = conn.store.get(p.type, p.namespace, p.name);
      if (obj) targets.push({ type: p.type, obj });
      else errors.push(`Error from server (NotFound): error when deleting "${m.source}": ${resourceKey(p.type)} "${p.name}" not found`);
    }
  } else {
    const parsed = parseResourceArgs(inv.args);
    if (!parsed.ok) return fail(inv, parsed.error);
    for (const req of parsed.requests) {
      const ns = req.type.namespaced ? namespace : undefined;
      if (req.names.length === 0) {
        if (!all && !selector) return fail(inv, 'resource(s) were provided, but no name was specified');
        targets.push(...conn.store.list(req.type, { namespace: ns, selector }).map((obj) => ({ type: req.type, obj })));
        continue;
      }
      if (selector) return fail(inv, 'name cannot be provided when a selector is specified');
      for (const name of req.names) {
        const obj = conn.store.get(req.type, ns ?? conn.settings.namespace, name);
        if (obj) targets.push({ type: req.type, obj });
        else if (!flagBool(inv.flags, 'ignore-not-found')) errors.push(`Error from server (NotFound): ${resourceKey(req.type)} "${name}" not found`);
      }
    }
    if (targets.length === 0 && errors.length === 0 && !flagBool(inv.flags, 'ignore-not-found')) inv.err(noResources(parsed.requests.every((r) => !r.type.namespaced) || allNamespaces ? undefined : namespace));
  }
  const force = flagBool(inv.flags, 'force');
  let grace = flagInt(inv.flags, 'grace-period');
  if (flagBool(inv.flags, 'now')) grace = 1;
  if (force && grace === undefined) grace = 0;
  if (grace === 0 && !force) grace = 1;
  if (force && grace === 0) {
    inv.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  }
  const deleted: Target[] = [];
  for (const t of targets) {
    yield sleep(3);
    const result = force && grace === 0
      ? conn.store.remove(t.type, t.obj.metadata.namespace, t.obj.metadata.name, 'user:kubectl')
      : deleteWithPropagation(conn.store, t.type, t.obj.metadata.namespace, t.obj.metadata.name, 'user:kubectl', {
        propagationPolicy: POLICIES[cascade], ...(grace !== undefined && grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      });
    if (!result.ok) {
      errors.push(result.error.toKubectl());
      continue;
    }
    const shown = t.type.group ? kindPrefix(t.type) : t.type.singular;
    inv.out(`${shown} "${t.obj.metadata.name}" ${force && grace === 0 ? 'force deleted' : 'deleted'}\n`);
    deleted.push(t);
  }
  if (inv.flags.values.get('wait') !== false) {
    // kubectl waits until each object (this uid) is gone.
    while (deleted.some((t) => conn.store.get(t.type, t.obj.metadata.namespace, t.obj.metadata.name)?.metadata.uid === t.obj.metadata.uid)) {
      yield sleep(WAIT_POLL_MS);
    }
  }
  for (const e of errors) inv.err(`${e}\n`);
  return errors.length > 0 ? 1 : 0;
}

const POLICIES: Readonly<Record<Cascade, PropagationPolicy>> = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan' };

type Cascade = 'background' | 'foreground' | 'orphan';

/** --cascade, with the deprecated boolean values mapped (and warned about) as kubectl does. */
function cascadeOf(inv: Invocation): Cascade | { error: string } {
  const v = flagString(inv.flags, 'cascade') ?? 'background';
  if (v === 'background' || v === 'foreground' || v === 'orphan') return v;
  const b = ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v) ? true : ['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v) ? false : undefined;
  if (b === undefined) return { error: `invalid cascade value (${v}). Must be "background", "foreground", or "orphan".` };
  const mapped = b ? 'background' : 'orphan';
  inv.err(`warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=${mapped}.\n`);
  return mapped;
}

export const del: Verb = {
  name: 'delete',
  summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  help: [
    'Delete resources by file names, stdin, resources and names, or by resources and label selector.',
    '',
    ' Pods are deleted gracefully: they get their grace period (30 seconds by default) to stop, and kubectl waits until they',
    'are gone. Deleting a controller (deployment, daemon set...) deletes what it owns.',
    '',
    'Examples:',
    '  # Delete a pod; its deployment, if any, will replace it',
    '  kubectl delete pod web-7c8bbcd9bc-x2x7q',
    '  ',
    '  # Delete what a manifest created',
    '  kubectl delete -f ./pod.json',
    '  ',
    '  # Delete pods by label',
    '  kubectl delete pods -l app=rng',
    '  ',
    '  # Delete a deployment but keep its replica set and pods running',
    '  kubectl delete deployment web --cascade=orphan',
  ].join('\n'),
  flags: [
    FILENAME_FLAG,
    { name: 'all', kind: 'bool', description: 'Delete all resources, in the namespace of the specified resource types.', defaultText: 'false' },
    { name: 'all-namespaces', short: 'A', kind: 'bool', description: 'If present, list the requested object(s) across all namespaces.', defaultText: 'false' },
    { name: 'selector', short: 'l', kind: 'string', description: 'Selector (label query) to filter on.', defaultText: "''" },
    { name: 'grace-period', kind: 'int', description: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative.', defaultText: '-1' },
    { name: 'force', kind: 'bool', description: 'If true, immediately remove resources from API and bypass graceful deletion.', defaultText: 'false' },
    { name: 'now', kind: 'bool', description: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).', defaultText: 'false' },
    { name: 'wait', kind: 'bool', description: 'If true, wait for resources to be gone before returning.', defaultText: 'true' },
    { name: 'recursive', short: 'R', kind: 'bool', description: 'Process the directory used in -f, --filename recursively.', defaultText: 'false' },
    { name: 'cascade', kind: 'string', description: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController).', defaultText: "'background'", values: ['background', 'orphan', 'foreground'] },
    { name: 'ignore-not-found', kind: 'bool', description: 'Treat "resource not found" as a successful delete.', defaultText: 'false' },
  ],
  run,
};
