/**
 * Versions, images, addresses and ports of the cluster kubeadm v1.27.2 builds on a Play with
 * Kubernetes host. One place, so kubeadm's output, the static pod manifests, the Node objects and
 * `kubeadm config images list` always agree.
 */
export const KUBERNETES_VERSION = 'v1.27.2';
export const KUBERNETES_GIT_COMMIT = '7f6f68fdabc4df88cfea2dcf9a19b2b830f1e647';
export const KUBEADM_BUILD_DATE = '2023-05-17T14:18:49Z';
export const GO_VERSION = 'go1.20.4';
export const CONTAINER_RUNTIME_VERSION = 'containerd://1.6.21';
/** PWK's kubeadm wrapper points kubeadm and the kubelet at the containerd that Docker runs. */
export const CRI_SOCKET = 'unix:///run/docker/containerd/containerd.sock';

export const IMAGE_REGISTRY = 'registry.k8s.io';
export const PAUSE_IMAGE = `${IMAGE_REGISTRY}/pause:3.9`;
export const ETCD_IMAGE = `${IMAGE_REGISTRY}/etcd:3.5.7-0`;
export const COREDNS_IMAGE = `${IMAGE_REGISTRY}/coredns/coredns:v1.10.1`;

export type ControlPlaneComponent = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler';
export const CONTROL_PLANE_COMPONENTS: readonly ControlPlaneComponent[] = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];

export function componentImage(component: ControlPlaneComponent | 'kube-proxy'): string {
  return `${IMAGE_REGISTRY}/${component}:${KUBERNETES_VERSION}`;
}

/** `kubeadm config images list`, in kubeadm's order. */
export const CONTROL_PLANE_IMAGES: readonly string[] = [
  componentImage('kube-apiserver'),
  componentImage('kube-controller-manager'),
  componentImage('kube-scheduler'),
  componentImage('kube-proxy'),
  PAUSE_IMAGE,
  ETCD_IMAGE,
  COREDNS_IMAGE,
];

export const SERVICE_SUBNET = '10.96.0.0/12';
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const DNS_SERVICE_IP = '10.96.0.10';
export const DNS_DOMAIN = 'cluster.local';
export const CLUSTER_NAME = 'kubernetes';

/** Ports kubeadm's preflight checks, and who listens on them once the control plane runs. */
export const PORTS = {
  apiServer: 6443,
  kubelet: 10250,
  scheduler: 10259,
  controllerManager: 10257,
  etcdClient: 2379,
  etcdPeer: 2380,
} as const;

export const MANIFESTS_DIR = '/etc/kubernetes/manifests';
export const PKI_DIR = '/etc/kubernetes/pki';
export const KUBELET_DIR = '/var/lib/kubelet';
export const ETCD_DATA_DIR = '/var/lib/etcd';
export const CNI_CONF_DIR = '/etc/cni/net.d';

/** Bootstrap tokens live 24 hours unless --ttl says otherwise. */
export const DEFAULT_TOKEN_TTL_MS = 24 * 3600 * 1000;
/** kubeadm join gives up on discovery after 5 minutes (JoinConfiguration discovery.timeout). */
export const DISCOVERY_TIMEOUT_MS = 5 * 60 * 1000;
/** kubeadm init waits up to 4 minutes for the control plane ([wait-control-plane]). */
export const CONTROL_PLANE_TIMEOUT_MS = 4 * 60 * 1000;
