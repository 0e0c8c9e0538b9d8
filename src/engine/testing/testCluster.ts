/**
 * A fluent harness for engine tests: a World with a Cluster whose control-plane loops run, fake
 * "ready" nodes and a fake kubelet, driven like a user would ("create this", "advance 10 s") and
 * read back as short text lines a learner would recognise.
 *
 *   const t = TestCluster.create();
 *   t.create(deployment('web', { replicas: 3 }));
 *   t.advance('10s');
 *   expect(t.podLines()).toEqual(['web-… node2 Running 1/1', ...]);
 */
import { World } from '../world';
import { Cluster } from '../cluster/cluster';
import type { ApiStore } from '../api/store';
import { mustResolve, type ResourceType } from '../api/resources';
import type { Deployment, Event, KubeObject, Node, Pod, Stored, WatchEvent } from '../api/types';
import type { Draft } from '../util/json';
import { startControlPlaneControllers } from '../controllers/controlPlane';
import { FakeKubelet, type FakeKubeletOptions } from './fakeKubelet';
import { fakeNode, readyCondition, type FakeNodeOptions } from './fixtures';

export interface TestClusterOptions {
  readonly seed?: string;
  /** Default: node1 (control plane, tainted) and node2. */
  readonly nodes?: readonly (string | FakeNodeOptions)[];
  readonly kubelet?: Partial<FakeKubeletOptions>;
}

/** A write as the watch stream saw it: "ADDED pods default/web-7c8bbcd9bc-x2bq9 by controller:replicaset". */
export interface WriteRecord {
  readonly type: WatchEvent['type'];
  readonly resource: string;
  readonly key: string;
  readonly actor: string;
  readonly at: number;
}

const DEFAULT_NODES: readonly FakeNodeOptions[] = [{ name: 'node1', controlPlane: true }, { name: 'node2' }];

export class TestCluster {
  readonly world: World;
  readonly cluster: Cluster;
  readonly kubelet: FakeKubelet;
  readonly writes: WriteRecord[] = [];
  schedulerRunning = true;
  controllerManagerRunning = true;

  private constructor(opts: TestClusterOptions) {
    this.world = new World({ seed: opts.seed ?? 'test', hostNames: ['node1', 'node2', 'node3'] });
    const host = this.world.host('node1')!;
    this.cluster = new Cluster({
      controlPlaneHost: host.name, advertiseAddress: host.ip, clock: this.world.clock, epochMs: this.world.epochMs, random: this.world.random.fork('cluster'),
    });
    this.world.addCluster(this.cluster);
    this.store.watch((e) => this.writes.push({
      type: e.type, resource: e.resource, key: e.object.metadata.namespace ? `${e.object.metadata.namespace}/${e.object.metadata.name}` : e.object.metadata.name, actor: e.actor, at: this.world.now(),
    }));
    for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      this.must(this.store.create(mustResolve('namespaces'), { metadata: { name } }, 'kubeadm'));
    }
    startControlPlaneControllers(this.cluster, {
      schedulerEnabled: () => this.schedulerRunning,
      controllerManagerEnabled: () => this.controllerManagerRunning,
    });
    this.kubelet = new FakeKubelet(this.store, () => this.world.now(), { startMs: 2000, stopMs: 1000, ...opts.kubelet });
    this.cluster.controllers.add(this.kubelet);
    for (const n of opts.nodes ?? DEFAULT_NODES) this.addNode(n);
    this.settle();
  }

  static create(opts: TestClusterOptions = {}): TestCluster {
    return new TestCluster(opts);
  }

  get store(): ApiStore {
    return this.cluster.store;
  }

  // ---- time -------------------------------------------------------------------------------

  /** Advances virtual time: a number of ms, or "500ms", "10s", "2m". */
  advance(duration: number | string): this {
    this.world.advance(typeof duration === 'number' ? duration : parseDuration(duration));
    return this;
  }

  settle(): this {
    this.world.settle();
    return this;
  }

  // ---- writes, as a user (kubectl) makes them ----------------------------------------------

  create<T extends KubeObject>(obj: T, actor = 'user:kubectl'): Stored<T> {
    const result = this.store.create(typeOf(obj), obj, actor);
    this.settle();
    return this.must(result);
  }

  /** Read-modify-write of an object, e.g. `t.edit('deployment', 'web', (d) => { d.spec.replicas = 5; })`. */
  edit<T extends KubeObject>(resource: string, name: string, change: (draft: Draft<Stored<T>>) => void, namespace = 'default', actor = 'user:kubectl'): Stored<T> {
    const type = mustResolve(resource);
    const result = this.store.mutate<T>(type, type.namespaced ? namespace : undefined, name, actor, change);
    this.settle();
    return this.must(result);
  }

  /** `kubectl scale deployment/web --replicas=5`. */
  scale(resource: string, name: string, replicas: number, namespace = 'default'): this {
    this.edit<Deployment>(resource, name, (d) => {
      d.spec!.replicas = replicas;
    }, namespace);
    return this;
  }

  /** `kubectl set image deployment/web <container>=<image>` (the first container when unnamed). */
  setImage(resource: string, name: string, image: string, namespace = 'default', container?: string): this {
    this.edit<Deployment>(resource, name, (d) => {
      const containers = d.spec!.template.spec!.containers;
      const target = containers.find((c) => container === undefined || c.name === container) ?? containers[0]!;
      target.image = image;
    }, namespace);
    return this;
  }

  delete(resource: string, name: string, namespace = 'default', actor = 'user:kubectl'): this {
    const type = mustResolve(resource);
    this.must(this.store.delete(type, type.namespaced ? namespace : undefined, name, actor));
    this.settle();
    return this;
  }

  // ---- nodes --------------------------------------------------------------------------------

  addNode(node: string | FakeNodeOptions): Stored<Node> {
    const opts = typeof node === 'string' ? { name: node } : node;
    return this.create(fakeNode(opts, this.store.timestamp()), `kubelet:${opts.name}`);
  }

  /** The kubelet posts Ready True or False (as the CNI appears or goes). */
  setNodeReady(name: string, ready: boolean): this {
    const ts = this.store.timestamp();
    this.edit<Node>('node', name, (n) => {
      const others = (n.status?.conditions ?? []).filter((c) => c.type !== 'Ready');
      n.status = { ...n.status, conditions: [...others, readyCondition(ready, ts)] };
    }, undefined, `kubelet:${name}`);
    return this;
  }

  removeNode(name: string): this {
    return this.delete('node', name, undefined, 'user:kubectl');
  }

  /** Stops (or restarts) a node's fake kubelet: its pods neither start nor finish stopping. */
  stopKubelet(name: string): this {
    this.kubelet.stoppedNodes.add(name);
    return this;
  }

  startKubelet(name: string): this {
    this.kubelet.stoppedNodes.delete(name);
    for (const pod of this.podsOn(name)) this.cluster.controllers.enqueue(this.kubelet.name, `${pod.metadata.namespace}/${pod.metadata.name}`);
    return this.settle();
  }

  // ---- reads --------------------------------------------------------------------------------

  get<T extends KubeObject = KubeObject>(resource: string, name: string, namespace = 'default'): Stored<T> | undefined {
    const type = mustResolve(resource);
    return this.store.get<T>(type, type.namespaced ? namespace : undefined, name);
  }

  list<T extends KubeObject = KubeObject>(resource: string, namespace?: string): Stored<T>[] {
    return this.store.list<T>(mustResolve(resource), namespace === undefined ? {} : { namespace });
  }

  pods(namespace?: string): Stored<Pod>[] {
    return this.list<Pod>('pods', namespace);
  }

  podsOn(node: string): Stored<Pod>[] {
    return this.pods().filter((p) => p.spec?.nodeName === node);
  }

  /** One line per pod: `web-7c8bbcd9bc-x2bq9 node2 Running 1/1`, with `<none>` and Terminating as kubectl says. */
  podLines(namespace = 'default'): string[] {
    return this.pods(namespace).map((p) => {
      const ready = (p.status?.containerStatuses ?? []).filter((c) => c.ready).length;
      const total = p.spec?.containers.length ?? 0;
      const phase = p.metadata.deletionTimestamp ? 'Terminating' : p.status?.phase ?? 'Pending';
      return `${p.metadata.name} ${p.spec?.nodeName ?? '<none>'} ${phase} ${ready}/${total}`;
    });
  }

  /** Events about an object (or all of a namespace): `Normal ScalingReplicaSet deployment-controller Scaled up ...`. */
  events(involved?: { resource: string; name: string; namespace?: string }): string[] {
    const all = this.store.list<Event>(mustResolve('events'));
    const obj = involved ? this.get(involved.resource, involved.name, involved.namespace) : undefined;
    if (involved && !obj) return [];
    return all
      .filter((e) => !obj || e.involvedObject.uid === obj.metadata.uid)
      .sort((a, b) => (a.firstTimestamp ?? '').localeCompare(b.firstTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name))
      .map((e) => `${e.type} ${e.reason} ${e.source?.component ?? ''} ${e.message}${(e.count ?? 1) > 1 ? ` (x${e.count})` : ''}`);
  }

  /** Writes made by one actor, e.g. `t.writesBy('scheduler')`. */
  writesBy(actor: string): WriteRecord[] {
    return this.writes.filter((w) => w.actor === actor);
  }

  private must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
    if (!result.ok) throw new Error(`API error: ${result.error.message}`);
    return result.value;
  }
}

function typeOf(obj: KubeObject): ResourceType {
  const kind = obj.kind ?? '';
  return mustResolve(kind.toLowerCase());
}

export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim());
  if (!m) throw new Error(`not a duration: ${text}`);
  const n = Number(m[1]);
  const unit = m[2] === 'ms' ? 1 : m[2] === 's' ? 1000 : m[2] === 'm' ? 60_000 : 3_600_000;
  return Math.round(n * unit);
}
