/**
 * A stand-in for the kubelets in controller tests: a pod bound to a node whose fake kubelet runs
 * becomes Running and Ready `startMs` after it was bound, and a pod marked for deletion disappears
 * `stopMs` later. Images listed in `brokenImages` start but never turn Ready (a crash loop, as far
 * as a ReplicaSet can tell). The real kubelet (image pulls, containers, restarts) is cluster/'s.
 */
import type { Controller, ReconcileResult } from '../controllers/manager';
import type { ApiStore } from '../api/store';
import { mustResolve } from '../api/resources';
import type { Pod, Stored, WatchEvent } from '../api/types';
import { fnv32a } from '../api/names';

const PODS = mustResolve('pods');

export interface FakeKubeletOptions {
  /** From binding to Running and Ready. */
  readonly startMs: number;
  /** From deletionTimestamp to removal. */
  readonly stopMs: number;
  /** Up to this much extra start time per pod, fixed by the pod's name (pods do not all start in step). */
  readonly jitterMs?: number;
}

export class FakeKubelet implements Controller {
  readonly name = 'kubelet:fake';
  /** Nodes whose kubelet is down: their pods neither start nor stop. */
  readonly stoppedNodes = new Set<string>();
  /** Images whose containers never become ready. */
  readonly brokenImages = new Set<string>();
  private readonly startAt = new Map<string, number>();
  private readonly stopAt = new Map<string, number>();
  private podIps = 0;

  constructor(
    private readonly store: ApiStore,
    private readonly now: () => number,
    private readonly options: FakeKubeletOptions,
  ) {}

  keysFor(event: WatchEvent): readonly string[] {
    if (event.resource !== 'pods') return [];
    const pod = event.object as Stored<Pod>;
    if (event.type === 'DELETED') {
      this.forget(keyOf(pod));
      return [];
    }
    return pod.spec?.nodeName ? [keyOf(pod)] : [];
  }

  resync(): readonly string[] {
    return this.store.list<Pod>(PODS).filter((p) => p.spec?.nodeName).map(keyOf);
  }

  reconcile(key: string): ReconcileResult | void {
    const [namespace, name] = key.split('/') as [string, string];
    const pod = this.store.get<Pod>(PODS, namespace, name);
    const node = pod?.spec?.nodeName;
    if (!pod || !node || this.stoppedNodes.has(node)) return;
    const actor = `kubelet:${node}`;
    const now = this.now();
    if (pod.metadata.deletionTimestamp) {
      const at = this.stopAt.get(key) ?? now + this.options.stopMs;
      this.stopAt.set(key, at);
      if (now < at) return { requeueAfter: at - now };
      this.store.remove(PODS, namespace, name, actor);
      this.forget(key);
      return;
    }
    if (pod.status?.phase === 'Running') return;
    const at = this.startAt.get(key) ?? now + this.options.startMs + (this.options.jitterMs ? fnv32a(name) % this.options.jitterMs : 0);
    this.startAt.set(key, at);
    if (now < at) return { requeueAfter: at - now };
    const ready = !(pod.spec?.containers ?? []).some((c) => this.brokenImages.has(c.image ?? ''));
    const ip = `10.32.${Math.floor(this.podIps / 250)}.${(this.podIps % 250) + 2}`;
    this.podIps++;
    const ts = this.store.timestamp();
    const condition = (type: string, status: boolean) => ({ type, status: status ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: ts });
    this.store.mutate<Pod>(PODS, namespace, name, actor, (draft) => {
      const scheduled = (draft.status?.conditions ?? []).find((c) => c.type === 'PodScheduled');
      draft.status = {
        ...draft.status,
        phase: 'Running',
        podIP: ip,
        podIPs: [{ ip }],
        startTime: ts,
        conditions: [
          condition('Initialized', true), condition('Ready', ready), condition('ContainersReady', ready),
          ...(scheduled ? [scheduled] : [condition('PodScheduled', true)]),
        ] as never,
        containerStatuses: (draft.spec?.containers ?? []).map((c) => ({
          name: c.name, image: c.image ?? '', imageID: '', ready, restartCount: 0, started: true,
          state: { running: { startedAt: ts } },
        })),
      };
    });
  }

  private forget(key: string): void {
    this.startAt.delete(key);
    this.stopAt.delete(key);
  }
}

function keyOf(pod: Stored<Pod>): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}
