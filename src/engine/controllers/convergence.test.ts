/**
 * Property: whatever a learner does (create, scale, change images, delete pods and deployments,
 * nodes coming and going, time passing), once things calm down the cluster converges: every
 * Deployment has exactly its replicas ready on the current template, DaemonSets have one pod per
 * eligible node, no pod sits on a node that is gone, and every owner reference points at a live
 * owner. And the same inputs give the same world, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TestCluster } from '../testing/testCluster';
import { TOLERATE_ALL, daemonSet, deployment } from '../testing/fixtures';
import { RESOURCE_TYPES } from '../api/resources';
import { typeForKind } from '../api/resources';
import type { DaemonSet, Deployment, Node, Pod, ReplicaSet } from '../api/types';
import { controllerOf } from '../api/types';

const NAMES = ['web', 'api', 'worker'] as const;
const IMAGES = ['app:1', 'app:2', 'app:3'] as const;

type Op =
  | { readonly op: 'create'; readonly name: string; readonly replicas: number; readonly image: string; readonly recreate: boolean }
  | { readonly op: 'scale'; readonly name: string; readonly replicas: number }
  | { readonly op: 'image'; readonly name: string; readonly image: string }
  | { readonly op: 'delete'; readonly name: string }
  | { readonly op: 'deletePod'; readonly index: number }
  | { readonly op: 'node3'; readonly present: boolean }
  | { readonly op: 'ready'; readonly node: 'node2' | 'node3'; readonly ready: boolean }
  | { readonly op: 'daemonset'; readonly present: boolean }
  | { readonly op: 'advance'; readonly ms: number };

const name = fc.constantFrom(...NAMES);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), name, replicas: fc.integer({ min: 0, max: 6 }), image: fc.constantFrom(...IMAGES), recreate: fc.boolean() }),
  fc.record({ op: fc.constant('scale' as const), name, replicas: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ op: fc.constant('image' as const), name, image: fc.constantFrom(...IMAGES) }),
  fc.record({ op: fc.constant('delete' as const), name }),
  fc.record({ op: fc.constant('deletePod' as const), index: fc.nat(20) }),
  fc.record({ op: fc.constant('node3' as const), present: fc.boolean() }),
  fc.record({ op: fc.constant('ready' as const), node: fc.constantFrom('node2' as const, 'node3' as const), ready: fc.boolean() }),
  fc.record({ op: fc.constant('daemonset' as const), present: fc.boolean() }),
  fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 20_000 }) }),
);

function apply(t: TestCluster, o: Op): void {
  switch (o.op) {
    case 'create':
      if (!t.get('deploy', o.name)) t.create(deployment(o.name, { replicas: o.replicas, image: o.image, ...(o.recreate ? { strategy: 'Recreate' as const } : {}) }));
      return;
    case 'scale':
      if (t.get('deploy', o.name)) t.scale('deploy', o.name, o.replicas);
      return;
    case 'image':
      if (t.get('deploy', o.name)) t.setImage('deploy', o.name, o.image);
      return;
    case 'delete':
      if (t.get('deploy', o.name)) t.delete('deploy', o.name);
      return;
    case 'deletePod': {
      const pods = t.pods('default');
      const victim = pods[o.index % Math.max(1, pods.length)];
      if (victim && !victim.metadata.deletionTimestamp) t.delete('pod', victim.metadata.name);
      return;
    }
    case 'node3':
      if (o.present && !t.get('node', 'node3')) t.addNode('node3');
      if (!o.present && t.get('node', 'node3')) t.removeNode('node3');
      return;
    case 'ready':
      if (t.get('node', o.node)) t.setNodeReady(o.node, o.ready);
      return;
    case 'daemonset':
      if (o.present && !t.get('ds', 'agent', 'kube-system')) t.create(daemonSet('agent', { namespace: 'kube-system', tolerations: TOLERATE_ALL }));
      if (!o.present && t.get('ds', 'agent', 'kube-system')) t.delete('ds', 'agent', 'kube-system');
      return;
    case 'advance':
      t.advance(o.ms);
      return;
  }
}

/** Calm: every node Ready, then enough time for rollouts, graceful deletions and the pod GC. */
function calmDown(t: TestCluster): void {
  for (const n of t.list<Node>('nodes')) t.setNodeReady(n.metadata.name, true);
  t.advance('10m');
}

function problems(t: TestCluster): string[] {
  const out: string[] = [];
  const nodes = new Set(t.list<Node>('nodes').map((n) => n.metadata.name));
  const pods = t.pods();
  for (const p of pods) {
    if (p.spec?.nodeName && !nodes.has(p.spec.nodeName)) out.push(`pod ${p.metadata.name} on missing node ${p.spec.nodeName}`);
    if (p.metadata.deletionTimestamp) out.push(`pod ${p.metadata.name} still terminating`);
  }
  for (const type of RESOURCE_TYPES) {
    for (const obj of t.store.list(type)) {
      for (const ref of obj.metadata.ownerReferences ?? []) {
        const ownerType = typeForKind(ref.apiVersion, ref.kind);
        const owner = ownerType && t.store.get(ownerType, ownerType.namespaced ? obj.metadata.namespace : undefined, ref.name);
        if (!owner || owner.metadata.uid !== ref.uid) out.push(`${obj.kind} ${obj.metadata.name} owned by missing ${ref.kind} ${ref.name}`);
      }
    }
  }
  for (const d of t.list<Deployment>('deploy', 'default')) {
    const want = d.spec?.replicas ?? 0;
    const image = d.spec?.template.spec?.containers[0]?.image;
    const rss = t.list<ReplicaSet>('rs', 'default').filter((rs) => controllerOf(rs)?.uid === d.metadata.uid);
    const mine = pods.filter((p) => rss.some((rs) => controllerOf(p)?.uid === rs.metadata.uid));
    const ready = mine.filter((p) => p.spec?.containers[0]?.image === image && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
    if (mine.length !== want || ready.length !== want) out.push(`deployment ${d.metadata.name}: ${ready.length} ready of ${mine.length} pods, want ${want}`);
    const s = d.status ?? {};
    if ((s.readyReplicas ?? 0) !== want || (s.updatedReplicas ?? 0) !== want || (s.availableReplicas ?? 0) !== want) {
      out.push(`deployment ${d.metadata.name} status ${JSON.stringify(s)}`);
    }
  }
  const orphans = pods.filter((p) => !controllerOf(p));
  if (orphans.length > 0) out.push(`orphan pods ${orphans.map((p) => p.metadata.name).join(',')}`);
  const ds = t.get<DaemonSet>('ds', 'agent', 'kube-system');
  if (ds) {
    const agents = t.pods('kube-system').map((p: Pod) => p.spec?.nodeName).sort();
    if (agents.join(',') !== [...nodes].sort().join(',')) out.push(`daemonset pods on ${agents.join(',')}, nodes ${[...nodes].join(',')}`);
    if (ds.status?.numberReady !== nodes.size) out.push(`daemonset status ${JSON.stringify(ds.status)}`);
  }
  return out;
}

function snapshotText(t: TestCluster): string {
  return JSON.stringify(RESOURCE_TYPES.map((type) => t.store.list(type)));
}

describe('controllers converge', () => {
  it('whatever happens, the cluster settles into the declared state', () => {
    fc.assert(fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
      const t = TestCluster.create();
      for (const o of ops) apply(t, o);
      calmDown(t);
      expect(problems(t)).toEqual([]);
    }), { numRuns: 60, seed: 2718 });
  });

  it('the same inputs give the same world, byte for byte', () => {
    fc.assert(fc.property(fc.array(opArb, { minLength: 1, maxLength: 15 }), (ops) => {
      const run = () => {
        const t = TestCluster.create({ seed: 'same' });
        for (const o of ops) apply(t, o);
        t.advance('1m');
        return snapshotText(t);
      };
      expect(run()).toBe(run());
    }), { numRuns: 15, seed: 31415 });
  });
});
