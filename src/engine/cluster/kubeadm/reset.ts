/**
 * `kubeadm reset` as an engine operation: stop the kubelet (its containers go with it), and on the
 * control-plane host the whole cluster (etcd's data is deleted, so the cluster is gone for good);
 * then empty the directories and delete the files kubeadm created. CNI configuration, iptables
 * rules and ~/.kube/config are left alone, exactly as kubeadm's closing notes warn.
 */
import type { Host } from '../../host/host';
import type { World } from '../../world';
import type { Cluster } from '../cluster';
import { ETCD_DATA_DIR, KUBELET_DIR, MANIFESTS_DIR, PKI_DIR } from '../constants';
import { Kubelet } from '../kubelet/kubelet';

export const RESET_FILES = [
  '/etc/kubernetes/admin.conf', '/etc/kubernetes/kubelet.conf', '/etc/kubernetes/bootstrap-kubelet.conf',
  '/etc/kubernetes/controller-manager.conf', '/etc/kubernetes/scheduler.conf',
];

export interface ResetPlan {
  /** The cluster whose control plane runs on this host, if any (it will be removed). */
  readonly controlPlaneOf: Cluster | undefined;
  /** The cluster the host's kubelet belongs to, while its API server answers (for "Reading configuration"). */
  readonly reachableCluster: Cluster | undefined;
  readonly etcdDataDir: boolean;
  readonly directories: readonly string[];
}

export function planReset(world: World, host: Host): ResetPlan {
  const controlPlaneOf = world.clusters.find((c) => c.controlPlaneHost === host.name);
  const kubelet = host.kubelet instanceof Kubelet ? host.kubelet : undefined;
  const member = kubelet?.cluster ?? controlPlaneOf;
  const etcdEntries = host.fs.readdir(ETCD_DATA_DIR);
  const etcdDataDir = etcdEntries.ok && etcdEntries.value.length > 0;
  return {
    controlPlaneOf,
    reachableCluster: member?.apiServerUp ? member : undefined,
    etcdDataDir: etcdDataDir || controlPlaneOf !== undefined,
    directories: [MANIFESTS_DIR, KUBELET_DIR, PKI_DIR],
  };
}

/** Stops the kubelet; the control plane's containers stop with it. */
export function stopKubelet(world: World, host: Host): void {
  if (host.kubelet instanceof Kubelet) host.kubelet.stop();
  else host.kubelet = undefined;
  world.touch();
}

/** Deletes etcd's data: on the control-plane host this is the end of the cluster. */
export function deleteEtcdData(world: World, host: Host, plan: ResetPlan): void {
  emptyDir(host, ETCD_DATA_DIR);
  if (plan.controlPlaneOf) world.removeCluster(plan.controlPlaneOf);
}

export function cleanDirectories(host: Host, plan: ResetPlan): void {
  for (const dir of plan.directories) emptyDir(host, dir);
}

export function deleteFiles(host: Host): void {
  for (const file of RESET_FILES) host.fs.remove(file);
}

function emptyDir(host: Host, dir: string): void {
  const entries = host.fs.readdir(dir);
  if (!entries.ok) return;
  for (const name of entries.value) host.fs.remove(`${dir}/${name}`, { recursive: true });
}
