/**
 * Model-based test of the whole engine (issue 5): a real cluster (kubeadm init on node1, node2
 * joined, Weave, real kubelets, IPAM, the endpoints controller), random sequences of API writes,
 * faults and clock advances, checked against a much simpler model of what was asked for.
 *
 * The writes are what kubectl would send (Deployments, bare ReplicaSets, a DaemonSet, Services,
 * scale, delete); the faults are what a learner breaks: node2's kubelet stopped (then started
 * again), a container killed, a Node object deleted (its kubelet registers it again). After the
 * calm (every kubelet running, a few virtual minutes), the cluster matches the model: ready =
 * desired for each Deployment, ReplicaSet and DaemonSet, no pod on a missing node, no duplicate pod
 * IPs, owner references that point at live owners, and each Service's endpoints are exactly its
 * ready matching pods. Unlike controllers/convergence.test.ts (fake kubelets) and kubectl's
 * convergence.test.ts (through the shell), nothing here is faked.
 * Seeded and small for CI; MODEL_SEED and MODEL_RUNS explore further by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { World } from '../world';
import { mustResolve } from '../api/resources';
import { RESOURCE_TYPES, typeForKind } from '../api/resources';
import { controllerOf, type DaemonSet, type Deployment, type Endpoints, type KubeObject, type Node, type Pod, type ReplicaSet, type Service, type Stored } from '../api/types';
import { matchesSelector, fromLabels } from '../api/selectors';
import { Kubelet } from './kubelet/kubelet';
import { applyWeaveNow, kubeadmInitNow, kubeadmJoinNow } from './scenario';
import type { Cluster } from './cluster';

const NAMES = ['web', 'api', 'db'] as const;
type Name = (typeof NAMES)[number];

type Op =
  | { readonly op: 'deploy'; readonly name: Name; readonly replicas: number }
  | { readonly op: 'scale'; readonly name: Name; readonly replicas: number }
  | { readonly op: 'undeploy'; readonly name: Name }
  | { readonly op: 'replicaset'; readonly replicas: number | undefined }
  | { readonly op: 'service'; readonly name: Name; readonly present: boolean }
  | { readonly op: 'daemonset'; readonly present: boolean }
  | { readonly op: 'stopKubelet' }
  | { readonly op: 'startKubelet' }
  | { readonly op: 'crash'; readonly index: number }
  | { readonly op: 'deletePod'; readonly index: number }
  | { readonly op: 'deleteNode'; readonly node: 'node1' | 'node2' }
  | { readonly op: 'advance'; readonly ms: number };

const name = fc.constantFrom(...NAMES);
const replicas = fc.integer({ min: 0, max: 4 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('deploy' as const), name, replicas }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('scale' as const), name, replicas }) },
  fc.record({ op: fc.constant('undeploy' as const), name }),
  fc.record({ op: fc.constant('replicaset' as const), replicas: fc.option(replicas, { nil: undefined }) }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('service' as const), name, present: fc.boolean() }) },
  fc.record({ op: fc.constant('daemonset' as const), present: fc.boolean() }),
  fc.constant({ op: 'stopKubelet' as const }),
  fc.constant({ op: 'startKubelet' as const }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('crash' as const), index: fc.nat(30) }) },
  fc.record({ op: fc.constant('deletePod' as const), index: fc.nat(30) }),
  fc.record({ op: fc.constant('deleteNode' as const), node: fc.constantFrom('node1' as const, 'node2' as const) }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 90_000 }) }) },
);

/** What the learner asked for: the model the cluster must end up matching. */
interface Model {
  readonly deployments: Map<Name, number>;
  /** The bare ReplicaSet "cache", when it exists. */
  cache: number | undefined;
  readonly services: Set<Name>;
  daemonset: boolean;
}

const R = {
  pods: mustResolve('pods'), nodes: mustResolve('nodes'), deployments: mustResolve('deployments'), replicasets: mustResolve('replicasets'),
  daemonsets: mustResolve('daemonsets'), services: mustResolve('services'), endpoints: mustResolve('endpoints'),
};
const ACTOR = 'user:kubectl';

function template(app: string) {
  return { metadata: { labels: { app } }, spec: { containers: [{ name: 'main', image: 'nginx' }] } };
}

function cluster(seed: string): { world: World; cluster: Cluster } {
  const world = new World({ seed });
  const init = kubeadmInitNow(world, 'node1');
  if (!init.ok) throw new Error(init.error);
  const joined = kubeadmJoinNow(world, 'node2', init.value.cluster, init.value.token);
  if (!joined.ok) throw new Error(joined.error);
  applyWeaveNow(init.value.cluster);
  world.advance(60_000);
  return { world, cluster: init.value.cluster };
}

function userPods(c: Cluster): Stored<Pod>[] {
  return c.store.list<Pod>(R.pods, { namespace: 'default' }).filter((p) => !p.metadata.deletionTimestamp);
}

function startKubelet(world: World, c: Cluster): void {
  const host = world.host('node2')!;
  if (host.kubelet?.running) return;
  new Kubelet({ world, host, cluster: c }).start();
}

function apply(world: World, c: Cluster, m: Model, o: Op): void {
  const store = c.store;
  switch (o.op) {
    case 'deploy':
      if (m.deployments.has(o.name)) return;
      store.create<Deployment>(R.deployments, {
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: o.name, namespace: 'default', labels: { app: o.name } },
        spec: { replicas: o.replicas, selector: { matchLabels: { app: o.name } }, template: template(o.name) },
      }, ACTOR);
      m.deployments.set(o.name, o.replicas);
      return;
    case 'scale': {
      const d = store.get<Deployment>(R.deployments, 'default', o.name);
      if (!d) return;
      store.update<Deployment>(R.deployments, { ...d, spec: { ...d.spec!, replicas: o.replicas } }, ACTOR);
      m.deployments.set(o.name, o.replicas);
      return;
    }
    case 'undeploy':
      if (!m.deployments.delete(o.name)) return;
      store.delete(R.deployments, 'default', o.name, ACTOR);
      return;
    case 'replicaset':
      if (o.replicas === undefined) {
        if (m.cache !== undefined) store.delete(R.replicasets, 'default', 'cache', ACTOR);
        m.cache = undefined;
        return;
      }
      if (m.cache === undefined) {
        store.create<ReplicaSet>(R.replicasets, {
          apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'cache', namespace: 'default' },
          spec: { replicas: o.replicas, selector: { matchLabels: { app: 'cache' } }, template: template('cache') },
        }, ACTOR);
      } else {
        const rs = store.get<ReplicaSet>(R.replicasets, 'default', 'cache')!;
        store.update<ReplicaSet>(R.replicasets, { ...rs, spec: { ...rs.spec!, replicas: o.replicas } }, ACTOR);
      }
      m.cache = o.replicas;
      return;
    case 'service':
      if (o.present && !m.services.has(o.name)) {
        store.create<Service>(R.services, {
          apiVersion: 'v1', kind: 'Service', metadata: { name: o.name, namespace: 'default' },
          spec: { selector: { app: o.name }, ports: [{ port: 80, protocol: 'TCP' }] },
        }, ACTOR);
        m.services.add(o.name);
      } else if (!o.present && m.services.delete(o.name)) {
        store.delete(R.services, 'default', o.name, ACTOR);
      }
      return;
    case 'daemonset':
      if (o.present && !m.daemonset) {
        store.create<DaemonSet>(R.daemonsets, {
          apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' },
          spec: { selector: { matchLabels: { app: 'agent' } }, template: template('agent') },
        }, ACTOR);
      } else if (!o.present && m.daemonset) {
        store.delete(R.daemonsets, 'default', 'agent', ACTOR);
      }
      m.daemonset = o.present;
      return;
    case 'stopKubelet': {
      const kubelet = c.kubelets.get('node2');
      if (kubelet?.running) kubelet.stop();
      return;
    }
    case 'startKubelet':
      startKubelet(world, c);
      return;
    case 'crash': {
      // The container's process dies (an OOM kill, a segfault): the kubelet restarts it.
      const pods = userPods(c);
      const victim = pods[o.index % Math.max(1, pods.length)];
      const node = victim?.spec?.nodeName;
      const worker = victim && node ? c.kubelets.get(node)?.workers.get(`default/${victim.metadata.name}`) : undefined;
      const instance = worker?.containers[0]?.instance;
      if (instance?.running) instance.signal('SIGKILL');
      return;
    }
    case 'deletePod': {
      const pods = userPods(c);
      const victim = pods[o.index % Math.max(1, pods.length)];
      if (victim) store.delete(R.pods, 'default', victim.metadata.name, ACTOR);
      return;
    }
    case 'deleteNode':
      store.delete(R.nodes, undefined, o.node, ACTOR);
      return;
    case 'advance':
      world.advance(o.ms);
      return;
  }
}

const ready = (p: Pod): boolean => p.status?.conditions?.some((k) => k.type === 'Ready' && k.status === 'True') ?? false;

/** Differences between the cluster and the model, as readable lines. */
function problems(c: Cluster, m: Model): string[] {
  const out: string[] = [];
  const store = c.store;
  const nodes = store.list<Node>(R.nodes);
  const nodeNames = new Set(nodes.map((n) => n.metadata.name));
  if (nodeNames.size !== 2) out.push(`nodes ${[...nodeNames].join(',')}`);
  const pods = store.list<Pod>(R.pods);
  const owned = (owner: KubeObject & { metadata: { uid: string } }) => pods.filter((p) => controllerOf(p)?.uid === owner.metadata.uid);

  const deployments = store.list<Deployment>(R.deployments, { namespace: 'default' });
  const names = deployments.map((d) => d.metadata.name).sort();
  if (names.join() !== [...m.deployments.keys()].sort().join()) out.push(`deployments ${names.join()} but the model has ${[...m.deployments.keys()].join()}`);
  for (const d of deployments) {
    const want = m.deployments.get(d.metadata.name as Name);
    const s = d.status ?? {};
    if (d.spec?.replicas !== want || (s.readyReplicas ?? 0) !== want || (s.availableReplicas ?? 0) !== want || (s.replicas ?? 0) !== want) {
      out.push(`deployment ${d.metadata.name}: want ${want}, spec ${d.spec?.replicas}, status ${JSON.stringify(s)}`);
    }
  }
  for (const rs of store.list<ReplicaSet>(R.replicasets)) {
    const want = rs.spec?.replicas ?? 1;
    const mine = owned(rs);
    if ((rs.status?.readyReplicas ?? 0) !== want || mine.length !== want || mine.filter(ready).length !== want) {
      out.push(`replicaset ${rs.metadata.name}: want ${want}, ${mine.length} pods (${mine.filter(ready).length} ready), status ${JSON.stringify(rs.status)}`);
    }
  }
  if ((store.get<ReplicaSet>(R.replicasets, 'default', 'cache')?.spec?.replicas) !== m.cache) out.push(`replicaset cache does not match the model (${m.cache})`);
  for (const ds of store.list<DaemonSet>(R.daemonsets)) {
    const s = ds.status;
    const mine = owned(ds);
    const want = s?.desiredNumberScheduled ?? -1;
    // Without tolerations the agent runs on node2 only (node1 is the tainted control plane); kube-proxy and weave on both.
    const expected = ds.metadata.namespace === 'default' ? 1 : 2;
    if (want !== expected || s?.numberReady !== want || mine.length !== want || mine.filter(ready).length !== want) {
      out.push(`daemonset ${ds.metadata.namespace}/${ds.metadata.name}: ${mine.length} pods, status ${JSON.stringify(s)}`);
    }
  }
  if (Boolean(store.get(R.daemonsets, 'default', 'agent')) !== m.daemonset) out.push('daemonset agent does not match the model');

  const ips: string[] = [];
  for (const p of pods) {
    const where = `pod ${p.metadata.namespace}/${p.metadata.name}`;
    if (!p.spec?.nodeName || !nodeNames.has(p.spec.nodeName)) out.push(`${where} on missing node ${p.spec?.nodeName}`);
    if (p.metadata.deletionTimestamp) out.push(`${where} still terminating`);
    if (!ready(p)) out.push(`${where} not ready: ${JSON.stringify(p.status?.containerStatuses?.map((s) => s.state))}`);
    if (!p.spec?.hostNetwork && p.status?.podIP) ips.push(p.status.podIP);
  }
  const dup = ips.filter((ip, i) => ips.indexOf(ip) !== i);
  if (dup.length) out.push(`duplicate pod IPs ${dup.join(', ')}`);

  for (const type of RESOURCE_TYPES) {
    for (const obj of store.list(type)) {
      for (const ref of obj.metadata.ownerReferences ?? []) {
        const ownerType = typeForKind(ref.apiVersion, ref.kind);
        const owner = ownerType && store.get(ownerType, ownerType.namespaced ? obj.metadata.namespace : undefined, ref.name);
        if (!owner || owner.metadata.uid !== ref.uid) out.push(`${obj.kind} ${obj.metadata.name} owned by missing ${ref.kind} ${ref.name}`);
      }
    }
  }

  const services = store.list<Service>(R.services, { namespace: 'default' }).filter((s) => s.metadata.name !== 'kubernetes');
  if (services.map((s) => s.metadata.name).sort().join() !== [...m.services].sort().join()) out.push(`services ${services.map((s) => s.metadata.name).join()}`);
  for (const svc of services) {
    const selector = fromLabels(svc.spec?.selector ?? {});
    const want = pods.filter((p) => p.metadata.namespace === 'default' && ready(p) && matchesSelector(selector, p.metadata.labels ?? {}))
      .map((p) => p.status?.podIP).sort();
    const ep = store.get<Endpoints>(R.endpoints, 'default', svc.metadata.name);
    const got = (ep?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip)).sort();
    const notReady = (ep?.subsets ?? []).flatMap((s) => s.notReadyAddresses ?? []);
    if (got.join() !== want.join() || notReady.length) out.push(`endpoints ${svc.metadata.name}: ${got.join()} (not ready ${notReady.length}), want ${want.join()}`);
  }
  return out;
}

describe('the engine under random writes and faults', () => {
  it('converges to the model once calm: ready = desired, pods on live nodes, unique IPs, owners, endpoints', { timeout: 120_000 }, () => {
    let run = 0;
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 20 }), (ops) => {
        const { world, cluster: c } = cluster(`model-${run++}`);
        const model: Model = { deployments: new Map(), cache: undefined, services: new Set(), daemonset: false };
        for (const o of ops) apply(world, c, model, o);
        // Calm: every kubelet running again, then time for NotReady → Ready, restarts and rollouts.
        startKubelet(world, c);
        world.advance(4 * 60_000);
        expect(problems(c, model), JSON.stringify(ops)).toEqual([]);
      }),
      { seed: Number(process.env.MODEL_SEED ?? 20261128), numRuns: Number(process.env.MODEL_RUNS ?? 8), endOnFailure: true },
    );
  });
});
