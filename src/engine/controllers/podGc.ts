/**
 * The pod garbage collector (kube-controller-manager's podgc loop): a pod bound to a node that no
 * longer exists is force-deleted once the node has been gone for 40 s (its quarantine), after
 * being marked DisruptionTarget "PodGC: node no longer exists", as v1.27 does. No kubelet is left
 * to finish such a pod, so nobody else would.
 */
import type { Node, Pod, Stored, WatchEvent } from '../api/types';
import type { ReconcileResult } from './manager';
import { KEY, R } from './context';
import { nsKey, splitKey } from './keys';
import { setPodCondition } from './podUtil';
import { ControlLoop } from './controlLoop';

/** How long a node must stay missing before its pods are collected. */
export const ORPHAN_QUARANTINE_MS = 40_000;

export class PodGarbageCollector extends ControlLoop {
  readonly name = 'controller:pod-garbage-collector';
  /** Pod key → when its node was first seen missing. */
  private readonly missingSince = new Map<string, number>();

  keysFor(event: WatchEvent): readonly string[] {
    if (event.resource === KEY.nodes && event.type === 'DELETED') {
      return this.ctx.index.podsOnNode(event.object.metadata.name).map((p) => nsKey(p.metadata.namespace, p.metadata.name));
    }
    if (event.resource !== KEY.pods) return [];
    const key = nsKey(event.object.metadata.namespace, event.object.metadata.name);
    if (event.type === 'DELETED') {
      this.missingSince.delete(key);
      return [];
    }
    const node = (event.object as Stored<Pod>).spec?.nodeName;
    if (!node || (event.type === 'MODIFIED' && (event.previous as Stored<Pod> | undefined)?.spec?.nodeName === node)) return [];
    return this.ctx.store.get(R.nodes, undefined, node) ? [] : [key];
  }

  resync(): readonly string[] {
    const nodes = new Set(this.ctx.store.list<Node>(R.nodes).map((n) => n.metadata.name));
    return this.ctx.store.list<Pod>(R.pods)
      .filter((p) => p.spec?.nodeName && !nodes.has(p.spec.nodeName))
      .map((p) => nsKey(p.metadata.namespace, p.metadata.name));
  }

  reconcile(key: string): ReconcileResult | void {
    const { store } = this.ctx;
    const { namespace, name } = splitKey(key);
    const pod = store.get<Pod>(R.pods, namespace, name);
    const node = pod?.spec?.nodeName;
    if (!pod || !node || store.get(R.nodes, undefined, node)) {
      this.missingSince.delete(key);
      return;
    }
    const now = store.wallNow();
    const since = this.missingSince.get(key) ?? now;
    this.missingSince.set(key, since);
    if (now - since < ORPHAN_QUARANTINE_MS) return { requeueAfter: since + ORPHAN_QUARANTINE_MS - now };
    const ts = store.timestamp();
    store.mutate<Pod>(R.pods, namespace, name, this.name, (draft) => {
      setPodCondition((draft.status ??= {}) as { conditions?: unknown[] }, {
        type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists',
      }, ts);
    });
    store.remove(R.pods, namespace, name, this.name);
    this.missingSince.delete(key);
  }
}
