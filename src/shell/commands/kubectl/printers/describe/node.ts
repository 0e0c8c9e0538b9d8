/**
 * kubectl describe node, as describe.go's describeNode writes it (v1.27): labels, annotations,
 * taints, the node Lease, the Conditions table (NetworkUnavailable/WeaveIsUp when Weave set it),
 * addresses, capacity, System Info, the Non-terminated Pods table with requests and limits as a
 * share of allocatable, Allocated resources, Events.
 */
import type { Event, Node, Pod, Stored, Taint } from '../../../../../engine';
import { ageSince } from '../../../../format/duration';
import { addQuantities, formatQuantity, parseQuantity, quantityMilli, quantityValue, type Quantity } from '../../../../format/quantity';
import { rfc1123zOf } from '../../../../format/time';
import { dig, str } from '../cells';
import { nodeRoles } from '../columns';
import { writeEvents } from './events';
import { DescribeWriter, LEVEL_0, LEVEL_1, writeAnnotations, writeLabels } from './writer';

export interface NodeDescribeInput {
  readonly node: Stored<Node>;
  /** Pods bound to the node that have not finished, in server order. */
  readonly pods: readonly Stored<Pod>[];
  readonly lease: Stored | undefined;
  readonly events: readonly Stored<Event>[] | undefined;
  readonly now: number;
}

export function describeNode({ node, pods, lease, events, now }: NodeDescribeInput): string {
  const w = new DescribeWriter();
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  const roles = nodeRoles(node);
  w.write(LEVEL_0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
  writeLabels(w, 'Labels', node.metadata.labels);
  writeAnnotations(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123zOf(node.metadata.creationTimestamp)}\n`);
  writeTaints(w, spec.taints ?? []);
  w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  if (lease) {
    w.write(LEVEL_0, 'Lease:\n');
    w.write(LEVEL_1, `HolderIdentity:\t${str(dig(lease, 'spec', 'holderIdentity')) || '<unset>'}\n`);
    const acquire = str(dig(lease, 'spec', 'acquireTime'));
    w.write(LEVEL_1, `AcquireTime:\t${acquire ? rfc1123zOf(acquire) : '<unset>'}\n`);
    const renew = str(dig(lease, 'spec', 'renewTime'));
    w.write(LEVEL_1, `RenewTime:\t${renew ? rfc1123zOf(renew) : '<unset>'}\n`);
  }
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123zOf(c.lastHeartbeatTime)} \t${rfc1123zOf(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length === 0) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const n of names) w.write(LEVEL_0, `  ${n}:\t${formatQuantity(parseQuantity(String(list![n])))}\n`);
  }
  const info = status.nodeInfo;
  w.write(LEVEL_0, 'System Info:\n');
  w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
  w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
  w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
  w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
  w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
  w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
  w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
  w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
  w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
  if (spec.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
  describeNodeResources(w, node, pods, now);
  writeEvents(w, events, now);
  return w.text();
}

function writeTaints(w: DescribeWriter, taints: readonly Taint[]): void {
  w.write(LEVEL_0, 'Taints:\t');
  if (taints.length === 0) return w.line('<none>');
  const key = (t: Taint) => `${t.effect},${t.key}`;
  const sorted = [...taints].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${t.value ? `${t.key}=${t.value}` : t.key}:${t.effect}\n`);
  });
}

type Resources = Record<string, Quantity>;

/** resourcehelper.PodRequestsAndLimits: containers summed, init containers as a maximum. */
function podRequestsAndLimits(pod: Pod): { reqs: Resources; limits: Resources } {
  const sum = (field: 'requests' | 'limits') => {
    const total: Resources = {};
    for (const c of pod.spec?.containers ?? []) {
      for (const [k, v] of Object.entries(c.resources?.[field] ?? {})) total[k] = addQuantities(total[k], parseQuantity(String(v)));
    }
    for (const c of pod.spec?.initContainers ?? []) {
      for (const [k, v] of Object.entries(c.resources?.[field] ?? {})) {
        const q = parseQuantity(String(v));
        if (q && quantityMilli(q) > quantityMilli(total[k])) total[k] = q;
      }
    }
    return total;
  };
  return { reqs: sum('requests'), limits: sum('limits') };
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.trunc((part / whole) * 100));

function describeNodeResources(w: DescribeWriter, node: Node, pods: readonly Stored<Pod>[], now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = Object.keys(node.status?.allocatable ?? {}).length ? node.status!.allocatable! : node.status?.capacity ?? {};
  const cpuMilli = quantityMilli(parseQuantity(String(allocatable.cpu ?? '0')));
  const memBytes = quantityValue(parseQuantity(String(allocatable.memory ?? '0')));
  const totalReqs: Resources = {};
  const totalLimits: Resources = {};
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    for (const [k, q] of Object.entries(reqs)) totalReqs[k] = addQuantities(totalReqs[k], q);
    for (const [k, q] of Object.entries(limits)) totalLimits[k] = addQuantities(totalLimits[k], q);
    const cell = (q: Quantity | undefined, whole: number, milli: boolean) =>
      `${formatQuantity(q)} (${percent(milli ? quantityMilli(q) : quantityValue(q), whole)}%)`;
    w.write(LEVEL_1, `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cell(reqs.cpu, cpuMilli, true)}\t${cell(limits.cpu, cpuMilli, true)}\t` +
      `${cell(reqs.memory, memBytes, false)}\t${cell(limits.memory, memBytes, false)}\t${ageSince(pod.metadata.creationTimestamp, now)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (name: string, whole: number, milli: boolean) => {
    const r = totalReqs[name];
    const l = totalLimits[name];
    const v = (q: Quantity | undefined) => (milli ? quantityMilli(q) : quantityValue(q));
    w.write(LEVEL_1, `${name}\t${formatQuantity(r)} (${percent(v(r), whole)}%)\t${formatQuantity(l)} (${percent(v(l), whole)}%)\n`);
  };
  row('cpu', cpuMilli, true);
  row('memory', memBytes, false);
  row('ephemeral-storage', quantityValue(parseQuantity(String(allocatable['ephemeral-storage'] ?? '0'))), false);
  for (const name of Object.keys(allocatable).filter((k) => k.startsWith('hugepages-')).sort()) {
    row(name, quantityValue(parseQuantity(String(allocatable[name]))), false);
  }
}
