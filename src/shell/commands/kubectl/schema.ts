/**
 * Field names of the common kinds, for the API server's strict decoding (on by default with
 * kubectl 1.27's --validate=strict): an unknown field is an error such as
 * `unknown field "spec.replicas"` when a Deployment's YAML is applied as a DaemonSet. Kinds or
 * sub-objects not described here are accepted as they are.
 */
type FieldType = string;
/** type name → field → type ("any", "int32"/"int64", "[Container]" for a list, "{any}" for a map, or a type name). */
const TYPES: Readonly<Record<string, Readonly<Record<string, FieldType>>>> = {
  ObjectMeta: {
    name: 'any', generateName: 'any', namespace: 'any', selfLink: 'any', uid: 'any', resourceVersion: 'any', generation: 'any',
    creationTimestamp: 'any', deletionTimestamp: 'any', deletionGracePeriodSeconds: 'any', labels: '{any}', annotations: '{any}',
    ownerReferences: 'any', finalizers: 'any', managedFields: 'any',
  },
  PodTemplateSpec: { metadata: 'ObjectMeta', spec: 'PodSpec' },
  PodSpec: {
    volumes: '[Volume]', initContainers: '[Container]', containers: '[Container]', ephemeralContainers: 'any', restartPolicy: 'any',
    terminationGracePeriodSeconds: 'int64', activeDeadlineSeconds: 'int64', dnsPolicy: 'any', nodeSelector: '{any}', serviceAccountName: 'any',
    serviceAccount: 'any', automountServiceAccountToken: 'any', nodeName: 'any', hostNetwork: 'any', hostPID: 'any', hostIPC: 'any',
    shareProcessNamespace: 'any', securityContext: 'any', imagePullSecrets: 'any', hostname: 'any', subdomain: 'any', affinity: 'any',
    schedulerName: 'any', tolerations: 'any', hostAliases: 'any', priorityClassName: 'any', priority: 'any', dnsConfig: 'any',
    readinessGates: 'any', runtimeClassName: 'any', enableServiceLinks: 'any', preemptionPolicy: 'any', overhead: 'any',
    topologySpreadConstraints: 'any', setHostnameAsFQDN: 'any', os: 'any', hostUsers: 'any', schedulingGates: 'any', resourceClaims: 'any',
  },
  Container: {
    name: 'any', image: 'any', command: 'any', args: 'any', workingDir: 'any', ports: '[ContainerPort]', envFrom: 'any', env: '[EnvVar]',
    resources: 'ResourceRequirements', volumeMounts: '[VolumeMount]', volumeDevices: 'any', livenessProbe: 'any', readinessProbe: 'any',
    startupProbe: 'any', lifecycle: 'any', terminationMessagePath: 'any', terminationMessagePolicy: 'any', imagePullPolicy: 'any',
    securityContext: 'any', stdin: 'any', stdinOnce: 'any', tty: 'any', resizePolicy: 'any',
  },
  ContainerPort: { name: 'any', hostPort: 'int32', containerPort: 'int32', protocol: 'any', hostIP: 'any' },
  EnvVar: { name: 'any', value: 'any', valueFrom: 'any' },
  VolumeMount: { name: 'any', readOnly: 'any', mountPath: 'any', subPath: 'any', mountPropagation: 'any', subPathExpr: 'any' },
  ResourceRequirements: { limits: '{any}', requests: '{any}', claims: 'any' },
  Volume: {
    name: 'any', hostPath: 'any', emptyDir: 'any', secret: 'any', configMap: 'any', projected: 'any', persistentVolumeClaim: 'any',
    downwardAPI: 'any', nfs: 'any', csi: 'any', ephemeral: 'any', gitRepo: 'any', iscsi: 'any', awsElasticBlockStore: 'any',
    gcePersistentDisk: 'any', glusterfs: 'any', rbd: 'any', flexVolume: 'any', cinder: 'any', cephfs: 'any', flocker: 'any',
    fc: 'any', azureFile: 'any', azureDisk: 'any', vsphereVolume: 'any', quobyte: 'any', photonPersistentDisk: 'any',
    portworxVolume: 'any', scaleIO: 'any', storageos: 'any',
  },
  LabelSelector: { matchLabels: '{any}', matchExpressions: 'any' },
  Pod: { apiVersion: 'any', kind: 'any', metadata: 'ObjectMeta', spec: 'PodSpec', status: 'any' },
  Deployment: { apiVersion: 'any', kind: 'any', metadata: 'ObjectMeta', spec: 'DeploymentSpec', status: 'any' },
  DeploymentSpec: {
    replicas: 'int32', selector: 'LabelSelector', template: 'PodTemplateSpec', strategy: 'any', minReadySeconds: 'int32',
    revisionHistoryLimit: 'int32', paused: 'any', progressDeadlineSeconds: 'int32',
  },
  ReplicaSet: { apiVersion: 'any', kind: 'any', metadata: 'ObjectMeta', spec: 'ReplicaSetSpec', status: 'any' },
  ReplicaSetSpec: { replicas: 'int32', minReadySeconds: 'int32', selector: 'LabelSelector', template: 'PodTemplateSpec' },
  DaemonSet: { apiVersion: 'any', kind: 'any', metadata: 'ObjectMeta', spec: 'DaemonSetSpec', status: 'any' },
  DaemonSetSpec: { selector: 'LabelSelector', template: 'PodTemplateSpec', updateStrategy: 'any', minReadySeconds: 'int32', revisionHistoryLimit: 'int32' },
  StatefulSet: { apiVersion: 'any', kind: 'any', metadata: 'ObjectMeta', spec: 'any', status: 'any' },
  Job: { apiVersion: 'any', kind: 'any', metadata: 'ObjectMeta', spec: 'any', status: 'any' },
  Service: { apiVersion: 'any', kind: 'any', metadata: 'ObjectMeta', spec: 'ServiceSpec', status: 'any' },
  ServiceSpec: {
    ports: '[ServicePort]', selector: '{any}', clusterIP: 'any', clusterIPs: 'any', type: 'any', externalIPs: 'any', sessionAffinity: 'any',
    loadBalancerIP: 'any', loadBalancerSourceRanges: 'any', externalName: 'any', externalTrafficPolicy: 'any', healthCheckNodePort: 'any',
    publishNotReadyAddresses: 'any', sessionAffinityConfig: 'any', ipFamilies: 'any', ipFamilyPolicy: 'any', allocateLoadBalancerNodePorts: 'any',
    loadBalancerClass: 'any', internalTrafficPolicy: 'any',
  },
  ServicePort: { name: 'any', protocol: 'any', appProtocol: 'any', port: 'int32', targetPort: 'any', nodePort: 'int32' },
  ConfigMap: { apiVersion: 'any', kind: 'any', metadata: 'ObjectMeta', data: '{any}', binaryData: '{any}', immutable: 'any' },
  Secret: { apiVersion: 'any', kind: 'any', metadata: 'ObjectMeta', data: '{any}', stringData: '{any}', type: 'any', immutable: 'any' },
  Namespace: { apiVersion: 'any', kind: 'any', metadata: 'ObjectMeta', spec: 'any', status: 'any' },
  ServiceAccount: { apiVersion: 'any', kind: 'any', metadata: 'ObjectMeta', secrets: 'any', imagePullSecrets: 'any', automountServiceAccountToken: 'any' },
  ClusterRole: { apiVersion: 'any', kind: 'any', metadata: 'ObjectMeta', rules: 'any', aggregationRule: 'any' },
  Role: { apiVersion: 'any', kind: 'any', metadata: 'ObjectMeta', rules: 'any' },
  ClusterRoleBinding: { apiVersion: 'any', kind: 'any', metadata: 'ObjectMeta', subjects: 'any', roleRef: 'any' },
  RoleBinding: { apiVersion: 'any', kind: 'any', metadata: 'ObjectMeta', subjects: 'any', roleRef: 'any' },
};

/** Paths of fields the API server would not know, e.g. ["spec.replicas", "spec.strategy"]. */
export function validateObject(obj: Readonly<Record<string, unknown>>): string[] {
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  if (!TYPES[kind]) return [];
  const unknown: string[] = [];
  check(obj, kind, '', unknown);
  return unknown;
}

function check(value: unknown, type: FieldType, path: string, unknown: string[]): void {
  if (type === 'any' || value === null || value === undefined) return;
  if (type.startsWith('[')) {
    if (!Array.isArray(value)) return;
    const item = type.slice(1, -1);
    value.forEach((v, i) => check(v, item, `${path}[${i}]`, unknown));
    return;
  }
  if (type.startsWith('{')) return;
  const fields = TYPES[type];
  if (!fields || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const fieldPath = path ? `${path}.${key}` : key;
    const t = fields[key];
    if (t === undefined) unknown.push(fieldPath);
    else check(v, t, fieldPath, unknown);
  }
}

const isInteger = (type: FieldType) => type === 'int32' || type === 'int64';

/** How Go's encoding/json names a JSON value it could not put in an integer field. */
function jsonValueName(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return `number ${value}`;
  return 'object';
}

/**
 * The API server's decoding error for the first value of the wrong type in an integer field, as
 * encoding/json words it: `json: cannot unmarshal string into Go struct field
 * DeploymentSpec.spec.replicas of type int32` (the innermost struct, the path without list indexes).
 */
export function decodeError(obj: Readonly<Record<string, unknown>>): string | undefined {
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  return TYPES[kind] ? firstTypeError(obj, kind, '') : undefined;
}

function firstTypeError(value: unknown, type: FieldType, path: string): string | undefined {
  if (type === 'any' || isInteger(type) || type.startsWith('{') || value === null || value === undefined) return undefined;
  if (type.startsWith('[')) {
    if (!Array.isArray(value)) return undefined;
    for (const item of value) {
      const found = firstTypeError(item, type.slice(1, -1), path);
      if (found) return found;
    }
    return undefined;
  }
  const fields = TYPES[type];
  if (!fields || typeof value !== 'object' || Array.isArray(value)) return undefined;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const t = fields[key];
    if (t === undefined) continue;
    const fieldPath = path ? `${path}.${key}` : key;
    if (isInteger(t)) {
      if (v !== null && !(typeof v === 'number' && Number.isInteger(v))) return `json: cannot unmarshal ${jsonValueName(v)} into Go struct field ${type}.${fieldPath} of type ${t}`;
      continue;
    }
    const found = firstTypeError(v, t, fieldPath);
    if (found) return found;
  }
  return undefined;
}
