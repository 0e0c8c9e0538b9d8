/**
 * The kubelet's API half: registering and updating its Node, renewing its Lease, creating mirror
 * pods for static pods, starting workers for pods bound to it, posting their status, and ending
 * graceful deletions once the containers have stopped. Each function re-reads the store and is
 * idempotent (reconcile, sample-controller style); writes carry the actor `kubelet:<node>`.
 */
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { mustResolve } from '../../api/resources';
import type { Stored } from '../../api/types';
import { deepEqual } from '../../util/json';
import type { ReconcileResult } from '../../controllers/manager';
import type { Cluster } from '../cluster';
import type { Kubelet } from './kubelet';
import { isNodeReady, newNode, nodeStatusOf } from './nodeStatus';
import { PodWorker } from './podWorker';
import { podStatusOf } from './podStatus';
import { CONFIG_MIRROR } from './staticPods';

const NODES = mustResolve('nodes');
const PODS = mustResolve('pods');
const LEASES = mustResolve('leases');

/** kubelet's nodeStatusReportFrequency: an unchanged status is re-posted every 5 minutes. */
const HEARTBEAT_MS = 5 * 60 * 1000;

export function reconcileNode(kubelet: Kubelet, cluster: Cluster): ReconcileResult | void {
  const store = cluster.store;
  const actor = kubelet.name;
  const now = kubelet.world.now();
  const existing = store.get<Node>(NODES, undefined, kubelet.nodeName);
  const facts = {
    host: kubelet.host,
    networkReady: kubelet.reportedNetworkReady,
    images: kubelet.images,
    wallNow: kubelet.world.wallNow(),
    heartbeat: now - kubelet.lastHeartbeatAt >= HEARTBEAT_MS,
  };
  if (!existing) {
    const node = newNode(kubelet.nodeName);
    const created = store.create<Node>(NODES, { ...node, status: nodeStatusOf(undefined, facts) }, actor);
    if (!created.ok) return;
    kubelet.lastHeartbeatAt = now;
    kubelet.registered = true;
    const source = { component: 'kubelet', host: kubelet.nodeName };
    const rec = cluster.recorder;
    const stored = created.value;
    rec.record(stored, 'Normal', 'Starting', 'Starting kubelet.', source);
    rec.record(stored, 'Warning', 'InvalidDiskCapacity', 'invalid capacity 0 on image filesystem', source);
    for (const s of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) {
      rec.record(stored, 'Normal', s, `Node ${kubelet.nodeName} status is now: ${s}`, source);
    }
    rec.record(stored, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', source);
    if (isNodeReady(stored)) rec.record(stored, 'Normal', 'NodeReady', `Node ${kubelet.nodeName} status is now: NodeReady`, source);
    return;
  }
  const status = nodeStatusOf(existing.status, facts);
  // Most posts (every 10 s) change nothing: compare the part the kubelet writes before mutate()
  // deep-copies and compares the whole Node, images and all, to find the same.
  if (deepEqual(status, existing.status)) return;
  const wasReady = isNodeReady(existing);
  const result = store.mutate<Node>(NODES, undefined, kubelet.nodeName, actor, (draft) => {
    draft.status = status as NonNullable<typeof draft.status>;
  });
  if (!result.ok) return;
  if (result.value !== existing && facts.heartbeat) kubelet.lastHeartbeatAt = now;
  const ready = isNodeReady(result.value);
  if (ready !== wasReady) {
    const reason = ready ? 'NodeReady' : 'NodeNotReady';
    cluster.recorder.record(result.value, 'Normal', reason, `Node ${kubelet.nodeName} status is now: ${reason}`, { component: 'kubelet', host: kubelet.nodeName });
  }
}

export function reconcileLease(kubelet: Kubelet, cluster: Cluster): void {
  const store = cluster.store;
  const node = store.get<Node>(NODES, undefined, kubelet.nodeName);
  if (!node) return;
  kubelet.lastLeaseAt = kubelet.world.now();
  const spec = { holderIdentity: kubelet.nodeName, leaseDurationSeconds: 40, renewTime: kubelet.leaseRenewTime() };
  const existing = store.get<Lease>(LEASES, 'kube-node-lease', kubelet.nodeName);
  if (!existing) {
    store.create<Lease>(LEASES, {
      metadata: {
        name: kubelet.nodeName,
        namespace: 'kube-node-lease',
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid }],
      },
      spec,
    }, kubelet.name);
    return;
  }
  store.mutate<Lease>(LEASES, 'kube-node-lease', kubelet.nodeName, kubelet.name, (draft) => {
    draft.spec = { ...draft.spec, ...spec };
  });
}

export function reconcilePod(kubelet: Kubelet, cluster: Cluster, key: string): ReconcileResult | void {
  const store = cluster.store;
  const slash = key.indexOf('/');
  const namespace = key.slice(0, slash);
  const name = key.slice(slash + 1);
  const pod = store.get<Pod>(PODS, namespace, name);
  const staticPod = kubelet.staticPods.get(key);
  const worker = kubelet.workers.get(key);

  if (staticPod || worker?.source === 'file' || pod?.metadata.annotations?.[CONFIG_MIRROR] !== undefined) {
    return reconcileMirror(kubelet, cluster, key, pod);
  }
  if (!pod || pod.spec?.nodeName !== kubelet.nodeName) {
    if (worker) worker.stop(0, () => dropWorker(kubelet, key, worker));
    return;
  }
  let current = worker;
  if (current && current.uid !== pod.metadata.uid) {
    const old = current;
    old.stop(0, () => dropWorker(kubelet, key, old));
    kubelet.workers.delete(key);
    current = undefined;
  }
  if (pod.metadata.deletionTimestamp) {
    if (!current || current.phase === 'stopped') {
      if (current) kubelet.workers.delete(key);
      store.remove(PODS, namespace, name, kubelet.name);
      return;
    }
    if (!current.stopping) {
      const grace = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
      current.stop(grace, () => kubelet.enqueue(`pod/${key}`));
    }
    syncStatus(kubelet, cluster, pod, current);
    return;
  }
  if (!current) {
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
    current = new PodWorker(kubelet.workerEnv(), {
      namespace, name, uid: pod.metadata.uid, labels: pod.metadata.labels ?? {}, spec: pod.spec, source: 'api',
    });
    kubelet.startWorker(current);
  }
  syncStatus(kubelet, cluster, pod, current);
}

/** Mirror pods: created for each static pod, recreated if someone deletes them, removed when the file goes. */
function reconcileMirror(kubelet: Kubelet, cluster: Cluster, key: string, mirror: Stored<Pod> | undefined): void {
  const store = cluster.store;
  const sp = kubelet.staticPods.get(key);
  const worker = kubelet.workers.get(key);
  const meta = { namespace: key.slice(0, key.indexOf('/')), name: key.slice(key.indexOf('/') + 1) };
  if (!sp) {
    if (mirror?.metadata.annotations?.[CONFIG_MIRROR] !== undefined) store.remove(PODS, meta.namespace, meta.name, kubelet.name);
    return;
  }
  if (mirror && (mirror.metadata.deletionTimestamp || mirror.metadata.annotations?.[CONFIG_MIRROR] !== sp.hash)) {
    store.remove(PODS, meta.namespace, meta.name, kubelet.name);
    return;
  }
  if (!mirror) {
    const node = store.get<Node>(NODES, undefined, kubelet.nodeName);
    if (!node) return;
    const annotations = { ...(sp.pod.metadata?.annotations ?? {}), [CONFIG_MIRROR]: sp.hash };
    store.create<Pod>(PODS, {
      ...sp.pod,
      metadata: {
        ...sp.pod.metadata,
        annotations,
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid, controller: true }],
      },
    }, kubelet.name);
    return;
  }
  if (worker && worker.uid === sp.hash) syncStatus(kubelet, cluster, mirror, worker);
}

function syncStatus(kubelet: Kubelet, cluster: Cluster, pod: Stored<Pod>, worker: PodWorker): void {
  const status = podStatusOf(worker, pod.status, kubelet.host.ip, kubelet.world.wallNow());
  cluster.store.mutate<Pod>(PODS, pod.metadata.namespace, pod.metadata.name, kubelet.name, (draft) => {
    draft.status = status as NonNullable<typeof draft.status>;
  });
}

function dropWorker(kubelet: Kubelet, key: string, worker: PodWorker): void {
  if (kubelet.workers.get(key) === worker) kubelet.workers.delete(key);
}

/** Events about a pod, attached to its API object (the mirror pod for static pods). */
export function recordPodEvent(
  kubelet: Kubelet, worker: PodWorker, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string,
): void {
  const cluster = kubelet.cluster;
  if (!cluster || !cluster.apiServerUp) return;
  const pod = cluster.store.get<Pod>(PODS, worker.namespace, worker.name);
  if (!pod) return;
  if (worker.source === 'api' && pod.metadata.uid !== worker.uid) return;
  cluster.recorder.record(pod, type, reason, message, { component: 'kubelet', host: kubelet.nodeName }, fieldPath);
}
