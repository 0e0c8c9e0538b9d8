/**
 * What kube-apiserver creates for itself the first time it answers: the four system namespaces,
 * the `kubernetes` Service (10.96.0.1:443) with its endpoints (the advertise address, 6443), the
 * system priority classes, and the bootstrap RBAC roles and bindings (cluster-admin, view,
 * system:node, one role per controller...). Idempotent: existing objects are left alone.
 */
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role } from 'kubernetes-types/rbac/v1';
import type { Endpoints, Namespace, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { mustResolve } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import type { Cluster } from '../cluster';
import { KUBERNETES_SERVICE_IP, PORTS } from '../constants';

const ACTOR = 'kube-apiserver';

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

const CONTROLLERS = [
  'attachdetach-controller', 'certificate-controller', 'clusterrole-aggregation-controller', 'cronjob-controller', 'daemon-set-controller',
  'deployment-controller', 'disruption-controller', 'endpoint-controller', 'endpointslice-controller', 'endpointslicemirroring-controller',
  'ephemeral-volume-controller', 'expand-controller', 'generic-garbage-collector', 'horizontal-pod-autoscaler', 'job-controller',
  'namespace-controller', 'node-controller', 'persistent-volume-binder', 'pod-garbage-collector', 'pv-protection-controller',
  'pvc-protection-controller', 'replicaset-controller', 'replication-controller', 'resourcequota-controller', 'root-ca-cert-publisher',
  'route-controller', 'service-account-controller', 'service-controller', 'statefulset-controller', 'ttl-after-finished-controller',
  'ttl-controller',
];

const ALL: PolicyRule[] = [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, { nonResourceURLs: ['*'], verbs: ['*'] }];
const READ = ['get', 'list', 'watch'];
const WORKLOADS: PolicyRule[] = [
  { apiGroups: [''], resources: ['pods', 'services', 'endpoints', 'configmaps', 'persistentvolumeclaims', 'replicationcontrollers', 'serviceaccounts'], verbs: READ },
  { apiGroups: ['apps'], resources: ['daemonsets', 'deployments', 'replicasets', 'statefulsets'], verbs: READ },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: READ },
];

/** Cluster roles with real rules where they matter to a learner, a single read rule otherwise. */
const CLUSTER_ROLES: ReadonlyArray<readonly [string, PolicyRule[]]> = [
  ['admin', WORKLOADS.map((r) => ({ ...r, verbs: ['*'] }))],
  ['cluster-admin', ALL],
  ['edit', WORKLOADS.map((r) => ({ ...r, verbs: ['create', 'delete', 'deletecollection', 'patch', 'update', ...READ] }))],
  ['system:aggregate-to-admin', []],
  ['system:aggregate-to-edit', []],
  ['system:aggregate-to-view', WORKLOADS],
  ['system:auth-delegator', [{ apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] }]],
  ['system:basic-user', [{ apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], verbs: ['create'] }]],
  ['system:certificates.k8s.io:certificatesigningrequests:nodeclient', [{ apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests/nodeclient'], verbs: ['create'] }]],
  ['system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', [{ apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests/selfnodeclient'], verbs: ['create'] }]],
  ...CONTROLLERS.map((c): [string, PolicyRule[]] => [`system:controller:${c}`, [{ apiGroups: [''], resources: ['events'], verbs: ['create', 'patch', 'update'] }]]),
  ['system:discovery', [{ nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], verbs: ['get'] }]],
  ['system:kube-controller-manager', ALL.slice(0, 1)],
  ['system:kube-dns', [{ apiGroups: [''], resources: ['endpoints', 'services'], verbs: ['list', 'watch'] }]],
  ['system:kube-scheduler', [{ apiGroups: [''], resources: ['pods', 'nodes'], verbs: READ }, { apiGroups: [''], resources: ['bindings', 'pods/binding'], verbs: ['create'] }]],
  ['system:monitoring', [{ nonResourceURLs: ['/healthz', '/healthz/*', '/livez', '/livez/*', '/metrics', '/metrics/slis', '/readyz', '/readyz/*'], verbs: ['get'] }]],
  ['system:node', [{ apiGroups: [''], resources: ['nodes', 'nodes/status', 'pods', 'pods/status'], verbs: ['create', 'get', 'list', 'watch', 'patch', 'update'] }]],
  ['system:node-bootstrapper', [{ apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests'], verbs: ['create', 'get', 'list', 'watch'] }]],
  ['system:node-proxier', [{ apiGroups: [''], resources: ['endpoints', 'services'], verbs: ['list', 'watch'] }, { apiGroups: [''], resources: ['nodes'], verbs: READ }]],
  ['system:public-info-viewer', [{ nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] }]],
  ['system:volume-scheduler', [{ apiGroups: [''], resources: ['persistentvolumes'], verbs: READ }]],
  ['view', WORKLOADS],
];

const CLUSTER_ROLE_BINDINGS: ReadonlyArray<readonly [string, string, { kind: string; name: string }]> = [
  ['cluster-admin', 'cluster-admin', { kind: 'Group', name: 'system:masters' }],
  ['system:basic-user', 'system:basic-user', { kind: 'Group', name: 'system:authenticated' }],
  ...CONTROLLERS.map((c): [string, string, { kind: string; name: string }] => [`system:controller:${c}`, `system:controller:${c}`, { kind: 'ServiceAccount', name: c }]),
  ['system:discovery', 'system:discovery', { kind: 'Group', name: 'system:authenticated' }],
  ['system:kube-controller-manager', 'system:kube-controller-manager', { kind: 'User', name: 'system:kube-controller-manager' }],
  ['system:kube-dns', 'system:kube-dns', { kind: 'ServiceAccount', name: 'kube-dns' }],
  ['system:kube-scheduler', 'system:kube-scheduler', { kind: 'User', name: 'system:kube-scheduler' }],
  ['system:monitoring', 'system:monitoring', { kind: 'Group', name: 'system:monitoring' }],
  ['system:node-proxier', 'system:node-proxier', { kind: 'User', name: 'system:kube-proxy' }],
  ['system:public-info-viewer', 'system:public-info-viewer', { kind: 'Group', name: 'system:unauthenticated' }],
  ['system:volume-scheduler', 'system:volume-scheduler', { kind: 'User', name: 'system:kube-scheduler' }],
];

const KUBE_SYSTEM_ROLES = [
  'extension-apiserver-authentication-reader', 'system::leader-locking-kube-controller-manager', 'system::leader-locking-kube-scheduler',
  'system:controller:bootstrap-signer', 'system:controller:cloud-provider', 'system:controller:token-cleaner',
];

function createIfMissing(cluster: Cluster, resource: string, obj: KubeObject): void {
  const type = mustResolve(resource);
  if (cluster.store.get(type, obj.metadata?.namespace, obj.metadata?.name ?? '')) return;
  cluster.store.create(type, obj, ACTOR);
}

const BOOTSTRAP_LABELS = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };

export function bootstrapApiServerObjects(cluster: Cluster): void {
  for (const name of SYSTEM_NAMESPACES) createIfMissing(cluster, 'namespaces', { metadata: { name } } as Namespace);
  createIfMissing(cluster, 'services', {
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: KUBERNETES_SERVICE_IP, clusterIPs: [KUBERNETES_SERVICE_IP], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: PORTS.apiServer }],
      sessionAffinity: 'None', type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  } as Service);
  createIfMissing(cluster, 'endpoints', {
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: cluster.advertiseAddress }], ports: [{ name: 'https', port: PORTS.apiServer, protocol: 'TCP' }] }],
  } as Endpoints);
  createIfMissing(cluster, 'endpointslices.discovery.k8s.io', {
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [cluster.advertiseAddress], conditions: { ready: true } }],
    ports: [{ name: 'https', port: PORTS.apiServer, protocol: 'TCP' }],
  } as EndpointSlice);
  for (const [name, value, description] of [
    ['system-cluster-critical', 2000000000, 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.'],
    ['system-node-critical', 2000001000, 'Used for system critical pods that must not be moved from their current node.'],
  ] as const) {
    createIfMissing(cluster, 'priorityclasses', { metadata: { name }, value, description, preemptionPolicy: 'PreemptLowerPriority' } as PriorityClass);
  }
  for (const [name, rules] of CLUSTER_ROLES) {
    createIfMissing(cluster, 'clusterroles', { metadata: { name, labels: BOOTSTRAP_LABELS, annotations: AUTOUPDATE }, rules } as ClusterRole);
  }
  for (const [name, role, subject] of CLUSTER_ROLE_BINDINGS) {
    createIfMissing(cluster, 'clusterrolebindings', {
      metadata: { name, labels: BOOTSTRAP_LABELS, annotations: AUTOUPDATE },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
      subjects: [subject.kind === 'ServiceAccount'
        ? { kind: 'ServiceAccount', name: subject.name, namespace: 'kube-system' }
        : { apiGroup: 'rbac.authorization.k8s.io', kind: subject.kind, name: subject.name }],
    } as ClusterRoleBinding);
  }
  for (const name of KUBE_SYSTEM_ROLES) {
    createIfMissing(cluster, 'roles', {
      metadata: { name, namespace: 'kube-system', labels: BOOTSTRAP_LABELS, annotations: AUTOUPDATE },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }],
    } as Role);
  }
}
