/**
 * The columns `kubectl get` shows per resource type, as the v1.27 API server's table printers
 * (pkg/printers/internalversion/printers.go) define them; `wide` adds the columns of priority 1.
 * Types without an entry get the generic NAME / AGE table.
 */
import type {
  ConfigMap, DaemonSet, Deployment, Endpoints, Event, KubeObject, Namespace, Node, Pod, ReplicaSet, Secret, Service, ServiceAccount, Stored,
} from '../../../../engine';
import { ageSince, humanDuration } from '../../../format/duration';
import { dig, formatLabels, formatLabelSelector, num, orNone, str } from './cells';
import { podSummary } from './podStatus';

export interface TableColumns {
  readonly header: readonly string[];
  readonly wide: readonly string[];
  /** Cells after NAME (NAME comes first and is added by the caller, with the kind prefix if any). */
  row(obj: Stored, nowMs: number, wide: boolean): readonly string[];
}

type Row<T extends KubeObject> = (obj: Stored<T>, now: number, wide: boolean) => readonly string[];

function columns<T extends KubeObject>(header: readonly string[], wide: readonly string[], row: Row<T>): TableColumns {
  return { header, wide, row: row as unknown as TableColumns['row'] };
}

const age = (obj: Stored, now: number) => ageSince(obj.metadata.creationTimestamp, now);

function containersCells(spec: unknown): [string, string] {
  const containers = (dig(spec, 'containers') as { name?: string; image?: string }[] | undefined) ?? [];
  return [containers.map((c) => c.name ?? '').join(','), containers.map((c) => c.image ?? '').join(',')];
}

/** findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function nodeAddress(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

function servicePorts(svc: Service): string {
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

function serviceExternalIp(svc: Service): string {
  const external = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean);
      const all = [...lb, ...external];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** formatEndpoints: at most three ip:port, then "+ N more...". */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(`${a.ip}:${port.port}`);
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

function subjectsOf(obj: unknown, kind: string): string {
  const subjects = (dig(obj, 'subjects') as { kind?: string; name?: string; namespace?: string }[] | undefined) ?? [];
  return subjects.filter((s) => s.kind === kind).map((s) => (kind === 'ServiceAccount' ? `${s.namespace ?? ''}/${s.name}` : s.name ?? '')).join(', ');
}

function roleBindingRow(obj: Stored, now: number, wide: boolean): string[] {
  const ref = dig(obj, 'roleRef') as { kind?: string; name?: string } | undefined;
  const cells = [`${ref?.kind ?? ''}/${ref?.name ?? ''}`, age(obj, now)];
  if (wide) cells.push(subjectsOf(obj, 'User'), subjectsOf(obj, 'Group'), subjectsOf(obj, 'ServiceAccount'));
  return cells;
}

const createdAt = (obj: Stored) => [obj.metadata.creationTimestamp];

const TABLES: Readonly<Record<string, TableColumns>> = {
  pods: columns<Pod>(['READY', 'STATUS', 'RESTARTS', 'AGE'], ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'], (pod, now, wide) => {
    const s = podSummary(pod, now);
    const cells = [s.ready, s.status, s.restarts, age(pod, now)];
    if (wide) {
      const gates = pod.spec?.readinessGates ?? [];
      const trueGates = gates.filter((g) => (pod.status?.conditions ?? []).some((c) => c.type === g.conditionType && c.status === 'True')).length;
      cells.push(
        orNone(pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP), orNone(pod.spec?.nodeName), orNone(pod.status?.nominatedNodeName),
        gates.length ? `${trueGates}/${gates.length}` : '<none>',
      );
    }
    return cells;
  }),
  nodes: columns<Node>(['STATUS', 'ROLES', 'AGE', 'VERSION'], ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'], (node, now, wide) => {
    const roles = nodeRoles(node).join(',') || '<none>';
    const cells = [nodeStatus(node), roles, age(node, now), node.status?.nodeInfo?.kubeletVersion ?? ''];
    if (wide) {
      const info = node.status?.nodeInfo;
      cells.push(nodeAddress(node, 'InternalIP'), nodeAddress(node, 'ExternalIP'), info?.osImage || '<unknown>', info?.kernelVersion || '<unknown>', info?.containerRuntimeVersion || '<unknown>');
    }
    return cells;
  }),
  namespaces: columns<Namespace>(['STATUS', 'AGE'], [], (ns, now) => [ns.status?.phase ?? '', age(ns, now)]),
  services: columns<Service>(['TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], ['SELECTOR'], (svc, now, wide) => {
    const cells = [svc.spec?.type ?? 'ClusterIP', orNone(svc.spec?.clusterIP), serviceExternalIp(svc), servicePorts(svc), age(svc, now)];
    if (wide) cells.push(formatLabels(svc.spec?.selector));
    return cells;
  }),
  endpoints: columns<Endpoints>(['ENDPOINTS', 'AGE'], [], (ep, now) => [formatEndpoints(ep), age(ep, now)]),
  'deployments.apps': columns<Deployment>(['READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR'], (d, now, wide) => {
    const cells = [`${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`, String(d.status?.updatedReplicas ?? 0), String(d.status?.availableReplicas ?? 0), age(d, now)];
    if (wide) cells.push(...containersCells(d.spec?.template?.spec), formatLabelSelector(d.spec?.selector));
    return cells;
  }),
  'replicasets.apps': columns<ReplicaSet>(['DESIRED', 'CURRENT', 'READY', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR'], (rs, now, wide) => {
    const cells = [String(rs.spec?.replicas ?? 1), String(rs.status?.replicas ?? 0), String(rs.status?.readyReplicas ?? 0), age(rs, now)];
    if (wide) cells.push(...containersCells(rs.spec?.template?.spec), formatLabelSelector(rs.spec?.selector));
    return cells;
  }),
  'daemonsets.apps': columns<DaemonSet>(['DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR'], (ds, now, wide) => {
    const s = ds.status;
    const cells = [
      String(s?.desiredNumberScheduled ?? 0), String(s?.currentNumberScheduled ?? 0), String(s?.numberReady ?? 0),
      String(s?.updatedNumberScheduled ?? 0), String(s?.numberAvailable ?? 0), formatLabels(ds.spec?.template?.spec?.nodeSelector), age(ds, now),
    ];
    if (wide) cells.push(...containersCells(ds.spec?.template?.spec), formatLabelSelector(ds.spec?.selector));
    return cells;
  }),
  'statefulsets.apps': columns<Stored>(['READY', 'AGE'], ['CONTAINERS', 'IMAGES'], (s, now, wide) => {
    const cells = [`${num(dig(s, 'status', 'readyReplicas'))}/${dig(s, 'spec', 'replicas') ?? 1}`, age(s, now)];
    if (wide) cells.push(...containersCells(dig(s, 'spec', 'template', 'spec')));
    return cells;
  }),
  replicationcontrollers: columns<Stored>(['DESIRED', 'CURRENT', 'READY', 'AGE'], [], (rc, now) =>
    [String(dig(rc, 'spec', 'replicas') ?? 1), String(num(dig(rc, 'status', 'replicas'))), String(num(dig(rc, 'status', 'readyReplicas'))), age(rc, now)]),
  'jobs.batch': columns<Stored>(['COMPLETIONS', 'DURATION', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR'], (job, now, wide) => {
    const start = Date.parse(str(dig(job, 'status', 'startTime')));
    const end = Date.parse(str(dig(job, 'status', 'completionTime')));
    // printJob: HumanDuration of start to completion (or to now while it runs).
    const duration = Number.isNaN(start) ? '' : humanDuration((Number.isNaN(end) ? now : end) - start);
    const cells = [jobCompletions(job), duration, age(job, now)];
    if (wide) cells.push(...containersCells(dig(job, 'spec', 'template', 'spec')), formatLabelSelector(dig(job, 'spec', 'selector') as never));
    return cells;
  }),
  configmaps: columns<ConfigMap>(['DATA', 'AGE'], [], (cm, now) => [String(Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length), age(cm, now)]),
  secrets: columns<Secret>(['TYPE', 'DATA', 'AGE'], [], (s, now) => [s.type ?? '', String(Object.keys(s.data ?? {}).length), age(s, now)]),
  serviceaccounts: columns<ServiceAccount>(['SECRETS', 'AGE'], [], (sa, now) => [String(sa.secrets?.length ?? 0), age(sa, now)]),
  events: columns<Event>(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], [], (e, now, wide) => {
    const first = ageSince(e.firstTimestamp ?? e.eventTime, now);
    const last = e.lastTimestamp ? ageSince(e.lastTimestamp, now) : first;
    const target = e.involvedObject.name ? `${(e.involvedObject.kind ?? '').toLowerCase()}/${e.involvedObject.name}` : (e.involvedObject.kind ?? '').toLowerCase();
    const message = (e.message ?? '').trim();
    if (!wide) return [last, e.type ?? '', e.reason ?? '', target, message];
    const component = e.source?.component || e.reportingComponent || '';
    const instance = e.source?.host || e.reportingInstance || '';
    return [last, e.type ?? '', e.reason ?? '', target, e.involvedObject.fieldPath ?? '', instance ? `${component}, ${instance}` : component, message, first, String(e.count || 1)];
  }),
  componentstatuses: columns<Stored>(['STATUS', 'MESSAGE', 'ERROR'], [], (cs) => {
    const healthy = ((dig(cs, 'conditions') as { type?: string; status?: string; message?: string; error?: string }[] | undefined) ?? []).find((c) => c.type === 'Healthy');
    return [healthy?.status === 'True' ? 'Healthy' : 'Unhealthy', healthy?.message ?? '', healthy?.error ?? ''];
  }),
  'clusterroles.rbac.authorization.k8s.io': columns<Stored>(['CREATED AT'], [], createdAt),
  'roles.rbac.authorization.k8s.io': columns<Stored>(['CREATED AT'], [], createdAt),
  'clusterrolebindings.rbac.authorization.k8s.io': columns<Stored>(['ROLE', 'AGE'], ['USERS', 'GROUPS', 'SERVICEACCOUNTS'], roleBindingRow),
  'rolebindings.rbac.authorization.k8s.io': columns<Stored>(['ROLE', 'AGE'], ['USERS', 'GROUPS', 'SERVICEACCOUNTS'], roleBindingRow),
  'leases.coordination.k8s.io': columns<Stored>(['HOLDER', 'AGE'], [], (l, now) => [str(dig(l, 'spec', 'holderIdentity')), age(l, now)]),
  'priorityclasses.scheduling.k8s.io': columns<Stored>(['VALUE', 'GLOBAL-DEFAULT', 'AGE'], [], (pc, now) =>
    [String(num(dig(pc, 'value'))), String(dig(pc, 'globalDefault') === true), age(pc, now)]),
};

const GENERIC: TableColumns = { header: ['AGE'], wide: [], row: (obj, now) => [age(obj, now)] };

/** The wide event table renames its last columns; NAME stays the object's name. */
const EVENT_WIDE_HEADER = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'];

export function tableFor(resourceKey: string): TableColumns {
  return TABLES[resourceKey] ?? GENERIC;
}

/** Events are the one table whose first column is not NAME. */
export function nameColumnFirst(resourceKey: string): boolean {
  return resourceKey !== 'events';
}

export function headerFor(resourceKey: string, wide: boolean): readonly string[] {
  if (resourceKey === 'events') return wide ? EVENT_WIDE_HEADER : tableFor('events').header;
  const t = tableFor(resourceKey);
  return ['NAME', ...t.header, ...(wide ? t.wide : [])];
}

/** printJob's COMPLETIONS: "1/3"; without completions "0/1", or "0/1 of 3" with parallelism above one. */
function jobCompletions(job: Stored): string {
  const succeeded = num(dig(job, 'status', 'succeeded'));
  const completions = dig(job, 'spec', 'completions');
  if (typeof completions === 'number') return `${succeeded}/${completions}`;
  const parallelism = dig(job, 'spec', 'parallelism');
  return typeof parallelism === 'number' && parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}
