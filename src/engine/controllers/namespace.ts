/**
 * The namespace controller: a namespace being deleted (the API server marked it Terminating)
 * has everything in it deleted (pods gracefully, so they show Terminating first), and once it is
 * empty the `kubernetes` finalizer is dropped and the namespace disappears.
 */
import { RESOURCE_TYPES } from '../api/resources';
import type { Namespace, WatchEvent } from '../api/types';
import { KEY, R } from './context';
import { ControlLoop } from './controlLoop';

/** Types whose objects a namespace holds and the controller deletes (not bindings, reviews...). */
const CONTENT_TYPES = RESOURCE_TYPES.filter((t) => t.namespaced && t.verbs.includes('delete') && t.verbs.includes('list'));

export class NamespaceController extends ControlLoop {
  readonly name = 'controller:namespace';

  keysFor(event: WatchEvent): readonly string[] {
    if (event.resource === KEY.namespaces) return event.type !== 'DELETED' && event.object.metadata.deletionTimestamp ? [event.object.metadata.name] : [];
    const ns = event.object.metadata.namespace;
    if (event.type !== 'DELETED' || ns === undefined) return [];
    // Something left a terminating namespace: maybe it is empty now.
    return this.ctx.store.get(R.namespaces, undefined, ns)?.metadata.deletionTimestamp ? [ns] : [];
  }

  resync(): readonly string[] {
    return this.ctx.store.list(R.namespaces).filter((ns) => ns.metadata.deletionTimestamp).map((ns) => ns.metadata.name);
  }

  reconcile(name: string): void {
    const { store } = this.ctx;
    const ns = store.get<Namespace>(R.namespaces, undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const type of CONTENT_TYPES) {
      for (const obj of store.list(type, { namespace: name })) {
        remaining++;
        if (!obj.metadata.deletionTimestamp) store.delete(type, name, obj.metadata.name, this.name);
      }
    }
    if (remaining > 0 && CONTENT_TYPES.some((t) => store.list(t, { namespace: name }).length > 0)) return;
    store.mutate<Namespace>(R.namespaces, undefined, name, this.name, (draft) => {
      if (draft.spec) delete draft.spec.finalizers;
    });
    store.remove(R.namespaces, undefined, name, this.name);
  }
}
