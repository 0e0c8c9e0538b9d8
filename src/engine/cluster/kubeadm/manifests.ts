/**
 * The static pod manifests kubeadm v1.27 writes to /etc/kubernetes/manifests: etcd, kube-apiserver,
 * kube-controller-manager and kube-scheduler, each a hostNetwork pod in kube-system with the
 * system-node-critical priority, its flags, probes and hostPath volumes.
 */
import type { Container, Pod, Probe, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import {
  DNS_DOMAIN, ETCD_DATA_DIR, ETCD_IMAGE, PKI_DIR, PORTS, SERVICE_SUBNET, componentImage, type ControlPlaneComponent,
} from '../constants';
import { goYaml } from './kubeconfig';

export interface ManifestOptions {
  readonly nodeName: string;
  readonly advertiseAddress: string;
  readonly podSubnet: string | undefined;
}

type Mount = readonly [name: string, path: string, type: 'DirectoryOrCreate' | 'FileOrCreate' | 'Directory', readOnly: boolean];

const CERT_MOUNTS: readonly Mount[] = [
  ['ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate', true],
  ['etc-pki', '/etc/pki', 'DirectoryOrCreate', true],
  ['k8s-certs', PKI_DIR, 'DirectoryOrCreate', true],
];

function probe(host: string, path: string, port: number, scheme: 'HTTP' | 'HTTPS', extra: Partial<Probe>): Probe {
  return { failureThreshold: 8, httpGet: { host, path, port, scheme }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15, ...extra };
}

function pod(name: string, annotations: Record<string, string> | undefined, container: Container, mounts: readonly Mount[]): Pod {
  const volumeMounts: VolumeMount[] = mounts.map(([n, path, , readOnly]) => ({ mountPath: path, name: n, ...(readOnly ? { readOnly: true } : {}) }));
  const volumes: Volume[] = mounts.map(([n, path, type]) => ({ hostPath: { path, type }, name: n }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(annotations ? { annotations } : {}),
      creationTimestamp: null as unknown as string,
      labels: { component: name, tier: 'control-plane' },
      name,
      namespace: 'kube-system',
    },
    spec: {
      containers: [{ ...container, volumeMounts }],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes,
    },
    status: {},
  };
}

export function etcdManifest(o: ManifestOptions): Pod {
  const ip = o.advertiseAddress;
  return pod('etcd', { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:${PORTS.etcdClient}` }, {
    name: 'etcd',
    command: [
      'etcd',
      `--advertise-client-urls=https://${ip}:${PORTS.etcdClient}`,
      `--cert-file=${PKI_DIR}/etcd/server.crt`,
      '--client-cert-auth=true',
      `--data-dir=${ETCD_DATA_DIR}`,
      '--experimental-initial-corrupt-check=true',
      '--experimental-watch-progress-notify-interval=5s',
      `--initial-advertise-peer-urls=https://${ip}:${PORTS.etcdPeer}`,
      `--initial-cluster=${o.nodeName}=https://${ip}:${PORTS.etcdPeer}`,
      `--key-file=${PKI_DIR}/etcd/server.key`,
      `--listen-client-urls=https://127.0.0.1:${PORTS.etcdClient},https://${ip}:${PORTS.etcdClient}`,
      '--listen-metrics-urls=http://127.0.0.1:2381',
      `--listen-peer-urls=https://${ip}:${PORTS.etcdPeer}`,
      `--name=${o.nodeName}`,
      `--peer-cert-file=${PKI_DIR}/etcd/peer.crt`,
      '--peer-client-cert-auth=true',
      `--peer-key-file=${PKI_DIR}/etcd/peer.key`,
      `--peer-trusted-ca-file=${PKI_DIR}/etcd/ca.crt`,
      '--snapshot-count=10000',
      `--trusted-ca-file=${PKI_DIR}/etcd/ca.crt`,
    ],
    image: ETCD_IMAGE,
    imagePullPolicy: 'IfNotPresent',
    livenessProbe: probe('127.0.0.1', '/health?exclude=NOSPACE&serializable=true', 2381, 'HTTP', {}),
    resources: { requests: { cpu: '100m', memory: '100Mi' } },
    startupProbe: probe('127.0.0.1', '/health?serializable=false', 2381, 'HTTP', { failureThreshold: 24 }),
  }, [['etcd-certs', `${PKI_DIR}/etcd`, 'DirectoryOrCreate', false], ['etcd-data', ETCD_DATA_DIR, 'DirectoryOrCreate', false]]);
}

export function apiServerManifest(o: ManifestOptions): Pod {
  const ip = o.advertiseAddress;
  const https = (path: string, extra: Partial<Probe>) => probe(ip, path, PORTS.apiServer, 'HTTPS', extra);
  return pod('kube-apiserver', { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:${PORTS.apiServer}` }, {
    name: 'kube-apiserver',
    command: [
      'kube-apiserver',
      `--advertise-address=${ip}`,
      '--allow-privileged=true',
      '--authorization-mode=Node,RBAC',
      `--client-ca-file=${PKI_DIR}/ca.crt`,
      '--enable-admission-plugins=NodeRestriction',
      '--enable-bootstrap-token-auth=true',
      `--etcd-cafile=${PKI_DIR}/etcd/ca.crt`,
      `--etcd-certfile=${PKI_DIR}/apiserver-etcd-client.crt`,
      `--etcd-keyfile=${PKI_DIR}/apiserver-etcd-client.key`,
      `--etcd-servers=https://127.0.0.1:${PORTS.etcdClient}`,
      `--kubelet-client-certificate=${PKI_DIR}/apiserver-kubelet-client.crt`,
      `--kubelet-client-key=${PKI_DIR}/apiserver-kubelet-client.key`,
      '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
      `--proxy-client-cert-file=${PKI_DIR}/front-proxy-client.crt`,
      `--proxy-client-key-file=${PKI_DIR}/front-proxy-client.key`,
      '--requestheader-allowed-names=front-proxy-client',
      `--requestheader-client-ca-file=${PKI_DIR}/front-proxy-ca.crt`,
      '--requestheader-extra-headers-prefix=X-Remote-Extra-',
      '--requestheader-group-headers=X-Remote-Group',
      '--requestheader-username-headers=X-Remote-User',
      `--secure-port=${PORTS.apiServer}`,
      `--service-account-issuer=https://kubernetes.default.svc.${DNS_DOMAIN}`,
      `--service-account-key-file=${PKI_DIR}/sa.pub`,
      `--service-account-signing-key-file=${PKI_DIR}/sa.key`,
      `--service-cluster-ip-range=${SERVICE_SUBNET}`,
      `--tls-cert-file=${PKI_DIR}/apiserver.crt`,
      `--tls-private-key-file=${PKI_DIR}/apiserver.key`,
    ],
    image: componentImage('kube-apiserver'),
    imagePullPolicy: 'IfNotPresent',
    livenessProbe: https('/livez', {}),
    readinessProbe: { failureThreshold: 3, httpGet: { host: ip, path: '/readyz', port: PORTS.apiServer, scheme: 'HTTPS' }, periodSeconds: 1, timeoutSeconds: 15 },
    resources: { requests: { cpu: '250m' } },
    startupProbe: https('/livez', { failureThreshold: 24 }),
  }, CERT_MOUNTS);
}

export function controllerManagerManifest(o: ManifestOptions): Pod {
  const cidr = o.podSubnet ? ['--allocate-node-cidrs=true', `--cluster-cidr=${o.podSubnet}`] : [];
  return pod('kube-controller-manager', undefined, {
    name: 'kube-controller-manager',
    command: [
      'kube-controller-manager',
      ...cidr.slice(0, 1),
      '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
      '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
      '--bind-address=127.0.0.1',
      `--client-ca-file=${PKI_DIR}/ca.crt`,
      ...cidr.slice(1),
      '--cluster-name=kubernetes',
      `--cluster-signing-cert-file=${PKI_DIR}/ca.crt`,
      `--cluster-signing-key-file=${PKI_DIR}/ca.key`,
      '--controllers=*,bootstrapsigner,tokencleaner',
      '--kubeconfig=/etc/kubernetes/controller-manager.conf',
      '--leader-elect=true',
      `--requestheader-client-ca-file=${PKI_DIR}/front-proxy-ca.crt`,
      `--root-ca-file=${PKI_DIR}/ca.crt`,
      `--service-account-private-key-file=${PKI_DIR}/sa.key`,
      ...(o.podSubnet ? [`--service-cluster-ip-range=${SERVICE_SUBNET}`] : []),
      '--use-service-account-credentials=true',
    ],
    image: componentImage('kube-controller-manager'),
    imagePullPolicy: 'IfNotPresent',
    livenessProbe: probe('127.0.0.1', '/healthz', PORTS.controllerManager, 'HTTPS', {}),
    resources: { requests: { cpu: '200m' } },
    startupProbe: probe('127.0.0.1', '/healthz', PORTS.controllerManager, 'HTTPS', { failureThreshold: 24 }),
  }, [
    ...CERT_MOUNTS.slice(0, 2),
    ['flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', 'DirectoryOrCreate', false],
    CERT_MOUNTS[2]!,
    ['kubeconfig', '/etc/kubernetes/controller-manager.conf', 'FileOrCreate', true],
  ]);
}

export function schedulerManifest(): Pod {
  return pod('kube-scheduler', undefined, {
    name: 'kube-scheduler',
    command: [
      'kube-scheduler',
      '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
      '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
      '--bind-address=127.0.0.1',
      '--kubeconfig=/etc/kubernetes/scheduler.conf',
      '--leader-elect=true',
    ],
    image: componentImage('kube-scheduler'),
    imagePullPolicy: 'IfNotPresent',
    livenessProbe: probe('127.0.0.1', '/healthz', PORTS.scheduler, 'HTTPS', {}),
    resources: { requests: { cpu: '100m' } },
    startupProbe: probe('127.0.0.1', '/healthz', PORTS.scheduler, 'HTTPS', { failureThreshold: 24 }),
  }, [['kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate', true]]);
}

export function controlPlaneManifest(component: ControlPlaneComponent, o: ManifestOptions): Pod {
  switch (component) {
    case 'kube-apiserver': return apiServerManifest(o);
    case 'kube-controller-manager': return controllerManagerManifest(o);
    case 'kube-scheduler': return schedulerManifest();
  }
}

export function manifestYaml(p: Pod): string {
  return goYaml(p);
}
