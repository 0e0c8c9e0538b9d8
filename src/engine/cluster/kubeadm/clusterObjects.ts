/**
 * What `kubeadm init` writes through the API after the control plane answers, phase by phase:
 * upload-config (kubeadm-config, kubelet-config and who may read them), mark-control-plane (labels
 * and taint on the node), bootstrap-token (the token Secret, the RBAC that lets joining nodes
 * bootstrap, and the public cluster-info ConfigMap). Writes carry the actor `kubeadm`.
 */
import type { ConfigMap, Node } from 'kubernetes-types/core/v1';
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import { mustResolve } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import type { Random } from '../../random';
import type { Cluster } from '../cluster';
import {
  CLUSTER_NAME, DNS_DOMAIN, ETCD_DATA_DIR, IMAGE_REGISTRY, KUBERNETES_VERSION, PKI_DIR, SERVICE_SUBNET,
} from '../constants';
import { goYaml } from './kubeconfig';
import { kubeletConfiguration } from './kubeletFiles';
import { DEFAULT_TOKEN_DESCRIPTION, DEFAULT_TOKEN_GROUPS, createToken } from './tokens';

export const KUBEADM_ACTOR = 'kubeadm';
const RBAC = 'rbac.authorization.k8s.io';
export const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' } as const;
export const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node.kubernetes.io/exclude-from-external-load-balancers'];

export function put(cluster: Cluster, resource: string, obj: KubeObject): void {
  const type = mustResolve(resource);
  const existing = cluster.store.get(type, obj.metadata?.namespace, obj.metadata?.name ?? '');
  if (existing) {
    const { resourceVersion: _ignored, ...metadata } = obj.metadata ?? {};
    cluster.store.update(type, { ...obj, metadata }, KUBEADM_ACTOR);
  }
  else cluster.store.create(type, obj, KUBEADM_ACTOR);
}

const group = (name: string): Subject => ({ apiGroup: RBAC, kind: 'Group', name });

function role(cluster: Cluster, namespace: string, name: string, rules: Role['rules'], subjects: Subject[]): void {
  put(cluster, 'roles', { metadata: { name, namespace }, rules } as Role);
  put(cluster, 'rolebindings', { metadata: { name, namespace }, roleRef: { apiGroup: RBAC, kind: 'Role', name }, subjects } as RoleBinding);
}

function clusterRoleBinding(cluster: Cluster, name: string, roleName: string, subjects: Subject[]): void {
  put(cluster, 'clusterrolebindings', {
    metadata: { name }, roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: roleName }, subjects,
  } as ClusterRoleBinding);
}

export function clusterConfiguration(podSubnet: string | undefined): Record<string, unknown> {
  return {
    apiServer: { extraArgs: { 'authorization-mode': 'Node,RBAC' }, timeoutForControlPlane: '4m0s' },
    apiVersion: 'kubeadm.k8s.io/v1beta3',
    certificatesDir: PKI_DIR,
    clusterName: CLUSTER_NAME,
    controllerManager: {},
    dns: {},
    etcd: { local: { dataDir: ETCD_DATA_DIR } },
    imageRepository: IMAGE_REGISTRY,
    kind: 'ClusterConfiguration',
    kubernetesVersion: KUBERNETES_VERSION,
    networking: { dnsDomain: DNS_DOMAIN, ...(podSubnet ? { podSubnet } : {}), serviceSubnet: SERVICE_SUBNET },
    scheduler: {},
  };
}

/** [upload-config] and [kubelet]: the cluster's configuration, readable by joining nodes. */
export function uploadConfig(cluster: Cluster): void {
  const readers = [group(DEFAULT_TOKEN_GROUPS), group('system:nodes')];
  put(cluster, 'configmaps', {
    metadata: { name: 'kubeadm-config', namespace: 'kube-system' },
    data: { ClusterConfiguration: goYaml(clusterConfiguration(cluster.podSubnet)) },
  } as ConfigMap);
  role(cluster, 'kube-system', 'kubeadm:nodes-kubeadm-config',
    [{ apiGroups: [''], resourceNames: ['kubeadm-config'], resources: ['configmaps'], verbs: ['get'] }], readers);
  put(cluster, 'configmaps', {
    metadata: { name: 'kubelet-config', namespace: 'kube-system' },
    data: { kubelet: goYaml(kubeletConfiguration()) },
  } as ConfigMap);
  role(cluster, 'kube-system', 'kubeadm:kubelet-config',
    [{ apiGroups: [''], resourceNames: ['kubelet-config'], resources: ['configmaps'], verbs: ['get'] }], readers);
}

/** [mark-control-plane]: the two labels and the NoSchedule taint. False while the node is not registered yet. */
export function markControlPlane(cluster: Cluster, nodeName: string): boolean {
  const result = cluster.store.mutate<Node>(mustResolve('nodes'), undefined, nodeName, KUBEADM_ACTOR, (draft) => {
    const labels = (draft.metadata.labels ??= {});
    for (const label of CONTROL_PLANE_LABELS) labels[label] = '';
    const spec = (draft.spec ??= {});
    const taints = (spec.taints ??= []);
    if (!taints.some((t) => t.key === CONTROL_PLANE_TAINT.key && t.effect === CONTROL_PLANE_TAINT.effect)) taints.push({ ...CONTROL_PLANE_TAINT });
  });
  return result.ok;
}

/** [bootstrap-token]: the token, the RBAC rules the lines describe, and cluster-info. */
export function bootstrapTokens(cluster: Cluster, token: string, ttlMs: number, random: Random): void {
  const bootstrappers = group(DEFAULT_TOKEN_GROUPS);
  put(cluster, 'clusterroles', {
    metadata: { name: 'kubeadm:get-nodes' }, rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }],
  } as ClusterRole);
  clusterRoleBinding(cluster, 'kubeadm:get-nodes', 'kubeadm:get-nodes', [bootstrappers]);
  clusterRoleBinding(cluster, 'kubeadm:kubelet-bootstrap', 'system:node-bootstrapper', [bootstrappers]);
  clusterRoleBinding(cluster, 'kubeadm:node-autoapprove-bootstrap',
    'system:certificates.k8s.io:certificatesigningrequests:nodeclient', [bootstrappers]);
  clusterRoleBinding(cluster, 'kubeadm:node-autoapprove-certificate-rotation',
    'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', [group('system:nodes')]);
  put(cluster, 'configmaps', {
    metadata: { name: 'cluster-info', namespace: 'kube-public' },
    data: {
      // What kubeadm publishes for joining nodes: the server and the CA, no user (clientcmd's shape).
      kubeconfig: goYaml({
        apiVersion: 'v1',
        clusters: [{ cluster: { 'certificate-authority-data': cluster.ca.certData, server: `https://${cluster.endpoint}` }, name: '' }],
        contexts: null,
        'current-context': '',
        kind: 'Config',
        preferences: {},
        users: null,
      }),
    },
  } as ConfigMap);
  role(cluster, 'kube-public', 'kubeadm:bootstrap-signer-clusterinfo',
    [{ apiGroups: [''], resourceNames: ['cluster-info'], resources: ['configmaps'], verbs: ['get'] }],
    [{ apiGroup: RBAC, kind: 'User', name: 'system:anonymous' }]);
  createToken(cluster, token, ttlMs, DEFAULT_TOKEN_DESCRIPTION, KUBEADM_ACTOR, random);
}
