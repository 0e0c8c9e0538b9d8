/**
 * Object shapes: upstream names from kubernetes-types, so manifests from the real docs apply as
 * they are. KubeObject is the common shape the store handles for any kind.
 */
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';

export type { ObjectMeta, OwnerReference, LabelSelector } from 'kubernetes-types/meta/v1';
export type {
  Pod, PodSpec, PodStatus, Container, ContainerStatus, Node, NodeStatus, NodeCondition, Namespace, Service, Endpoints,
  ConfigMap, Secret, ServiceAccount, Event, Taint, Toleration, PodCondition, ContainerState,
} from 'kubernetes-types/core/v1';
export type { Deployment, ReplicaSet, DaemonSet } from 'kubernetes-types/apps/v1';

export interface KubeObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: ObjectMeta;
}

/** Any field of an object by name (spec, status, data...), for code that handles every kind. */
export function fieldOf(obj: KubeObject, field: string): unknown {
  return (obj as Record<string, unknown>)[field];
}

/** An object as the store holds it: metadata filled in, deeply frozen. */
export type Stored<T extends KubeObject = KubeObject> = T & {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta & { name: string; uid: string; resourceVersion: string; creationTimestamp: string };
};

/** Who made a change: `user:kubectl`, `scheduler`, `controller:replicaset`, `kubelet:node2`... */
export type Actor = string;

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  readonly type: WatchEventType;
  /** Store key of the resource type, e.g. "pods" or "deployments.apps". */
  readonly resource: string;
  readonly object: Stored;
  readonly previous: Stored | undefined;
  readonly actor: Actor;
}

export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata?.ownerReferences?.find((ref) => ref.controller === true);
}
