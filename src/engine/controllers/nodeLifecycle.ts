/**
 * The node lifecycle controller (kube-controller-manager's node-lifecycle loop):
 * - records RegisteredNode ("Node node1 event: Registered Node node1 in Controller") the first
 *   time it sees a node;
 * - TaintNodesByCondition: keeps NoSchedule taints in step with the node's conditions
 *   (not-ready while Ready is False, unreachable while Unknown, the pressure conditions,
 *   network-unavailable) and with spec.unschedulable;
 * - taint-based evictions: a NoExecute not-ready / unreachable taint, unless every node is down
 *   (then the controller assumes a network partition and taints nothing);
 * - a node whose kubelet stops renewing its Lease for 40 s gets its conditions set to Unknown,
 *   "Kubelet stopped posting node status.".
 */
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, NodeCondition, Stored, Taint, WatchEvent } from '../api/types';
import { deepEqual } from '../util/json';
import { parseTime } from '../util/time';
import type { ReconcileResult } from './manager';
import { KEY, R } from './context';
import { TAINT, sameTaint } from './taints';
import { ControlLoop } from './controlLoop';

/** node-monitor-grace-period. */
export const NODE_MONITOR_GRACE_MS = 40_000;
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

const SOURCE = { component: 'node-controller' } as const;

/** The NoSchedule taint each condition state implies (nodeConditionToTaintKeyStatusMap). */
const CONDITION_TAINTS: readonly { type: string; status: string; key: string }[] = [
  { type: 'Ready', status: 'False', key: TAINT.notReady },
  { type: 'Ready', status: 'Unknown', key: TAINT.unreachable },
  { type: 'MemoryPressure', status: 'True', key: TAINT.memoryPressure },
  { type: 'DiskPressure', status: 'True', key: TAINT.diskPressure },
  { type: 'PIDPressure', status: 'True', key: TAINT.pidPressure },
  { type: 'NetworkUnavailable', status: 'True', key: TAINT.networkUnavailable },
];
const MANAGED_NO_SCHEDULE = new Set([...CONDITION_TAINTS.map((c) => c.key), TAINT.unschedulable]);
const MANAGED_NO_EXECUTE = new Set<string>([TAINT.notReady, TAINT.unreachable]);

export class NodeLifecycleController extends ControlLoop {
  readonly name = 'controller:node-lifecycle';
  private readonly registered = new Set<string>();

  keysFor(event: WatchEvent): readonly string[] {
    if (event.resource === KEY.nodes) {
      if (event.type === 'DELETED') this.registered.delete(event.object.metadata.uid);
      // Readiness of one node changes whether others are NoExecute-tainted (full disruption).
      return readinessChanged(event) ? this.resync() : [event.object.metadata.name];
    }
    if (event.resource === KEY.leases && event.object.metadata.namespace === NODE_LEASE_NAMESPACE) return [event.object.metadata.name];
    return [];
  }

  resync(): readonly string[] {
    return this.ctx.store.list(R.nodes).map((n) => n.metadata.name);
  }

  reconcile(name: string): ReconcileResult | void {
    const { store, recorder } = this.ctx;
    let node = store.get<Node>(R.nodes, undefined, name);
    if (!node) return;
    if (!this.registered.has(node.metadata.uid)) {
      this.registered.add(node.metadata.uid);
      recorder.record(node, 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`, SOURCE);
    }
    const silentFor = this.silence(node);
    if (silentFor !== undefined && silentFor > NODE_MONITOR_GRACE_MS) node = this.markUnknown(node);
    const taints = this.desiredTaints(node);
    if (!deepEqual(node.spec?.taints ?? [], taints)) {
      store.mutate<Node>(R.nodes, undefined, name, this.name, (draft) => {
        if (taints.length > 0) draft.spec = { ...draft.spec, taints };
        else if (draft.spec) delete draft.spec.taints;
      });
    }
    if (silentFor !== undefined && silentFor <= NODE_MONITOR_GRACE_MS) return { requeueAfter: NODE_MONITOR_GRACE_MS - silentFor + 1 };
  }

  /** How long the kubelet has been silent, if it ever renewed a Lease. */
  private silence(node: Stored<Node>): number | undefined {
    const lease = this.ctx.store.get<Lease>(R.leases, NODE_LEASE_NAMESPACE, node.metadata.name);
    const renewed = parseTime(lease?.spec?.renewTime);
    if (renewed === undefined) return undefined;
    const heartbeat = parseTime(node.status?.conditions?.find((c) => c.type === 'Ready')?.lastHeartbeatTime) ?? 0;
    return this.ctx.store.wallNow() - Math.max(renewed, heartbeat);
  }

  /** tryUpdateNodeHealth: every kubelet-owned condition becomes Unknown. */
  private markUnknown(node: Stored<Node>): Stored<Node> {
    const now = this.ctx.store.timestamp();
    const result = this.ctx.store.mutate<Node>(R.nodes, undefined, node.metadata.name, this.name, (draft) => {
      const conditions = (draft.status?.conditions ?? []) as NodeCondition[];
      draft.status = {
        ...draft.status,
        conditions: conditions.map((c) => {
          if (!['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].includes(c.type) || c.status === 'Unknown') return c;
          return { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now };
        }),
      };
    });
    return result.ok ? result.value : node;
  }

  private desiredTaints(node: Stored<Node>): Taint[] {
    const conditions = node.status?.conditions ?? [];
    const wantNoSchedule = CONDITION_TAINTS
      .filter((c) => conditions.some((n) => n.type === c.type && n.status === c.status))
      .map((c) => c.key);
    if (node.spec?.unschedulable) wantNoSchedule.push(TAINT.unschedulable);
    const ready = conditions.find((c) => c.type === 'Ready')?.status;
    const noExecute = ready === 'False' ? TAINT.notReady : ready === 'Unknown' ? TAINT.unreachable : undefined;
    const wantNoExecute: string[] = noExecute && !this.fullyDisrupted() ? [noExecute] : [];
    const current = node.spec?.taints ?? [];
    const kept = current.filter((t) => {
      if (t.effect === 'NoSchedule' && MANAGED_NO_SCHEDULE.has(t.key)) return wantNoSchedule.includes(t.key);
      if (t.effect === 'NoExecute' && MANAGED_NO_EXECUTE.has(t.key)) return wantNoExecute.includes(t.key);
      return true;
    });
    const now = this.ctx.store.timestamp();
    const add: Taint[] = [
      ...wantNoSchedule.map((key) => ({ key, effect: 'NoSchedule' })),
      ...wantNoExecute.map((key) => ({ key, effect: 'NoExecute', timeAdded: now })),
    ].filter((t) => !kept.some((k) => sameTaint(k, t)));
    return [...kept, ...add];
  }

  /** Every node not Ready: the controller stops tainting for NoExecute ("master disruption mode"). */
  private fullyDisrupted(): boolean {
    return !this.ctx.store.list<Node>(R.nodes).some((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
  }
}

function readinessChanged(event: WatchEvent): boolean {
  const ready = (obj: unknown) => ((obj as Node | undefined)?.status?.conditions ?? []).find((c) => c.type === 'Ready')?.status;
  return event.type !== 'MODIFIED' || ready(event.object) !== ready(event.previous);
}
