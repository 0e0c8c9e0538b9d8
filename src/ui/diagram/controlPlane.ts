/**
 * Recognises the control-plane static pods kubeadm writes to /etc/kubernetes/manifests. kubeadm
 * labels each with `component=<name>` and `tier=control-plane`, and the kubelet names the mirror pod
 * `<component>-<node>`; either is enough here.
 */
import type { Pod } from '../../engine';

export type ControlPlaneComponent = 'kube-apiserver' | 'etcd' | 'kube-scheduler' | 'kube-controller-manager';

/** The order the diagram lists them in: the API server first, since everything talks to it. */
export const CONTROL_PLANE_COMPONENTS: readonly ControlPlaneComponent[] = ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager'];

/** Plain words for learners, shown above the pod name. */
export const COMPONENT_TITLES: Readonly<Record<ControlPlaneComponent, string>> = {
  'kube-apiserver': 'API server',
  etcd: 'etcd',
  'kube-scheduler': 'scheduler',
  'kube-controller-manager': 'controller manager',
};

function isComponent(value: string | undefined): value is ControlPlaneComponent {
  return value !== undefined && (CONTROL_PLANE_COMPONENTS as readonly string[]).includes(value);
}

export function controlPlaneComponentOf(pod: Pod): ControlPlaneComponent | undefined {
  if (pod.metadata?.namespace !== 'kube-system') return undefined;
  const label = pod.metadata.labels?.['component'];
  if (isComponent(label)) return label;
  const node = pod.spec?.nodeName;
  const name = pod.metadata.name;
  if (node === undefined || name === undefined || !name.endsWith(`-${node}`)) return undefined;
  const prefix = name.slice(0, name.length - node.length - 1);
  return isComponent(prefix) ? prefix : undefined;
}
