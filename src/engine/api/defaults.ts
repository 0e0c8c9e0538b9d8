/**
 * The API server's defaulting and the admission steps that fill in fields, applied to every object
 * written through the store, whoever wrote it (kubectl, kubeadm, a controller). This is why
 * `kubectl get deploy web -o yaml` shows `imagePullPolicy`, `dnsPolicy: ClusterFirst` and
 * `revisionHistoryLimit: 10` although nobody wrote them.
 *
 * Mirrors apps/v1 and core/v1 SetDefaults_* for the kinds the playground runs, plus what the
 * Priority, ServiceAccount and DefaultTolerationSeconds admission plugins add to new pods.
 */
import type { Container, Namespace, PodSpec, PodTemplateSpec, Pod, Probe, Toleration, Volume } from 'kubernetes-types/core/v1';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Draft } from '../util/json';

export type WriteOperation = 'create' | 'update';

/** Priority classes every cluster has (scheduling.k8s.io system classes). */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/** DefaultTolerationSeconds admission: how long a pod stays on a not-ready or unreachable node. */
export const DEFAULT_TOLERATION_SECONDS = 300;

/**
 * Fills in the defaults of an object about to be stored. `obj` is a mutable draft of any kind;
 * kinds without defaults here are left alone.
 */
export function applyDefaults(kind: string, obj: object, op: WriteOperation): void {
  switch (kind) {
    case 'Pod':
      defaultPod(obj as Draft<Pod>, op);
      return;
    case 'Deployment':
      defaultDeployment(obj as Deployment);
      return;
    case 'ReplicaSet':
      defaultReplicaSet(obj as ReplicaSet);
      return;
    case 'DaemonSet':
      defaultDaemonSet(obj as DaemonSet);
      return;
    case 'StatefulSet':
      defaultStatefulSet(obj as StatefulSet);
      return;
    case 'Job':
      defaultJob(obj as Job);
      return;
    case 'Namespace':
      defaultNamespace(obj as Draft<Namespace>, op);
      return;
    case 'Secret':
      // SetDefaults_Secret: `kubectl create secret generic` sends no type; `get secrets` shows Opaque.
      (obj as { type?: string }).type ||= 'Opaque';
      return;
    default:
      return;
  }
}

function defaultPod(pod: Draft<Pod>, op: WriteOperation): void {
  const spec = (pod.spec ??= { containers: [] }) as PodSpec;
  defaultPodSpec(spec);
  // SetDefaults_Pod (pods only, not templates).
  spec.enableServiceLinks ??= true;
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
    if (c.resources?.limits && !c.resources.requests) c.resources.requests = { ...c.resources.limits };
  }
  if (op !== 'create') return;
  // Admission, on create only.
  spec.priority ??= SYSTEM_PRIORITY_CLASSES[spec.priorityClassName ?? ''] ?? 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  // The ServiceAccount plugin leaves mirror pods as the kubelet posted them (no account, no token volume).
  if (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] === undefined) {
    if (spec.serviceAccountName === undefined && spec.serviceAccount !== undefined) spec.serviceAccountName = spec.serviceAccount;
    spec.serviceAccountName ??= 'default';
    spec.serviceAccount ??= spec.serviceAccountName;
  }
  addDefaultTolerations(spec);
  // The pod strategy's PrepareForCreate: a new pod is Pending with its QoS class computed.
  pod.status = { phase: 'Pending', ...pod.status, qosClass: qosClassOf(spec) };
}

/** The namespace strategy: a new namespace is Active and carries the `kubernetes` finalizer. */
function defaultNamespace(ns: Draft<Namespace>, op: WriteOperation): void {
  if (op !== 'create') return;
  ns.spec = { ...ns.spec, finalizers: ns.spec?.finalizers ?? ['kubernetes'] };
  ns.status = { phase: 'Active', ...ns.status };
}

function defaultDeployment(d: Deployment): void {
  const spec = d.spec;
  if (!spec) return;
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(spec.template);
}

function defaultReplicaSet(rs: ReplicaSet): void {
  if (!rs.spec) return;
  rs.spec.replicas ??= 1;
  if (rs.spec.template) defaultTemplate(rs.spec.template);
}

function defaultDaemonSet(ds: DaemonSet): void {
  const spec = ds.spec;
  if (!spec) return;
  const strategy = (spec.updateStrategy ??= {});
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= 1;
    ru.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec.template);
}

function defaultStatefulSet(sts: StatefulSet): void {
  const spec = sts.spec;
  if (!spec) return;
  spec.replicas ??= 1;
  spec.podManagementPolicy ??= 'OrderedReady';
  spec.revisionHistoryLimit ??= 10;
  const strategy = (spec.updateStrategy ??= {});
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') (strategy.rollingUpdate ??= {}).partition ??= 0;
  defaultTemplate(spec.template);
}

function defaultJob(job: Job): void {
  const spec = job.spec;
  if (!spec) return;
  // SetDefaults_Job: both unset means one pod, once; parallelism alone leaves completions unset
  // (any pod's success finishes the Job).
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  // Jobs take no restartPolicy Always; the template says Never or OnFailure.
  defaultTemplate(spec.template);
}

/** The Job's pod labels (v1.27 sets the legacy names and the batch.kubernetes.io/ ones). */
export const JOB_LABELS = {
  legacyUid: 'controller-uid',
  legacyName: 'job-name',
  uid: 'batch.kubernetes.io/controller-uid',
  name: 'batch.kubernetes.io/job-name',
} as const;

/**
 * The steps of an object's strategy that need its uid, run once the API server has given it one
 * (on create, and again on update, where they find everything in place). For a Job without
 * manualSelector, v1.27's generateSelector: the template gets controller-uid and job-name labels
 * (legacy and batch.kubernetes.io/), the selector matches batch.kubernetes.io/controller-uid; and,
 * as SetDefaults_Job does when the stored object is read back, the Job takes the template's labels
 * when it has none of its own.
 */
export function prepareWithUid(kind: string, obj: object, uid: string): void {
  if (kind !== 'Job') return;
  const job = obj as Job;
  const spec = job.spec;
  if (!spec?.template) return;
  const name = job.metadata?.name ?? '';
  if (spec.manualSelector !== true) {
    const meta = (spec.template.metadata ??= {});
    const labels: Record<string, string> = {
      [JOB_LABELS.uid]: uid, [JOB_LABELS.name]: name, [JOB_LABELS.legacyUid]: uid, [JOB_LABELS.legacyName]: name, ...meta.labels,
    };
    // Go marshals a map's keys sorted: `-o yaml` lists them so.
    meta.labels = Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const selector = (spec.selector ??= {});
    (selector.matchLabels ??= {})[JOB_LABELS.uid] ??= uid;
  }
  const templateLabels = spec.template.metadata?.labels;
  if (job.metadata && templateLabels && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...templateLabels };
}

function defaultTemplate(template: PodTemplateSpec | undefined): void {
  if (template?.spec) defaultPodSpec(template.spec);
}

function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.initContainers ?? []) defaultContainer(c, spec.hostNetwork === true);
  for (const c of spec.containers ?? []) defaultContainer(c, spec.hostNetwork === true);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

function defaultContainer(c: Container, hostNetwork: boolean): void {
  c.imagePullPolicy ??= pullPolicyFor(c.image ?? '');
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  for (const port of c.ports ?? []) {
    port.protocol ??= 'TCP';
    // With hostNetwork the container's ports are the node's ports.
    if (hostNetwork) port.hostPort ??= port.containerPort;
  }
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) defaultProbe(probe);
  for (const env of c.env ?? []) {
    const ref = env.valueFrom?.fieldRef;
    if (ref) ref.apiVersion ??= 'v1';
  }
}

function defaultProbe(probe: Probe): void {
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (probe.httpGet) probe.httpGet.scheme ??= 'HTTP';
}

function defaultVolume(v: Volume): void {
  if (v.configMap) v.configMap.defaultMode ??= 0o644;
  if (v.secret) v.secret.defaultMode ??= 0o644;
  if (v.projected) v.projected.defaultMode ??= 0o644;
  if (v.downwardAPI) v.downwardAPI.defaultMode ??= 0o644;
  if (v.hostPath) v.hostPath.type ??= '';
}

/**
 * `Always` for `:latest` or an image without a tag, `IfNotPresent` otherwise (a tag or a digest).
 * A colon before the last slash is a registry port, not a tag ("localhost:5000/app").
 */
export function pullPolicyFor(image: string): 'Always' | 'IfNotPresent' {
  const last = image.slice(image.lastIndexOf('/') + 1);
  if (last.includes('@')) return 'IfNotPresent';
  const colon = last.indexOf(':');
  if (colon < 0) return 'Always';
  return last.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** DefaultTolerationSeconds: tolerate not-ready and unreachable for 300 s unless the pod says otherwise. */
function addDefaultTolerations(spec: PodSpec): void {
  const tolerations: Toleration[] = spec.tolerations ?? [];
  const covers = (key: string) => tolerations.some((t) =>
    (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const added: Toleration[] = [];
  for (const key of [NOT_READY, UNREACHABLE]) {
    if (!covers(key)) added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  }
  if (added.length > 0) spec.tolerations = [...tolerations, ...added];
}

/** Guaranteed when every container limits cpu and memory with requests equal to limits; BestEffort with none; else Burstable. */
export function qosClassOf(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length > 0 || Object.keys(lim).length > 0) any = true;
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
