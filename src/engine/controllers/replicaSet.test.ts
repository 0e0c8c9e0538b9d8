import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import { pod, replicaSet } from '../testing/fixtures';
import type { Pod, ReplicaSet } from '../api/types';
import { NAME_ALPHABET } from '../api/names';

const rsStatus = (t: TestCluster, name = 'web') => t.get<ReplicaSet>('rs', name)?.status;

describe('replicaset controller', () => {
  it('creates spec.replicas pods named <rs>-<5 chars>, owned by the ReplicaSet', () => {
    const t = TestCluster.create();
    const rs = t.create(replicaSet('web', { replicas: 3 }));
    const pods = t.pods();
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-[${NAME_ALPHABET}]{5}$`));
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
      expect(p.metadata.labels).toEqual({ app: 'web' });
    }
    expect(t.events({ resource: 'rs', name: 'web' }).sort()).toEqual(pods.map((p) => `Normal SuccessfulCreate replicaset-controller Created pod: ${p.metadata.name}`).sort());
    expect(rsStatus(t)).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    t.advance('2s');
    expect(rsStatus(t)).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  it('scales up and down, deleting not-ready and unscheduled pods first', () => {
    const t = TestCluster.create();
    t.create(replicaSet('web', { replicas: 2 }));
    t.advance('5s');
    const ready = t.pods().map((p) => p.metadata.name);
    t.scale('rs', 'web', 4);
    expect(t.pods()).toHaveLength(4);
    t.scale('rs', 'web', 2);
    // The two new pods were not ready yet: they go, the ready ones stay.
    const left = t.pods().filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name);
    expect(left.sort()).toEqual(ready.sort());
    expect(rsStatus(t)?.observedGeneration).toBe(3);
    t.advance('2s');
    expect(t.pods()).toHaveLength(2);
    expect(t.events({ resource: 'rs', name: 'web' }).filter((e) => e.includes('SuccessfulDelete'))).toHaveLength(2);
  });

  it('replaces a deleted pod at once, while the old one is still Terminating', () => {
    const t = TestCluster.create();
    t.create(replicaSet('web', { replicas: 2 }));
    t.advance('5s');
    const victim = t.pods()[0]!.metadata.name;
    t.delete('pod', victim);
    const lines = t.podLines();
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith(victim))).toBe(`${victim} node2 Terminating 1/1`);
    expect(rsStatus(t)?.replicas).toBe(2);
    t.advance('5s');
    expect(t.podLines().filter((l) => l.endsWith('Running 1/1'))).toHaveLength(2);
    expect(t.get('pod', victim)).toBeUndefined();
  });

  it('adopts a matching orphan instead of creating a pod, and releases a relabelled one', () => {
    const t = TestCluster.create();
    t.create(pod('stray', { labels: { app: 'web' } }));
    const rs = t.create(replicaSet('web', { replicas: 2 }));
    expect(t.get<Pod>('pod', 'stray')?.metadata.ownerReferences?.[0]?.uid).toBe(rs.metadata.uid);
    expect(t.pods()).toHaveLength(2);
    t.edit<Pod>('pod', 'stray', (p) => {
      p.metadata.labels = { app: 'debug' };
    });
    expect(t.get<Pod>('pod', 'stray')?.metadata.ownerReferences).toBeUndefined();
    expect(t.pods().filter((p) => p.metadata.labels?.['app'] === 'web')).toHaveLength(2);
  });

  it('counts a pod available only minReadySeconds after it is ready', () => {
    const t = TestCluster.create();
    t.create(replicaSet('web', { replicas: 1, minReadySeconds: 10 }));
    t.advance('2s');
    expect(rsStatus(t)).toMatchObject({ readyReplicas: 1 });
    expect(rsStatus(t)?.availableReplicas).toBeUndefined();
    t.advance('9s');
    expect(rsStatus(t)?.availableReplicas).toBeUndefined();
    t.advance('2s');
    expect(rsStatus(t)?.availableReplicas).toBe(1);
  });

  it('reports a failure to create pods as FailedCreate and ReplicaFailure', () => {
    const t = TestCluster.create();
    t.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
    // Without the namespace controller, a terminating namespace just refuses new content.
    t.cluster.controllers.remove('controller:namespace');
    t.create(replicaSet('web', { namespace: 'demo', replicas: 0 }));
    t.delete('namespace', 'demo');
    t.scale('rs', 'web', 1, 'demo');
    expect(t.pods('demo')).toEqual([]);
    const message = 'pods "" is forbidden: unable to create new content in namespace demo because it is being terminated';
    expect(t.get<ReplicaSet>('rs', 'web', 'demo')?.status?.conditions).toEqual([
      expect.objectContaining({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message }),
    ]);
  });
});
