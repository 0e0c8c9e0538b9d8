/**
 * The Weave Net 2.8.1 manifest as its release (and cloud.weave.works) served it: a List of the
 * ServiceAccount, ClusterRole, ClusterRoleBinding, Role, RoleBinding and the `weave-net` DaemonSet
 * in kube-system (init container weave-init; containers weave and weave-npc, hence READY 2/2;
 * host network; tolerates every NoSchedule/NoExecute taint so it runs on the control plane too).
 */
import { yamlDocument } from '../../util/yamlWrite';

const labels = { name: 'weave-net' };
const RBAC = 'rbac.authorization.k8s.io';
const READ = ['get', 'list', 'watch'];
const nodeName = { name: 'HOSTNAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } };
const xtables = { name: 'xtables-lock', mountPath: '/run/xtables.lock', readOnly: false };

export function weaveManifestObject(image = 'weaveworks/weave-kube:latest', npcImage = 'weaveworks/weave-npc:latest'): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'List',
    items: [
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'weave-net', labels, namespace: 'kube-system' } },
      {
        apiVersion: `${RBAC}/v1`, kind: 'ClusterRole', metadata: { name: 'weave-net', labels },
        rules: [
          { apiGroups: [''], resources: ['pods', 'namespaces', 'nodes'], verbs: READ },
          { apiGroups: ['extensions'], resources: ['networkpolicies'], verbs: READ },
          { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: READ },
          { apiGroups: [''], resources: ['nodes/status'], verbs: ['patch', 'update'] },
        ],
      },
      {
        apiVersion: `${RBAC}/v1`, kind: 'ClusterRoleBinding', metadata: { name: 'weave-net', labels },
        roleRef: { kind: 'ClusterRole', name: 'weave-net', apiGroup: RBAC },
        subjects: [{ kind: 'ServiceAccount', name: 'weave-net', namespace: 'kube-system' }],
      },
      {
        apiVersion: `${RBAC}/v1`, kind: 'Role', metadata: { name: 'weave-net', namespace: 'kube-system', labels },
        rules: [
          { apiGroups: [''], resources: ['configmaps'], resourceNames: ['weave-net'], verbs: ['get', 'update'] },
          { apiGroups: [''], resources: ['configmaps'], verbs: ['create'] },
        ],
      },
      {
        apiVersion: `${RBAC}/v1`, kind: 'RoleBinding', metadata: { name: 'weave-net', namespace: 'kube-system', labels },
        roleRef: { kind: 'Role', name: 'weave-net', apiGroup: RBAC },
        subjects: [{ kind: 'ServiceAccount', name: 'weave-net', namespace: 'kube-system' }],
      },
      {
        apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'weave-net', labels, namespace: 'kube-system' },
        spec: {
          minReadySeconds: 5,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              initContainers: [{
                name: 'weave-init', image, imagePullPolicy: 'Always', command: ['/home/weave/init.sh'],
                securityContext: { privileged: true },
                volumeMounts: [
                  { name: 'cni-bin', mountPath: '/host/opt' },
                  { name: 'cni-bin2', mountPath: '/host/home' },
                  { name: 'cni-conf', mountPath: '/host/etc' },
                  { name: 'lib-modules', mountPath: '/lib/modules' },
                  xtables,
                ],
              }],
              containers: [
                {
                  name: 'weave', command: ['/home/weave/launch.sh'],
                  env: [{ name: 'INIT_CONTAINER', value: 'true' }, nodeName],
                  image, imagePullPolicy: 'Always',
                  readinessProbe: { httpGet: { host: '127.0.0.1', path: '/status', port: 6784 } },
                  resources: { requests: { cpu: '50m' } },
                  securityContext: { privileged: true },
                  volumeMounts: [
                    { name: 'weavedb', mountPath: '/weavedb' },
                    { name: 'dbus', mountPath: '/host/var/lib/dbus', readOnly: true },
                    { name: 'cni-machine-id', mountPath: '/host/etc/machine-id', readOnly: true },
                    xtables,
                  ],
                },
                {
                  name: 'weave-npc', env: [nodeName], image: npcImage, imagePullPolicy: 'Always',
                  resources: { requests: { cpu: '50m' } },
                  securityContext: { privileged: true },
                  volumeMounts: [xtables],
                },
              ],
              dnsPolicy: 'ClusterFirstWithHostNet',
              hostNetwork: true,
              hostPID: false,
              priorityClassName: 'system-node-critical',
              restartPolicy: 'Always',
              securityContext: { seLinuxOptions: {} },
              serviceAccountName: 'weave-net',
              tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }, { effect: 'NoExecute', operator: 'Exists' }],
              volumes: [
                { name: 'weavedb', hostPath: { path: '/var/lib/weave' } },
                { name: 'cni-bin', hostPath: { path: '/opt' } },
                { name: 'cni-bin2', hostPath: { path: '/home' } },
                { name: 'cni-conf', hostPath: { path: '/etc' } },
                { name: 'cni-machine-id', hostPath: { path: '/etc/machine-id' } },
                { name: 'dbus', hostPath: { path: '/var/lib/dbus' } },
                { name: 'lib-modules', hostPath: { path: '/lib/modules' } },
                { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
              ],
            },
          },
          updateStrategy: { type: 'RollingUpdate' },
        },
      },
    ],
  };
}

/**
 * The manifest as text, the way the release file lays it out (block style, two-space indents, list
 * items indented under their key, the shared label and verb lists written out in full each time).
 */
export function weaveManifestYaml(): string {
  return yamlDocument(weaveManifestObject());
}
