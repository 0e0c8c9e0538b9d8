/**
 * Registers the control plane's loops on a cluster's controller manager, each switched on only
 * while its process runs: the scheduler while kube-scheduler's static pod runs, the rest while
 * kube-controller-manager's does (and, for all of them, while the API server answers).
 */
import { controllerContext } from '../../controllers/context';
import { DaemonSetController } from '../../controllers/daemonSet';
import { DeploymentController } from '../../controllers/deployment';
import { NodeLifecycleController } from '../../controllers/nodeLifecycle';
import { ReplicaSetController } from '../../controllers/replicaSet';
import { Scheduler } from '../../controllers/scheduler';
import type { Cluster } from '../cluster';
import { NamespaceDefaultsController } from './namespaceDefaults';
import { NodeIpamController } from './nodeIpam';

export function startClusterControllers(cluster: Cluster): void {
  if (cluster.controllers.has('scheduler')) return;
  const scheduler = () => cluster.controlPlane?.schedulerRunning() ?? false;
  const manager = () => cluster.controlPlane?.controllerManagerRunning() ?? false;
  const ctx = controllerContext(cluster.store, cluster.recorder);
  cluster.controllers.add(new NodeLifecycleController(ctx, manager));
  cluster.controllers.add(new NamespaceDefaultsController(cluster, manager));
  cluster.controllers.add(new NodeIpamController(cluster, manager));
  cluster.controllers.add(new DeploymentController(ctx, manager));
  cluster.controllers.add(new ReplicaSetController(ctx, manager));
  cluster.controllers.add(new DaemonSetController(ctx, manager));
  cluster.controllers.add(new Scheduler(ctx, scheduler));
}
