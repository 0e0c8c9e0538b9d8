/**
 * The NamespaceLifecycle admission plugin and the namespace deletion strategy: default,
 * kube-system and kube-public may never be deleted; deleting another namespace only marks it
 * Terminating (the namespace controller empties it, then removes it); nothing new may be created
 * in a namespace while it terminates.
 */
import { ApiError } from './errors';
import { resourceKey, type ResourceType } from './resources';
import type { Namespace, Stored } from './types';
import type { Draft } from '../util/json';

/** The namespaces the API server refuses to delete. */
export const IMMORTAL_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];

/** The finalizer the API server puts on every namespace, removed by the namespace controller. */
export const NAMESPACE_FINALIZER = 'kubernetes';

export function namespaceDeleteError(name: string): ApiError | undefined {
  if (!IMMORTAL_NAMESPACES.includes(name)) return undefined;
  return new ApiError('Forbidden', `namespaces "${name}" is forbidden: this namespace may not be deleted`);
}

/** `pods "web" is forbidden: unable to create new content in namespace demo because it is being terminated` */
export function namespaceCreateError(type: ResourceType, name: string, namespace: Stored<Namespace> | undefined): ApiError | undefined {
  if (!namespace || type.kind === 'Namespace') return undefined;
  if (!namespace.metadata.deletionTimestamp && namespace.status?.phase !== 'Terminating') return undefined;
  const ns = namespace.metadata.name;
  return new ApiError('Forbidden', `${resourceKey(type)} "${name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`);
}

export function markNamespaceTerminating(draft: Draft<Stored>, timestamp: string): void {
  draft.metadata.deletionTimestamp = timestamp;
  draft.metadata.deletionGracePeriodSeconds = 0;
  const ns = draft as Draft<Namespace>;
  ns.status = { ...ns.status, phase: 'Terminating' };
}
