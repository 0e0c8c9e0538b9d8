/**
 * What every control loop is built from: the cluster's API store, its event recorder and the
 * shared informer index. Resource types the loops use are resolved once here.
 */
import type { ApiStore } from '../api/store';
import type { EventRecorder } from '../api/events';
import { mustResolve } from '../api/resources';
import { ObjectIndex } from './objectIndex';

export interface ControllerContext {
  readonly store: ApiStore;
  readonly recorder: EventRecorder;
  readonly index: ObjectIndex;
}

export function controllerContext(store: ApiStore, recorder: EventRecorder): ControllerContext {
  return { store, recorder, index: ObjectIndex.of(store) };
}

export const R = {
  pods: mustResolve('pods'),
  nodes: mustResolve('nodes'),
  namespaces: mustResolve('namespaces'),
  replicasets: mustResolve('replicasets'),
  deployments: mustResolve('deployments'),
  daemonsets: mustResolve('daemonsets'),
  jobs: mustResolve('jobs'),
  controllerrevisions: mustResolve('controllerrevisions'),
  serviceaccounts: mustResolve('serviceaccounts'),
  configmaps: mustResolve('configmaps'),
  leases: mustResolve('leases'),
} as const;

/** Store keys of the resource types, as watch events carry them. */
export const KEY = {
  pods: 'pods',
  nodes: 'nodes',
  namespaces: 'namespaces',
  replicasets: 'replicasets.apps',
  deployments: 'deployments.apps',
  daemonsets: 'daemonsets.apps',
  jobs: 'jobs.batch',
  controllerrevisions: 'controllerrevisions.apps',
  serviceaccounts: 'serviceaccounts',
  configmaps: 'configmaps',
  leases: 'leases.coordination.k8s.io',
} as const;
