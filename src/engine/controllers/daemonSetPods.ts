/**
 * What a DaemonSet pod looks like and where it belongs, as pkg/controller/daemon/util does it:
 * the template plus the tolerations the controller always adds (not-ready and unreachable for
 * NoExecute, the pressure and unschedulable taints for NoSchedule, network-unavailable for
 * hostNetwork pods), the labels controller-revision-hash and pod-template-generation, and a
 * required node affinity `matchFields metadata.name In [node]` that pins it (the scheduler binds
 * it). A node should run the pod when its taints, nodeSelector and affinity allow the pod.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { DaemonSet, Node, Pod, PodSpec, Stored, Toleration } from '../api/types';
import { matchesNodeSelectorAndAffinity } from './nodeAffinity';
import { firstUntoleratedTaint, TAINT } from './taints';

export const DS_LABEL = {
  hash: 'controller-revision-hash',
  generation: 'pod-template-generation',
} as const;

const NO_EXECUTE = 'NoExecute';
const NO_SCHEDULE = 'NoSchedule';

/** AddOrUpdateDaemonPodTolerations, in the order they appear on a real DaemonSet pod. */
export function daemonPodTolerations(spec: PodSpec | undefined): Toleration[] {
  const wanted: Toleration[] = [
    { key: TAINT.notReady, operator: 'Exists', effect: NO_EXECUTE },
    { key: TAINT.unreachable, operator: 'Exists', effect: NO_EXECUTE },
    { key: TAINT.diskPressure, operator: 'Exists', effect: NO_SCHEDULE },
    { key: TAINT.memoryPressure, operator: 'Exists', effect: NO_SCHEDULE },
    { key: TAINT.pidPressure, operator: 'Exists', effect: NO_SCHEDULE },
    { key: TAINT.unschedulable, operator: 'Exists', effect: NO_SCHEDULE },
    ...(spec?.hostNetwork ? [{ key: TAINT.networkUnavailable, operator: 'Exists', effect: NO_SCHEDULE }] : []),
  ];
  const out: Toleration[] = [...(spec?.tolerations ?? [])];
  for (const t of wanted) {
    // MatchToleration: same key, operator, value and effect is the same toleration.
    const i = out.findIndex((o) => o.key === t.key && (o.operator ?? 'Equal') === t.operator && (o.value ?? '') === '' && o.effect === t.effect);
    if (i < 0) out.push(t);
  }
  return out;
}

/** CreatePodTemplate: the template with the revision labels and the daemon tolerations. */
export function daemonPodTemplate(ds: Stored<DaemonSet>, hash: string): PodTemplateSpec {
  const template = ds.spec?.template;
  return {
    ...template,
    metadata: {
      ...template?.metadata,
      labels: {
        ...template?.metadata?.labels,
        [DS_LABEL.hash]: hash,
        [DS_LABEL.generation]: String(ds.metadata.generation ?? 1),
      },
    },
    spec: { ...template?.spec, containers: template?.spec?.containers ?? [], tolerations: daemonPodTolerations(template?.spec) },
  };
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the pod may only go to this node. */
export function pinToNode(spec: PodSpec, node: string): PodSpec {
  return {
    ...spec,
    affinity: {
      ...spec.affinity,
      nodeAffinity: {
        ...spec.affinity?.nodeAffinity,
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
        },
      },
    },
  };
}

export interface Placement {
  /** A pod should be created on the node. */
  readonly shouldRun: boolean;
  /** A pod already there may stay (it tolerates every NoExecute taint). */
  readonly shouldContinueRunning: boolean;
}

/** NodeShouldRunDaemonPod. */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): Placement {
  const spec = ds.spec?.template?.spec;
  if (spec?.nodeName && spec.nodeName !== node.metadata?.name) return { shouldRun: false, shouldContinueRunning: false };
  if (!matchesNodeSelectorAndAffinity(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = daemonPodTolerations(spec);
  if (firstUntoleratedTaint(node.spec?.taints, tolerations, ['NoSchedule', 'NoExecute'])) {
    const evicted = firstUntoleratedTaint(node.spec?.taints, tolerations, ['NoExecute']) !== undefined;
    return { shouldRun: false, shouldContinueRunning: !evicted };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}

/** IsPodUpdated: the pod carries the current revision hash or the current template generation. */
export function isDaemonPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata?.labels ?? {};
  const templateMatches = generation !== undefined && labels[DS_LABEL.generation] === String(generation);
  return labels[DS_LABEL.hash] === hash || templateMatches;
}
