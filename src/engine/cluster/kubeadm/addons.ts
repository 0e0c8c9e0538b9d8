/**
 * kubeadm's two essential add-ons, as v1.27 creates them: CoreDNS (ServiceAccount, RBAC, the
 * Corefile, a 2-replica Deployment that tolerates the control-plane taint, the kube-dns Service on
 * 10.96.0.10) and kube-proxy (ServiceAccount, RBAC, its config, a DaemonSet on every node).
 *
 * CoreDNS's ReplicaSet is created here too, named coredns-5d78c9869d: that is the hash every v1.27
 * cluster shows for this template (our template hash is not Go's, so we pin it for this one
 * object). The deployment controller adopts it as its new ReplicaSet because the templates match.
 */
import type { ConfigMap, Service, ServiceAccount } from 'kubernetes-types/core/v1';
import type { DaemonSet, Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import { mustResolve } from '../../api/resources';
import type { Cluster } from '../cluster';
import { COREDNS_IMAGE, DNS_DOMAIN, DNS_SERVICE_IP, componentImage } from '../constants';
import { KUBEADM_ACTOR, put } from './clusterObjects';
import { goYaml } from './kubeconfig';

export const COREDNS_RS_HASH = '5d78c9869d';
const RBAC = 'rbac.authorization.k8s.io';

const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${DNS_DOMAIN} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;

export function corednsDeployment(): Deployment {
  const labels = { 'k8s-app': 'kube-dns' };
  return {
    metadata: { name: 'coredns', namespace: 'kube-system', labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels },
        spec: {
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [{
                weight: 100,
                podAffinityTerm: {
                  labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] },
                  topologyKey: 'kubernetes.io/hostname',
                },
              }],
            },
          },
          containers: [{
            name: 'coredns',
            image: COREDNS_IMAGE,
            imagePullPolicy: 'IfNotPresent',
            args: ['-conf', '/etc/coredns/Corefile'],
            livenessProbe: { failureThreshold: 5, httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, successThreshold: 1, timeoutSeconds: 5 },
            ports: [
              { containerPort: 53, name: 'dns', protocol: 'UDP' },
              { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
              { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
            ],
            readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
            resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
              readOnlyRootFilesystem: true,
            },
            volumeMounts: [{ mountPath: '/etc/coredns', name: 'config-volume', readOnly: true }],
          }],
          dnsPolicy: 'Default',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
        },
      },
    },
  };
}

/** [addons] Applied essential addon: CoreDNS */
export function applyCoreDns(cluster: Cluster): void {
  put(cluster, 'serviceaccounts', { metadata: { name: 'coredns', namespace: 'kube-system' } } as ServiceAccount);
  put(cluster, 'clusterroles', {
    metadata: { name: 'system:coredns' },
    rules: [
      { apiGroups: [''], resources: ['endpoints', 'services', 'pods', 'namespaces'], verbs: ['list', 'watch'] },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch'] },
    ],
  } as ClusterRole);
  put(cluster, 'clusterrolebindings', {
    metadata: { name: 'system:coredns' },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'system:coredns' },
    subjects: [{ kind: 'ServiceAccount', name: 'coredns', namespace: 'kube-system' }],
  } as ClusterRoleBinding);
  put(cluster, 'configmaps', { metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: COREFILE } } as ConfigMap);
  const deployments = mustResolve('deployments');
  if (!cluster.store.get(deployments, 'kube-system', 'coredns')) {
    const created = cluster.store.create<Deployment>(deployments, corednsDeployment(), KUBEADM_ACTOR);
    if (created.ok) pinCoreDnsReplicaSet(cluster, created.value);
  }
  put(cluster, 'services', {
    metadata: {
      name: 'kube-dns', namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: DNS_SERVICE_IP, clusterIPs: [DNS_SERVICE_IP], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  } as Service);
}

function pinCoreDnsReplicaSet(cluster: Cluster, deployment: Deployment & { metadata: { name: string; uid: string } }): void {
  const template = deployment.spec!.template;
  const labels = { ...template.metadata?.labels, 'pod-template-hash': COREDNS_RS_HASH };
  cluster.store.create<ReplicaSet>(mustResolve('replicasets'), {
    metadata: {
      name: `coredns-${COREDNS_RS_HASH}`,
      namespace: 'kube-system',
      labels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '2',
        'deployment.kubernetes.io/max-replicas': '3',
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [{
        apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name, uid: deployment.metadata.uid,
        controller: true, blockOwnerDeletion: true,
      }],
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { ...deployment.spec!.selector.matchLabels, 'pod-template-hash': COREDNS_RS_HASH } },
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  }, 'controller:deployment');
}

function kubeProxyConfig(podSubnet: string | undefined): string {
  return goYaml({
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    bindAddress: '0.0.0.0',
    bindAddressHardFail: false,
    clientConnection: { acceptContentTypes: '', burst: 0, contentType: '', kubeconfig: '/var/lib/kube-proxy/kubeconfig.conf', qps: 0 },
    clusterCIDR: podSubnet ?? '',
    configSyncPeriod: '0s',
    conntrack: { maxPerCore: null, min: null, tcpCloseWaitTimeout: null, tcpEstablishedTimeout: null },
    detectLocal: { bridgeInterface: '', interfaceNamePrefix: '' },
    detectLocalMode: '',
    enableProfiling: false,
    healthzBindAddress: '',
    hostnameOverride: '',
    iptables: { localhostNodePorts: null, masqueradeAll: false, masqueradeBit: null, minSyncPeriod: '0s', syncPeriod: '0s' },
    ipvs: { excludeCIDRs: null, minSyncPeriod: '0s', scheduler: '', strictARP: false, syncPeriod: '0s', tcpFinTimeout: '0s', tcpTimeout: '0s', udpTimeout: '0s' },
    kind: 'KubeProxyConfiguration',
    metricsBindAddress: '',
    mode: '',
    nodePortAddresses: null,
    oomScoreAdj: null,
    portRange: '',
    showHiddenMetricsForVersion: '',
  });
}

function kubeProxyKubeconfig(server: string): string {
  return goYaml({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ cluster: { 'certificate-authority': '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt', server }, name: 'default' }],
    contexts: [{ context: { cluster: 'default', namespace: 'default', user: 'default' }, name: 'default' }],
    'current-context': 'default',
    users: [{ name: 'default', user: { tokenFile: '/var/run/secrets/kubernetes.io/serviceaccount/token' } }],
  });
}

export function kubeProxyDaemonSet(): DaemonSet {
  const labels = { 'k8s-app': 'kube-proxy' };
  return {
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels },
    spec: {
      selector: { matchLabels: labels },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels },
        spec: {
          containers: [{
            name: 'kube-proxy',
            image: componentImage('kube-proxy'),
            imagePullPolicy: 'IfNotPresent',
            command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
            env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
            securityContext: { privileged: true },
            volumeMounts: [
              { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
              { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
              { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
            ],
          }],
          hostNetwork: true,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-node-critical',
          serviceAccountName: 'kube-proxy',
          tolerations: [{ operator: 'Exists' }],
          volumes: [
            { name: 'kube-proxy', configMap: { name: 'kube-proxy' } },
            { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
            { name: 'lib-modules', hostPath: { path: '/lib/modules' } },
          ],
        },
      },
    },
  };
}

/** [addons] Applied essential addon: kube-proxy */
export function applyKubeProxy(cluster: Cluster): void {
  put(cluster, 'serviceaccounts', { metadata: { name: 'kube-proxy', namespace: 'kube-system' } } as ServiceAccount);
  put(cluster, 'clusterrolebindings', {
    metadata: { name: 'kubeadm:node-proxier' },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'system:node-proxier' },
    subjects: [{ kind: 'ServiceAccount', name: 'kube-proxy', namespace: 'kube-system' }],
  } as ClusterRoleBinding);
  put(cluster, 'roles', {
    metadata: { name: 'kube-proxy', namespace: 'kube-system' },
    rules: [{ apiGroups: [''], resourceNames: ['kube-proxy'], resources: ['configmaps'], verbs: ['get'] }],
  } as Role);
  put(cluster, 'rolebindings', {
    metadata: { name: 'kube-proxy', namespace: 'kube-system' },
    roleRef: { apiGroup: RBAC, kind: 'Role', name: 'kube-proxy' },
    subjects: [{ apiGroup: RBAC, kind: 'Group', name: 'system:bootstrappers:kubeadm:default-node-token' }],
  } as RoleBinding);
  put(cluster, 'configmaps', {
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { app: 'kube-proxy' } },
    data: { 'config.conf': kubeProxyConfig(cluster.podSubnet), 'kubeconfig.conf': kubeProxyKubeconfig(`https://${cluster.endpoint}`) },
  } as ConfigMap);
  const daemonsets = mustResolve('daemonsets');
  if (!cluster.store.get(daemonsets, 'kube-system', 'kube-proxy')) cluster.store.create<DaemonSet>(daemonsets, kubeProxyDaemonSet(), KUBEADM_ACTOR);
}
