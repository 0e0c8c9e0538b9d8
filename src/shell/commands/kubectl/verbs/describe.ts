/**
 * kubectl describe: one or many objects (exact names, else names starting with the given prefix,
 * as describe's fallback search does; all objects when no name is given), separated by two blank
 * lines. Pods and nodes have their dedicated layouts; other kinds the generic one.
 */
import {
  controllerOf, mustResolve, parseSelector, type ConfigMap, type DaemonSet, type Deployment, type Endpoints, type Event, type Namespace, type Node, type Pod,
  type ReplicaSet, type Secret, type Selector, type Service, type Stored,
} from '../../../../engine';
import type { Program } from '../../../types';
import type { ApiConnection } from '../client';
import { flagBool, flagString } from '../flags';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';
import { describeConfigMap, describeEndpoints, describeNamespace, describeSecret } from '../printers/describe/config';
import { eventsAbout } from '../printers/describe/events';
import { describeGeneric } from '../printers/describe/generic';
import { describeJob } from '../printers/describe/job';
import { describeNode } from '../printers/describe/node';
import { describePod } from '../printers/describe/pod';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeService } from '../printers/describe/workloads';
import { parseResourceArgs, resourceKey } from '../resources';
import { noResources } from './get';

const EVENTS = mustResolve('events');
const PODS = mustResolve('pods');
const LEASES = mustResolve('leases');
const ENDPOINTS = mustResolve('endpoints');
const REPLICASETS = mustResolve('replicasets');

export function describeObject(conn: ApiConnection, obj: Stored, now: number, showEvents = true): string {
  const store = conn.store;
  const nsEvents = () => eventsAbout(store.list<Event>(EVENTS, { namespace: obj.metadata.namespace }), obj);
  switch (obj.kind) {
    case 'Pod':
      return describePod(obj as Stored<Pod>, showEvents ? nsEvents() : undefined, now);
    case 'Node': {
      const pods = store.list<Pod>(PODS).filter((p) => p.spec?.nodeName === obj.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
      const lease = store.get(LEASES, 'kube-node-lease', obj.metadata.name);
      const events = showEvents ? eventsAbout(store.list<Event>(EVENTS), obj) : undefined;
      return describeNode({ node: obj as Stored<Node>, pods, lease, events, now });
    }
    case 'Service':
      return describeService(obj as Stored<Service>, store.get<Endpoints>(ENDPOINTS, obj.metadata.namespace, obj.metadata.name), showEvents ? nsEvents() : undefined, now);
    case 'Deployment':
      return describeDeployment(obj as Stored<Deployment>, store.list<ReplicaSet>(REPLICASETS, { namespace: obj.metadata.namespace }), showEvents ? nsEvents() : undefined, now);
    case 'ReplicaSet':
    case 'DaemonSet': {
      const pods = store.list<Pod>(PODS, { namespace: obj.metadata.namespace }).filter((p) => controllerOf(p)?.uid === obj.metadata.uid);
      return obj.kind === 'ReplicaSet'
        ? describeReplicaSet(obj as Stored<ReplicaSet>, pods, showEvents ? nsEvents() : undefined, now)
        : describeDaemonSet(obj as Stored<DaemonSet>, pods, showEvents ? nsEvents() : undefined, now);
    }
    case 'Namespace':
      return describeNamespace(obj as Stored<Namespace>);
    case 'ConfigMap':
      return describeConfigMap(obj as Stored<ConfigMap>, showEvents ? nsEvents() : undefined, now);
    case 'Secret':
      return describeSecret(obj as Stored<Secret>);
    case 'Endpoints':
      return describeEndpoints(obj as Stored<Endpoints>, showEvents ? nsEvents() : undefined, now);
    case 'Job':
      return describeJob(obj, showEvents ? nsEvents() : undefined, now);
    default:
      return describeGeneric(obj, showEvents ? nsEvents() : undefined, now);
  }
}

function* run(inv: Invocation): Program {
  if (inv.args.length === 0) {
    return fail(inv, 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const parsed = parseResourceArgs(inv.args, false);
  if (!parsed.ok) return fail(inv, parsed.error);
  let selector: Selector | undefined;
  const selectorText = flagString(inv.flags, 'selector');
  if (selectorText !== undefined) {
    const sel = parseSelector(selectorText);
    if (!sel.ok) return fail(inv, sel.error);
    selector = sel.selector;
  }
  const allNamespaces = flagBool(inv.flags, 'all-namespaces');
  const namespace = allNamespaces ? undefined : conn.settings.namespace;
  const showEvents = inv.flags.values.get('show-events') !== false;
  const found: Stored[] = [];
  const errors: string[] = [];
  for (const req of parsed.requests) {
    const ns = req.type.namespaced ? namespace : undefined;
    if (req.names.length === 0) {
      found.push(...conn.store.list(req.type, { namespace: ns, selector }));
      continue;
    }
    for (const name of req.names) {
      const exact = conn.store.get(req.type, ns ?? conn.settings.namespace, name);
      if (exact) {
        found.push(exact);
        continue;
      }
      const prefixed = conn.store.list(req.type, { namespace: ns, selector }).filter((o) => o.metadata.name.startsWith(name));
      if (prefixed.length > 0) found.push(...prefixed);
      else errors.push(`Error from server (NotFound): ${resourceKey(req.type)} "${name}" not found`);
    }
  }
  const now = inv.now();
  found.forEach((obj, i) => inv.out(`${i > 0 ? '\n\n' : ''}${describeObject(conn, obj, now, showEvents)}`));
  if (found.length === 0 && errors.length === 0) {
    const clusterScoped = parsed.requests.every((r) => !r.type.namespaced);
    inv.err(noResources(allNamespaces || clusterScoped ? undefined : namespace));
  }
  for (const e of errors) inv.err(`${e}\n`);
  return errors.length > 0 ? 1 : 0;
}

export const describe: Verb = {
  name: 'describe',
  summary: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  help: [
    'Show details of a specific resource or group of resources.',
    '',
    ' Prints a detailed description of the selected resources, including related resources such as events or controllers.',
    'You may select a single object by name, all objects of that type, objects whose names start with a prefix, or objects',
    'matching a label selector.',
    '',
    'Examples:',
    '  # A node, with its pods and what they request',
    '  kubectl describe node node1',
    '  ',
    '  # Every pod whose name starts with "coredns", in kube-system',
    '  kubectl describe pods coredns -n kube-system',
  ].join('\n'),
  flags: [
    { name: 'all-namespaces', short: 'A', kind: 'bool', description: 'If present, list the requested object(s) across all namespaces.', defaultText: 'false' },
    { name: 'selector', short: 'l', kind: 'string', description: 'Selector (label query) to filter on.', defaultText: "''" },
    { name: 'show-events', kind: 'bool', description: 'If true, display events related to the described object.', defaultText: 'true' },
  ],
  run,
};
