/**
 * ValidateDeploymentSpec / ValidateReplicaSetSpec / ValidateDaemonSetSpec / ValidateJobSpec of
 * Kubernetes v1.27 for what a hand-written manifest gets wrong, with the API server's field errors
 * in its order: negative replicas (a Job's negative counts), a missing selector, a template whose
 * labels the selector does not match (the classic copy-paste mistake), no containers, a container
 * without a name or an image, a Job whose pods would restart Always.
 * A controller given such an object would never converge; the API server refuses it.
 */
import { fromLabelSelector, matchesSelector } from './selectors';
import type { KubeObject } from './types';

interface ContainerLike { readonly name?: unknown; readonly image?: unknown }
interface WorkloadLike {
  readonly spec?: {
    readonly replicas?: unknown;
    readonly parallelism?: unknown;
    readonly completions?: unknown;
    readonly backoffLimit?: unknown;
    readonly manualSelector?: unknown;
    readonly selector?: Parameters<typeof fromLabelSelector>[0] | null;
    readonly template?: { readonly metadata?: { readonly labels?: Record<string, string> }; readonly spec?: { readonly containers?: readonly ContainerLike[]; readonly restartPolicy?: string } };
  };
}

const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet']);

/** Go's %#v of a map[string]string: keys sorted, `map[string]string(nil)` when there is none. */
function goMap(labels: Record<string, string> | undefined): string {
  if (!labels) return 'map[string]string(nil)';
  const entries = Object.keys(labels).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`);
  return `map[string]string{${entries.join(', ')}}`;
}

type Requirement = { readonly key: string; readonly operator: string; readonly values?: readonly string[] };

/** Go's %#v of a metav1.LabelSelector, as "field is immutable" shows the new one. */
function goSelector(sel: { readonly matchLabels?: Record<string, string>; readonly matchExpressions?: readonly Requirement[] } | undefined): string {
  const exprs = sel?.matchExpressions;
  const list = exprs === undefined ? '[]v1.LabelSelectorRequirement(nil)' : `[]v1.LabelSelectorRequirement{${exprs.map((e) => `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${e.values ? `[]string{${e.values.map((v) => JSON.stringify(v)).join(', ')}}` : '[]string(nil)'}}`).join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${goMap(sel?.matchLabels)}, MatchExpressions:${list}}`;
}

/**
 * The field errors of a new workload, or of an update to `previous` (apps/v1 and Job selectors are
 * immutable: the registry strategy adds that error after the spec's own).
 */
export function workloadCauses(kind: string, obj: KubeObject, previous?: KubeObject): string[] {
  if (!WORKLOADS.has(kind) && kind !== 'Job') return [];
  const spec = (obj as WorkloadLike).spec ?? {};
  const causes = kind === 'Job' ? jobCounts(spec) : [];
  if (kind !== 'DaemonSet' && kind !== 'Job' && typeof spec.replicas === 'number' && spec.replicas < 0) {
    causes.push(`spec.replicas: Invalid value: ${spec.replicas}: must be greater than or equal to 0`);
  }
  const selector = spec.selector ?? undefined;
  // A Job's selector is the API server's to generate (from its uid, after validation here) unless
  // manualSelector says the author wrote it.
  const selectorRequired = kind !== 'Job' || spec.manualSelector === true;
  if (!selector && selectorRequired) causes.push('spec.selector: Required value');
  const labels = spec.template?.metadata?.labels;
  const requirements = fromLabelSelector(selector);
  if (selector && requirements.length > 0 && !matchesSelector(requirements, labels)) {
    causes.push(`spec.template.metadata.labels: Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\``);
  }
  const containers = spec.template?.spec?.containers ?? [];
  if (containers.length === 0) causes.push('spec.template.spec.containers: Required value');
  containers.forEach((c, i) => {
    if (typeof c.name !== 'string' || c.name === '') causes.push(`spec.template.spec.containers[${i}].name: Required value`);
    if (typeof c.image !== 'string' || c.image === '') causes.push(`spec.template.spec.containers[${i}].image: Required value`);
  });
  const restartPolicy = spec.template?.spec?.restartPolicy ?? '';
  if (kind === 'Job' && restartPolicy !== 'OnFailure' && restartPolicy !== 'Never') {
    // The pod template was defaulted to Always when the manifest said nothing: the classic Job mistake.
    causes.push(`spec.template.spec.restartPolicy: Unsupported value: "${restartPolicy}": supported values: "OnFailure", "Never"`);
  }
  const before = previous ? (previous as WorkloadLike).spec?.selector ?? undefined : undefined;
  if (previous && JSON.stringify(before) !== JSON.stringify(selector)) {
    causes.push(`spec.selector: Invalid value: ${selector ? goSelector(selector as Parameters<typeof goSelector>[0]) : 'null'}: field is immutable`);
  }
  return causes;
}

/** A Job's counts: parallelism, completions and backoffLimit may not be negative. */
function jobCounts(spec: NonNullable<WorkloadLike['spec']>): string[] {
  const causes: string[] = [];
  for (const field of ['parallelism', 'completions', 'backoffLimit'] as const) {
    const value = spec[field];
    if (typeof value === 'number' && value < 0) causes.push(`spec.${field}: Invalid value: ${value}: must be greater than or equal to 0`);
  }
  return causes;
}
