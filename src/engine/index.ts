/**
 * The engine's public surface. Layers above import from here only.
 */
// World, time and randomness
export { World, DEFAULT_EPOCH_MS } from './world';
export type { WorldOptions, WorldEvents } from './world';
export { VirtualClock } from './clock';
export type { TimerId } from './clock';
export { Random } from './random';
export { Emitter } from './emitter';
export type { Unsubscribe } from './emitter';

// Hosts
export { Host, OS_IMAGE, KERNEL_VERSION } from './host/host';
export type { KubeletHandle } from './host/host';
export { VirtualFs, resolvePath, dirname, basename, ERRNO_MESSAGES } from './host/fs';
export type { FsError, FsErrorCode, FsResult, Stat } from './host/fs';
export { Network } from './host/network';
export type { Listener, DialResult, Protocol } from './host/network';

// The API
export { ApiStore } from './api/store';
export type { ListOptions } from './api/store';
export { ApiError, notFound, alreadyExists, conflict, invalid, okResult, errResult } from './api/errors';
export type { ApiErrorReason, ApiResult } from './api/errors';
export { RESOURCE_TYPES, resolveResourceType, typeForKind, typeForKindAnyVersion, apiVersionOf, resourceKey, mustResolve } from './api/resources';
export type { ResourceType } from './api/resources';
export { parseSelector, matchesSelector, fromLabelSelector, fromLabels, formatSelector } from './api/selectors';
export type { Selector, Requirement, SelectorParse } from './api/selectors';
export { EventRecorder } from './api/events';
export type { EventSource, EventType } from './api/events';
export { NAME_ALPHABET, podTemplateHash, safeEncodeString, fnv32a, canonicalJson } from './api/names';
export { controllerOf, fieldOf } from './api/types';
export type {
  KubeObject, Stored, Actor, WatchEvent, WatchEventType, ObjectMeta, OwnerReference, LabelSelector,
  Pod, PodSpec, PodStatus, Container, ContainerStatus, Node, NodeStatus, NodeCondition, Namespace, Service, Endpoints,
  ConfigMap, Secret, ServiceAccount, Event, Taint, Toleration, PodCondition, ContainerState, Deployment, ReplicaSet, DaemonSet,
} from './api/types';

// Clusters and controllers
export { Cluster, API_SERVER_PORT, isApiServerService } from './cluster/cluster';
export type { ClusterInit, ApiServerService, ClusterCa } from './cluster/cluster';
export { Internet, parseUrl } from './internet';
export type { FetchResult, UrlHandler, ParsedUrl } from './internet';
export { ControllerManager } from './controllers/manager';
export type { Controller, ReconcileResult } from './controllers/manager';

// Utilities
export { deepClone, deepEqual, deepFreeze } from './util/json';
export type { Draft, Json } from './util/json';
export { rfc3339, rfc3339Micro, parseTime } from './util/time';
export { base64Encode, base64Decode, bytesToBase64, base64ToBytes, utf8Encode, utf8Decode } from './util/base64';

// Read-only pictures of the world
export { snapshotOf } from './snapshot';
export type { WorldSnapshot, HostSnapshot, ClusterSnapshot } from './snapshot';
