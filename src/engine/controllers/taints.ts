/**
 * Taints and tolerations as k8s.io/api/core/v1 defines their matching (ToleratesTaint): a
 * toleration with an empty effect matches every effect; an empty key with `operator: Exists`
 * matches every taint; `Equal` (or no operator) compares values.
 */
import type { Taint, Toleration } from '../api/types';

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
      // An empty key only makes sense with Exists; with Equal it matches nothing.
      return !!toleration.key && (toleration.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

export function toleratesAll(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** The first taint (in the node's order) with one of these effects that no toleration covers. */
export function firstUntoleratedTaint(
  taints: readonly Taint[] | undefined, tolerations: readonly Toleration[] | undefined, effects: readonly TaintEffect[],
): Taint | undefined {
  return (taints ?? []).find((taint) => effects.includes(taint.effect as TaintEffect) && !toleratesAll(tolerations, taint));
}

/** `{node.kubernetes.io/not-ready: }`, as the scheduler names a taint in its messages. */
export function describeTaintForScheduler(taint: Taint): string {
  return `{${taint.key}: ${taint.value ?? ''}}`;
}

export function sameTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

/** Well-known taint keys (k8s.io/api/core/v1 well_known_taints.go). */
export const TAINT = {
  notReady: 'node.kubernetes.io/not-ready',
  unreachable: 'node.kubernetes.io/unreachable',
  unschedulable: 'node.kubernetes.io/unschedulable',
  memoryPressure: 'node.kubernetes.io/memory-pressure',
  diskPressure: 'node.kubernetes.io/disk-pressure',
  pidPressure: 'node.kubernetes.io/pid-pressure',
  networkUnavailable: 'node.kubernetes.io/network-unavailable',
  controlPlane: 'node-role.kubernetes.io/control-plane',
} as const;
