import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import { deployment, pod, replicaSet } from '../testing/fixtures';
import { mustResolve } from '../api/resources';
import type { Pod, ReplicaSet } from '../api/types';
import { deleteWithPropagation } from './garbageCollector';

describe('garbage collector', () => {
  it('deletes the pods of a deleted ReplicaSet (background cascade)', () => {
    const t = TestCluster.create();
    t.create(replicaSet('web', { replicas: 2 }));
    t.advance('3s');
    t.delete('rs', 'web');
    expect(t.podLines().every((l) => l.includes('Terminating'))).toBe(true);
    expect(t.writesBy('controller:garbage-collector').map((w) => w.type)).toEqual(['MODIFIED', 'MODIFIED']);
    t.advance('2s');
    expect(t.pods()).toEqual([]);
  });

  it('deletes a dependent whose owner never existed, and drops one dangling owner among several', () => {
    const t = TestCluster.create();
    const rs = t.create(replicaSet('keep', { replicas: 0 }));
    const ghost = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'ghost', uid: '00000000-0000-4000-8000-000000000000' };
    t.create({ ...pod('orphan'), metadata: { name: 'orphan', namespace: 'default', ownerReferences: [ghost] } });
    expect(t.get('pod', 'orphan')).toBeUndefined();
    t.create({
      ...pod('shared', { labels: { x: 'y' } }),
      metadata: { name: 'shared', namespace: 'default', labels: { x: 'y' }, ownerReferences: [ghost, { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'keep', uid: rs.metadata.uid }] },
    });
    expect(t.get<Pod>('pod', 'shared')?.metadata.ownerReferences?.map((r) => r.name)).toEqual(['keep']);
  });

  it('orphans dependents with propagationPolicy Orphan', () => {
    const t = TestCluster.create();
    t.create(deployment('web', { replicas: 2 }));
    t.advance('3s');
    const result = deleteWithPropagation(t.store, mustResolve('deployments'), 'default', 'web', 'user:kubectl', { propagationPolicy: 'Orphan' });
    expect(result.ok).toBe(true);
    t.advance('5s');
    const rss = t.list<ReplicaSet>('rs', 'default');
    expect(rss).toHaveLength(1);
    expect(rss[0]!.metadata.ownerReferences).toBeUndefined();
    expect(t.podLines().filter((l) => l.endsWith('Running 1/1'))).toHaveLength(2);
  });
});
