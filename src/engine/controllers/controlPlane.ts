/**
 * Registers the control plane's loops on a cluster's controller manager, in the order they run
 * at one instant: kube-controller-manager's loops (namespace, node lifecycle, taint eviction,
 * deployment, replicaset, daemonset, job, endpoints, endpointslice, garbage collectors, serviceaccount,
 * root CA publisher), then kube-scheduler. Each runs only while its process does: kubeadm's
 * static pods switch them with the two predicates.
 */
import type { Cluster } from '../cluster/cluster';
import { base64Decode } from '../util/base64';
import type { Controller } from './manager';
import { controllerContext } from './context';
import { NamespaceController } from './namespace';
import { NodeLifecycleController } from './nodeLifecycle';
import { TaintEvictionController } from './taintEviction';
import { DeploymentController } from './deployment';
import { ReplicaSetController } from './replicaSet';
import { DaemonSetController } from './daemonSet';
import { JobController } from './job';
import { GarbageCollector } from './garbageCollector';
import { PodGarbageCollector } from './podGc';
import { RootCaPublisher, ServiceAccountController } from './serviceAccounts';
import { Scheduler } from './scheduler';
import { EndpointsController } from '../services/endpointsController';
import { EndpointSliceController } from '../services/endpointSliceController';

export interface ControlPlaneSwitches {
  /** True while kube-scheduler runs (its static pod is Running). */
  readonly schedulerEnabled: () => boolean;
  /** True while kube-controller-manager runs. */
  readonly controllerManagerEnabled: () => boolean;
}

export interface ControlPlaneControllers {
  /** Names of the registered controllers, in order (their writes carry these actors). */
  readonly names: readonly string[];
  /** Unregisters them (kubeadm reset). */
  stop(): void;
}

type ClusterParts = Pick<Cluster, 'store' | 'recorder' | 'controllers' | 'ca'>;

export function startControlPlaneControllers(cluster: ClusterParts, switches: ControlPlaneSwitches): ControlPlaneControllers {
  const ctx = controllerContext(cluster.store, cluster.recorder);
  const kcm = switches.controllerManagerEnabled;
  const controllers: Controller[] = [
    new NamespaceController(ctx, kcm),
    new NodeLifecycleController(ctx, kcm),
    new TaintEvictionController(ctx, kcm),
    new DeploymentController(ctx, kcm),
    new ReplicaSetController(ctx, kcm),
    new DaemonSetController(ctx, kcm),
    new JobController(ctx, kcm),
    new EndpointsController(ctx, kcm),
    new EndpointSliceController(ctx, kcm),
    new GarbageCollector(ctx, kcm),
    new PodGarbageCollector(ctx, kcm),
    new ServiceAccountController(ctx, kcm),
    new RootCaPublisher(ctx, base64Decode(cluster.ca.certData) ?? '', kcm),
    new Scheduler(ctx, switches.schedulerEnabled),
  ];
  for (const c of controllers) {
    // Each one's enabled() is its switch: passing the switch lets the manager ask it once for all.
    if (!cluster.controllers.has(c.name)) cluster.controllers.add(c, c instanceof Scheduler ? switches.schedulerEnabled : kcm);
  }
  const names = controllers.map((c) => c.name);
  return {
    names,
    stop: () => {
      for (const name of names) cluster.controllers.remove(name);
    },
  };
}
