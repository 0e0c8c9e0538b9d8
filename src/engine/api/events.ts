/**
 * The event recorder: core/v1 Events with reason, message and a count, aggregated the way
 * client-go's correlator does it (same object, reason and message → count + 1, lastTimestamp
 * moves), named `<object>.<hex nanoseconds>` like the real ones.
 */
import type { ApiStore } from './store';
import { mustResolve } from './resources';
import type { Event, KubeObject, Stored } from './types';

const EVENTS = mustResolve('events');

export interface EventSource {
  /** "kubelet", "default-scheduler", "replicaset-controller", "node-controller"... */
  readonly component: string;
  readonly host?: string;
}

export type EventType = 'Normal' | 'Warning';

export class EventRecorder {
  /** Aggregation key → name of the event it lands on, so a repeat costs a lookup, not a scan. */
  private readonly seen = new Map<string, string>();
  /** Nanosecond stamp of the last name handed out: names stay unique within a virtual millisecond. */
  private lastNanos = 0n;

  constructor(private readonly store: ApiStore) {}

  record(involved: Stored<KubeObject>, type: EventType, reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const namespace = involved.metadata.namespace ?? 'default';
    if (!this.store.get(mustResolve('namespaces'), undefined, namespace)) return;
    const now = this.store.timestamp();
    const aggregation = `${namespace}\u0000${involved.metadata.uid}\u0000${reason}\u0000${message}\u0000${source.component}`;
    const seenName = this.seen.get(aggregation);
    const same = seenName === undefined ? undefined : this.store.get<Event>(EVENTS, namespace, seenName);
    if (seenName !== undefined && !same) this.seen.delete(aggregation);
    const actor = `events:${source.component}`;
    if (same) {
      this.store.mutate<Event>(EVENTS, namespace, same.metadata.name, actor, (draft) => {
        draft.count = (draft.count ?? 1) + 1;
        draft.lastTimestamp = now;
      });
      return;
    }
    // Real names use the nanosecond clock; at one virtual millisecond, count up to stay unique.
    let nanos = BigInt(this.store.wallNow()) * 1_000_000n;
    if (nanos <= this.lastNanos) nanos = this.lastNanos + 1n;
    this.lastNanos = nanos;
    this.seen.set(aggregation, `${involved.metadata.name}.${nanos.toString(16)}`);
    this.store.create<Event>(EVENTS, {
      metadata: { name: `${involved.metadata.name}.${nanos.toString(16)}`, namespace },
      involvedObject: {
        apiVersion: involved.apiVersion,
        kind: involved.kind,
        name: involved.metadata.name,
        ...(involved.metadata.namespace ? { namespace: involved.metadata.namespace } : {}),
        uid: involved.metadata.uid,
        resourceVersion: involved.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    }, actor);
  }

  /** Events about one object, oldest first, as `kubectl describe` lists them. */
  eventsFor(obj: Stored<KubeObject>): Stored<Event>[] {
    return this.store.list<Event>(EVENTS, { namespace: obj.metadata.namespace ?? 'default' })
      .filter((e) => e.involvedObject.uid === obj.metadata.uid)
      .sort((a, b) => (a.lastTimestamp ?? '').localeCompare(b.lastTimestamp ?? ''));
  }
}
