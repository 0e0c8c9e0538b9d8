/**
 * The default scheduler's filters, in the order kube-scheduler v1.27 runs them (NodeUnschedulable,
 * TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit), with their reasons; and the
 * FitError message that `kubectl describe pod` shows under FailedScheduling.
 */
import type { Container, Node, Pod, Stored } from '../api/types';
import type { ObjectIndex } from './objectIndex';
import { matchesNodeSelectorAndAffinity } from './nodeAffinity';
import { amount, milliCpu } from './quantity';
import { describeTaintForScheduler, firstUntoleratedTaint, TAINT, toleratesAll } from './taints';

export interface FilterFailure {
  readonly reasons: readonly string[];
  /** UnschedulableAndUnresolvable: evicting lower-priority pods would not help. */
  readonly unresolvable: boolean;
}

/** The kubelet's default `pods` capacity. */
export const DEFAULT_MAX_PODS = 110;

export const REASON = {
  unschedulable: 'node(s) were unschedulable',
  affinity: "node(s) didn't match Pod's node affinity/selector",
  ports: "node(s) didn't have free ports for the requested pod ports",
  tooManyPods: 'Too many pods',
  cpu: 'Insufficient cpu',
  memory: 'Insufficient memory',
} as const;

/** What the filters need to know about the pod, worked out once per scheduling attempt. */
export interface PodNeeds {
  readonly pod: Pod;
  readonly hostPorts: readonly string[];
  readonly cpu: number;
  readonly memory: number;
}

export function podNeeds(pod: Pod): PodNeeds {
  const r = requestsOf(pod);
  return { pod, hostPorts: hostPorts(pod), cpu: r.cpu, memory: r.memory };
}

export function filterNode(needs: PodNeeds, node: Stored<Node>, index: ObjectIndex): FilterFailure | undefined {
  const spec = needs.pod.spec;
  if (node.spec?.unschedulable && !toleratesAll(spec?.tolerations, { key: TAINT.unschedulable, effect: 'NoSchedule' })) {
    return { reasons: [REASON.unschedulable], unresolvable: true };
  }
  const taint = firstUntoleratedTaint(node.spec?.taints, spec?.tolerations, ['NoSchedule', 'NoExecute']);
  if (taint) return { reasons: [`node(s) had untolerated taint ${describeTaintForScheduler(taint)}`], unresolvable: true };
  if (!matchesNodeSelectorAndAffinity(spec, node)) return { reasons: [REASON.affinity], unresolvable: true };
  const wanted = needs.hostPorts;
  if (wanted.length > 0) {
    const used = new Set(index.podsOnNode(node.metadata.name).filter(isUnfinished).flatMap(hostPorts));
    if (wanted.some((p) => used.has(p))) return { reasons: [REASON.ports], unresolvable: false };
  }
  const reasons = insufficientResources(needs, node, index);
  return reasons.length > 0 ? { reasons, unresolvable: false } : undefined;
}

function insufficientResources(want: PodNeeds, node: Stored<Node>, index: ObjectIndex): string[] {
  const allocatable = node.status?.allocatable ?? {};
  const reasons: string[] = [];
  const maxPods = allocatable['pods'] !== undefined ? amount(allocatable['pods']) : DEFAULT_MAX_PODS;
  if (index.activePodCount(node.metadata.name) + 1 > maxPods) reasons.push(REASON.tooManyPods);
  if (want.cpu === 0 && want.memory === 0) return reasons;
  let cpu = 0;
  let memory = 0;
  for (const other of index.podsOnNode(node.metadata.name)) {
    if (!isUnfinished(other)) continue;
    const r = requestsOf(other);
    cpu += r.cpu;
    memory += r.memory;
  }
  if (want.cpu > 0 && allocatable['cpu'] !== undefined && cpu + want.cpu > milliCpu(allocatable['cpu'])) reasons.push(REASON.cpu);
  if (want.memory > 0 && allocatable['memory'] !== undefined && memory + want.memory > amount(allocatable['memory'])) reasons.push(REASON.memory);
  return reasons;
}

/** The effective request: the larger of the containers' sum and the biggest init container. */
function requestsOf(pod: Pod): { cpu: number; memory: number } {
  const sum = (cs: readonly Container[] | undefined, pick: (c: Container) => number) => (cs ?? []).reduce((s, c) => s + pick(c), 0);
  const max = (cs: readonly Container[] | undefined, pick: (c: Container) => number) => Math.max(0, ...(cs ?? []).map(pick));
  const cpu = (c: Container) => milliCpu(c.resources?.requests?.['cpu']);
  const mem = (c: Container) => amount(c.resources?.requests?.['memory']);
  return {
    cpu: Math.max(sum(pod.spec?.containers, cpu), max(pod.spec?.initContainers, cpu)),
    memory: Math.max(sum(pod.spec?.containers, mem), max(pod.spec?.initContainers, mem)),
  };
}

function hostPorts(pod: Pod): string[] {
  const out: string[] = [];
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.hostPort && p.hostPort > 0) out.push(`${p.protocol ?? 'TCP'}/${p.hostPort}`);
    }
  }
  return out;
}

function isUnfinished(pod: Pod): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

/** How many PreferNoSchedule taints the pod does not tolerate (TaintToleration's score: fewer is better). */
export function preferNoScheduleCount(pod: Pod, node: Node): number {
  return (node.spec?.taints ?? []).filter((t) => t.effect === 'PreferNoSchedule' && !toleratesAll(pod.spec?.tolerations, t)).length;
}

/**
 * framework.FitError's message plus DefaultPreemption's: reasons counted over the nodes and sorted
 * as strings, e.g. `0/2 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: },
 * 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/2 nodes are available:
 * 2 Preemption is not helpful for scheduling..`
 */
export function fitErrorMessage(numNodes: number, failures: readonly FilterFailure[]): string {
  const reasons = new Map<string, number>();
  const preemption = new Map<string, number>();
  for (const f of failures) {
    for (const r of f.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    const p = f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod';
    preemption.set(p, (preemption.get(p) ?? 0) + 1);
  }
  const histogram = (m: Map<string, number>) => [...m].map(([r, n]) => `${n} ${r}`).sort(byCodeUnits).join(', ');
  const preemptionMsg = `preemption: 0/${numNodes} nodes are available: ${histogram(preemption)}.`;
  return `0/${numNodes} nodes are available: ${histogram(reasons)}. ${preemptionMsg}.`;
}

/** Go's sort.Strings order (byte order; our strings are ASCII). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ErrNoNodesAvailable. */
export const NO_NODES_MESSAGE = 'no nodes available to schedule pods';
