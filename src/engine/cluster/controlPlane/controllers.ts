/**
 * Registers the control plane's loops on a cluster's controller manager, each switched on only
 * while its process runs: the scheduler while kube-scheduler's static pod runs, the controller
 * manager's loops while kube-controller-manager's does (both only while the API server answers).
 * The loops are controllers/' own; node IPAM (only with --pod-network-cidr) is kept here.
 */
import { startControlPlaneControllers } from '../../controllers/controlPlane';
import type { Cluster } from '../cluster';
import { NodeIpamController } from './nodeIpam';

export function startClusterControllers(cluster: Cluster): void {
  if (cluster.controllers.has('scheduler')) return;
  const controllerManagerEnabled = () => cluster.controlPlane?.controllerManagerRunning() ?? false;
  startControlPlaneControllers(cluster, {
    schedulerEnabled: () => cluster.controlPlane?.schedulerRunning() ?? false,
    controllerManagerEnabled,
  });
  cluster.controllers.add(new NodeIpamController(cluster, controllerManagerEnabled));
}
