/**
 * The NoExecute taint manager (part of node lifecycle in v1.27): pods on a node with a NoExecute
 * taint they do not tolerate are deleted at once; pods that tolerate it for tolerationSeconds
 * (every pod gets 300 s for not-ready and unreachable by default) are deleted when that runs out.
 * A deleted pod on a node whose kubelet is gone stays Terminating, as it does for real.
 */
import type { Node, Pod, Stored, Taint, WatchEvent } from '../api/types';
import { deepEqual } from '../util/json';
import { parseTime } from '../util/time';
import type { ReconcileResult } from './manager';
import { KEY, R } from './context';
import { nsKey, splitKey } from './keys';
import { setPodCondition } from './podUtil';
import { toleratesTaint } from './taints';
import { ControlLoop } from './controlLoop';

const SOURCE = { component: 'taint-controller' } as const;

export class TaintEvictionController extends ControlLoop {
  readonly name = 'controller:taint-eviction';

  keysFor(event: WatchEvent): readonly string[] {
    if (event.resource === KEY.nodes) {
      if (event.type === 'DELETED') return [];
      const before = noExecuteTaints(event.previous as Node | undefined);
      const now = noExecuteTaints(event.object as Node);
      if (now.length === 0 || deepEqual(before, now)) return [];
      return this.ctx.index.podsOnNode(event.object.metadata.name).map((p) => nsKey(p.metadata.namespace, p.metadata.name));
    }
    if (event.resource !== KEY.pods || event.type === 'DELETED') return [];
    const pod = event.object as Stored<Pod>;
    const before = event.previous as Stored<Pod> | undefined;
    if (!pod.spec?.nodeName || pod.metadata.deletionTimestamp) return [];
    if (before?.spec?.nodeName === pod.spec.nodeName && deepEqual(before.spec?.tolerations, pod.spec.tolerations)) return [];
    return [nsKey(pod.metadata.namespace, pod.metadata.name)];
  }

  resync(): readonly string[] {
    const out: string[] = [];
    for (const node of this.ctx.store.list<Node>(R.nodes)) {
      if (noExecuteTaints(node).length === 0) continue;
      for (const p of this.ctx.index.podsOnNode(node.metadata.name)) out.push(nsKey(p.metadata.namespace, p.metadata.name));
    }
    return out;
  }

  reconcile(key: string): ReconcileResult | void {
    const { store, recorder } = this.ctx;
    const { namespace, name } = splitKey(key);
    const pod = store.get<Pod>(R.pods, namespace, name);
    if (!pod?.spec?.nodeName || pod.metadata.deletionTimestamp) return;
    const node = store.get<Node>(R.nodes, undefined, pod.spec.nodeName);
    const taints = noExecuteTaints(node);
    if (taints.length === 0) return;
    const evictAt = evictionTime(pod, taints);
    if (evictAt === undefined) return;
    const nowMs = store.wallNow();
    if (nowMs < evictAt) return { requeueAfter: evictAt - nowMs };
    const now = store.timestamp();
    const marked = store.mutate<Pod>(R.pods, namespace, name, this.name, (draft) => {
      setPodCondition((draft.status ??= {}) as { conditions?: unknown[] }, {
        type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint',
      }, now);
    });
    recorder.record(marked.ok ? marked.value : pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${namespace}/${name}`, SOURCE);
    store.delete(R.pods, namespace, name, this.name);
  }
}

function noExecuteTaints(node: Node | undefined): Taint[] {
  return (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/**
 * When the pod must go: now for an untolerated taint, never when every taint is tolerated without
 * a limit, else the shortest tolerationSeconds counted from when the taint was added.
 */
function evictionTime(pod: Pod, taints: readonly Taint[]): number | undefined {
  let at: number | undefined;
  for (const taint of taints) {
    const matching = (pod.spec?.tolerations ?? []).filter((t) => toleratesTaint(t, taint));
    if (matching.length === 0) return 0;
    if (matching.some((t) => t.tolerationSeconds === undefined)) continue;
    const seconds = Math.max(0, Math.min(...matching.map((t) => t.tolerationSeconds!)));
    const since = parseTime(taint.timeAdded) ?? 0;
    const due = since + seconds * 1000;
    at = at === undefined ? due : Math.min(at, due);
  }
  return at;
}
