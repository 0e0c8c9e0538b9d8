/**
 * The API server's storage: objects shaped like the real API, with uid, resourceVersion,
 * generation and creationTimestamp filled in, deeply frozen once stored, and a watch stream of
 * ADDED / MODIFIED / DELETED events tagged with the actor that made the change.
 *
 * Writers never mutate what they read: mutate() hands them a draft copy and stores the result
 * only when something changed, so level-triggered controllers can run as often as they like.
 */
import { Emitter, type Unsubscribe } from '../emitter';
import type { Random } from '../random';
import { deepClone, deepEqual, deepFreeze, type Draft } from '../util/json';
import { rfc3339 } from '../util/time';
import { ApiError, alreadyExists, conflict, errResult, notFound, okResult, type ApiResult } from './errors';
import { applyDefaults, prepareWithUid } from './defaults';
import { namespaceCreateError, namespaceDeleteError, markNamespaceTerminating } from './namespaceLifecycle';
import { apiVersionOf, mustResolve, resourceKey, type ResourceType } from './resources';
import { fieldOf, type Actor, type KubeObject, type ObjectMeta, type Stored, type WatchEvent } from './types';
import { matchesSelector, type Selector } from './selectors';
import { invalidObject, validationCauses } from './validation';

/**
 * An API server step that runs on every create and update after defaulting, before the object is
 * stored: it may fill fields in the draft (a Service's ClusterIP) or refuse the write. `current`
 * is the stored object an update replaces. In a dry run (`dryRun` true) a plugin must not change
 * what later writes get: allocators answer without reserving, random draws come from a fork.
 */
export type AdmissionPlugin = (type: ResourceType, draft: Draft<KubeObject>, current: Stored | undefined, dryRun: boolean) => ApiError | undefined;

export interface ListOptions {
  /** Undefined lists every namespace. */
  readonly namespace?: string | undefined;
  readonly selector?: Selector | undefined;
}

const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export class ApiStore {
  private readonly objects = new Map<string, Map<string, Stored>>();
  private readonly emitter = new Emitter<{ watch: WatchEvent }>();
  private revision = 0;
  private readonly admission: AdmissionPlugin[] = [];
  private readonly names: Random;
  private readonly uids: Random;

  constructor(
    private readonly clockNow: () => number,
    private readonly epochMs: number,
    random: Random,
  ) {
    this.names = random.fork('generateName');
    this.uids = random.fork('uid');
  }

  /** Wall-clock milliseconds of the virtual now. */
  wallNow(): number {
    return this.epochMs + this.clockNow();
  }

  timestamp(): string {
    return rfc3339(this.wallNow());
  }

  /** Adds an admission step (services/ allocates ClusterIPs and NodePorts with one). */
  admit(plugin: AdmissionPlugin): void {
    this.admission.push(plugin);
  }

  watch(listener: (event: WatchEvent) => void): Unsubscribe {
    return this.emitter.on('watch', listener);
  }

  get<T extends KubeObject = KubeObject>(type: ResourceType, namespace: string | undefined, name: string): Stored<T> | undefined {
    return this.bucket(type).get(keyOf(type, namespace, name)) as Stored<T> | undefined;
  }

  /** Objects sorted by namespace then name, as the API server lists them. */
  list<T extends KubeObject = KubeObject>(type: ResourceType, opts: ListOptions = {}): Stored<T>[] {
    const out: Stored<T>[] = [];
    for (const obj of this.bucket(type).values()) {
      if (type.namespaced && opts.namespace !== undefined && obj.metadata.namespace !== opts.namespace) continue;
      if (opts.selector && !matchesSelector(opts.selector, obj.metadata.labels)) continue;
      out.push(obj as Stored<T>);
    }
    return out.sort(byNamespaceThenName);
  }

  count(type: ResourceType): number {
    return this.bucket(type).size;
  }

  create<T extends KubeObject>(type: ResourceType, input: T, actor: Actor): ApiResult<Stored<T>> {
    const prepared = this.prepareCreate(type, input, false);
    if (!prepared.ok) return prepared;
    const obj = prepared.value;
    const meta = obj.metadata as Draft<ObjectMeta> & { name: string };
    meta.uid = this.newUid();
    prepareWithUid(type.kind, obj, meta.uid);
    meta.resourceVersion = String(++this.revision);
    meta.creationTimestamp = this.timestamp();
    if (GENERATION_KINDS.has(type.kind)) meta.generation = 1;
    const stored = deepFreeze(obj) as Stored<T>;
    this.bucket(type).set(keyOf(type, meta.namespace, meta.name), stored);
    this.emitter.emit('watch', { type: 'ADDED', resource: resourceKey(type), object: stored, previous: undefined, actor });
    return okResult(stored);
  }

  /**
   * A create with `?dryRun=All`: the object as the server would store it (defaults, validation,
   * admission: a Service's ClusterIP), without uid, resourceVersion or timestamp, stored nowhere,
   * no event. A generateName stays unresolved (no name is drawn for a dry run).
   */
  createDryRun<T extends KubeObject>(type: ResourceType, input: T): ApiResult<T> {
    const prepared = this.prepareCreate(type, input, true);
    return prepared.ok ? okResult(prepared.value as T) : prepared;
  }

  /** What create and its dry run share: namespace lifecycle, defaults, name, validation, existence, admission. */
  private prepareCreate(type: ResourceType, input: KubeObject, dryRun: boolean): ApiResult<Draft<KubeObject>> {
    const obj = deepClone(input) as Draft<KubeObject>;
    const meta = (obj.metadata ??= {}) as Draft<ObjectMeta>;
    if (type.namespaced) {
      meta.namespace ??= 'default';
      if (type.kind !== 'Namespace' && !this.get(NAMESPACES, undefined, meta.namespace)) {
        return errResult(notFound('namespaces', meta.namespace));
      }
      const refused = namespaceCreateError(type, meta.name ?? '', this.get(NAMESPACES, undefined, meta.namespace));
      if (refused) return errResult(refused);
    } else {
      delete meta.namespace;
    }
    applyDefaults(type.kind, obj, 'create');
    if (!meta.name) {
      if (!meta.generateName) {
        return errResult(new ApiError('Invalid', `${type.kind} "" is invalid: metadata.name: Required value: name or generateName is required`, ['metadata.name: Required value: name or generateName is required']));
      }
      if (!dryRun) meta.name = this.generateName(type, meta.namespace, meta.generateName);
    }
    const invalidObject = this.validated(type, obj, undefined);
    if (invalidObject) return errResult(invalidObject);
    if (meta.name && this.get(type, meta.namespace, meta.name)) return errResult(alreadyExists(resourceKey(type), meta.name));
    const refused = this.admitted(type, obj, undefined, dryRun);
    if (refused) return errResult(refused);
    obj.apiVersion = apiVersionOf(type);
    obj.kind = type.kind;
    return okResult(obj);
  }

  /**
   * Replaces an object. A resourceVersion in the input must match the stored one (optimistic
   * concurrency, as the real API server checks it); generation moves when the spec changes.
   */
  update<T extends KubeObject>(type: ResourceType, input: T, actor: Actor): ApiResult<Stored<T>> {
    const prepared = this.prepareUpdate(type, input, false);
    if (!prepared.ok) return prepared;
    const { obj, current } = prepared.value;
    const meta = obj.metadata as Draft<ObjectMeta>;
    if (deepEqual(obj, current)) return okResult(current as Stored<T>);
    meta.resourceVersion = String(++this.revision);
    const stored = deepFreeze(obj) as Stored<T>;
    this.bucket(type).set(keyOf(type, meta.namespace, meta.name ?? ''), stored);
    this.emitter.emit('watch', { type: 'MODIFIED', resource: resourceKey(type), object: stored, previous: current, actor });
    return okResult(stored);
  }

  /** An update with `?dryRun=All`: the object as the server would store it (validated, admitted), stored nowhere, no event. */
  updateDryRun<T extends KubeObject>(type: ResourceType, input: T): ApiResult<Stored<T>> {
    const prepared = this.prepareUpdate(type, input, true);
    return prepared.ok ? okResult(prepared.value.obj as unknown as Stored<T>) : prepared;
  }

  private prepareUpdate(type: ResourceType, input: KubeObject, dryRun: boolean): ApiResult<{ obj: Draft<KubeObject>; current: Stored }> {
    const name = input.metadata?.name ?? '';
    const namespace = type.namespaced ? (input.metadata?.namespace ?? 'default') : undefined;
    const current = this.get(type, namespace, name);
    if (!current) return errResult(notFound(resourceKey(type), name));
    const rv = input.metadata?.resourceVersion;
    if (rv !== undefined && rv !== current.metadata.resourceVersion) return errResult(conflict(resourceKey(type), name));
    const obj = deepClone(input) as Draft<KubeObject>;
    applyDefaults(type.kind, obj, 'update');
    const meta = (obj.metadata ??= {}) as Draft<ObjectMeta>;
    if (namespace !== undefined) meta.namespace = namespace;
    const refused = this.validated(type, obj, current) ?? this.admitted(type, obj, current, dryRun);
    if (refused) return errResult(refused);
    meta.uid = current.metadata.uid;
    prepareWithUid(type.kind, obj, meta.uid);
    meta.creationTimestamp = current.metadata.creationTimestamp;
    if (current.metadata.generation !== undefined) {
      meta.generation = current.metadata.generation + (deepEqual(fieldOf(obj, 'spec'), fieldOf(current, 'spec')) ? 0 : 1);
    }
    obj.apiVersion = current.apiVersion;
    obj.kind = current.kind;
    meta.resourceVersion = current.metadata.resourceVersion;
    return okResult({ obj, current });
  }

  /** Read-modify-write on a draft copy; no write (and no event) when the draft is unchanged. */
  mutate<T extends KubeObject>(
    type: ResourceType, namespace: string | undefined, name: string, actor: Actor, change: (draft: Draft<Stored<T>>) => void,
  ): ApiResult<Stored<T>> {
    const current = this.get<T>(type, namespace, name);
    if (!current) return errResult(notFound(resourceKey(type), name));
    const draft = deepClone(current) as Draft<Stored<T>>;
    change(draft);
    return this.update(type, draft as unknown as T, actor);
  }

  /**
   * Deletes an object. Pods that run on a node are only marked (deletionTimestamp) and the kubelet
   * removes them once their containers have stopped, as graceful deletion works for real.
   */
  delete(type: ResourceType, namespace: string | undefined, name: string, actor: Actor, opts: { gracePeriodSeconds?: number } = {}): ApiResult<Stored> {
    const current = this.get(type, namespace, name);
    if (!current) return errResult(notFound(resourceKey(type), name));
    const spec = fieldOf(current, 'spec') as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
    const grace = opts.gracePeriodSeconds ?? spec?.terminationGracePeriodSeconds ?? 30;
    if (type.kind === 'Namespace') {
      const refused = namespaceDeleteError(name);
      if (refused) return errResult(refused);
      if (current.metadata.deletionTimestamp) return okResult(current);
      return this.mutate(type, namespace, name, actor, (draft) => markNamespaceTerminating(draft, this.timestamp()));
    }
    if (type.kind === 'Pod' && spec?.nodeName && grace > 0) {
      if (current.metadata.deletionTimestamp) return okResult(current);
      return this.mutate(type, namespace, name, actor, (draft) => {
        draft.metadata.deletionTimestamp = rfc3339(this.wallNow() + grace * 1000);
        draft.metadata.deletionGracePeriodSeconds = grace;
      });
    }
    return this.remove(type, namespace, name, actor);
  }

  /** Removes an object at once (the end of a graceful deletion, or a force delete). */
  remove(type: ResourceType, namespace: string | undefined, name: string, actor: Actor): ApiResult<Stored> {
    const key = keyOf(type, namespace, name);
    const current = this.bucket(type).get(key);
    if (!current) return errResult(notFound(resourceKey(type), name));
    this.bucket(type).delete(key);
    this.revision++;
    this.emitter.emit('watch', { type: 'DELETED', resource: resourceKey(type), object: current, previous: current, actor });
    return okResult(current);
  }

  /** Validation (validation.ts) runs after defaulting and before admission: an object refused here allocates nothing. */
  private validated(type: ResourceType, obj: Draft<KubeObject>, current: Stored | undefined): ApiError | undefined {
    const causes = validationCauses(type, obj as KubeObject, current);
    return causes.length > 0 ? invalidObject(type, obj.metadata?.name ?? '', causes) : undefined;
  }

  private admitted(type: ResourceType, draft: Draft<KubeObject>, current: Stored | undefined, dryRun = false): ApiError | undefined {
    for (const plugin of this.admission) {
      const refused = plugin(type, draft, current, dryRun);
      if (refused) return refused;
    }
    return undefined;
  }

  private bucket(type: ResourceType): Map<string, Stored> {
    const key = resourceKey(type);
    let bucket = this.objects.get(key);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(key, bucket);
    }
    return bucket;
  }

  /** generateName: the prefix plus 5 characters of the apimachinery alphabet (no vowels, no 0/1/3). */
  private generateName(type: ResourceType, namespace: string | undefined, prefix: string): string {
    for (;;) {
      const name = prefix + this.names.string(NAME_SUFFIX_ALPHABET, 5);
      if (!this.get(type, namespace, name)) return name;
    }
  }

  private newUid(): string {
    const h = this.uids.hex(32);
    const variant = '89ab'[this.uids.int(4)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

const NAMESPACES = mustResolve('namespaces');

/** Kinds whose strategy tracks metadata.generation (the ones with a controller reading spec). */
const GENERATION_KINDS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'Ingress', 'NetworkPolicy', 'PodDisruptionBudget', 'HorizontalPodAutoscaler']);

function keyOf(type: ResourceType, namespace: string | undefined, name: string): string {
  return type.namespaced ? `${namespace ?? 'default'}/${name}` : name;
}

function byNamespaceThenName(a: Stored, b: Stored): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
