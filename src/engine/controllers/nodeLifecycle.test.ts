import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import { pod, deployment } from '../testing/fixtures';
import type { Node, Pod } from '../api/types';

const taints = (t: TestCluster, node: string) => (t.get<Node>('node', node)?.spec?.taints ?? []).map((x) => `${x.key}:${x.effect}`);

describe('node lifecycle controller', () => {
  it('records RegisteredNode once per node', () => {
    const t = TestCluster.create();
    expect(t.events({ resource: 'node', name: 'node1' })).toEqual(['Normal RegisteredNode node-controller Node node1 event: Registered Node node1 in Controller']);
    t.setNodeReady('node1', false);
    t.setNodeReady('node1', true);
    expect(t.events({ resource: 'node', name: 'node1' })).toHaveLength(1);
  });

  it('keeps not-ready:NoSchedule on NotReady nodes and removes it when they turn Ready', () => {
    const t = TestCluster.create({ nodes: [{ name: 'node1', controlPlane: true, ready: false }, { name: 'node2', ready: false }] });
    // Every node is down: no NoExecute taints (the controller assumes a partition).
    expect(taints(t, 'node1')).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule', 'node.kubernetes.io/not-ready:NoSchedule']);
    expect(taints(t, 'node2')).toEqual(['node.kubernetes.io/not-ready:NoSchedule']);
    t.setNodeReady('node1', true);
    expect(taints(t, 'node1')).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule']);
    // One node up, one down: the down one is tainted for eviction too.
    expect(taints(t, 'node2')).toEqual(['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
    t.setNodeReady('node2', true);
    expect(taints(t, 'node2')).toEqual([]);
  });

  it('taints a cordoned node unschedulable', () => {
    const t = TestCluster.create();
    t.edit<Node>('node', 'node2', (n) => {
      n.spec = { ...n.spec, unschedulable: true };
    });
    expect(taints(t, 'node2')).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
    t.create(pod('web'));
    expect(t.events({ resource: 'pod', name: 'web' })[0]).toContain('1 node(s) were unschedulable');
  });

  it('marks a node whose kubelet stops renewing its Lease Unknown, then evicts its pods after 300 s', () => {
    const t = TestCluster.create();
    const lease = (renew: string) => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node2', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node2', leaseDurationSeconds: 40, renewTime: renew } });
    t.create(deployment('web', { replicas: 2 }));
    t.advance('5s');
    // The kubelet's last renewal, then silence.
    t.create(lease(t.store.timestamp()));
    t.stopKubelet('node2');
    t.advance('36s');
    expect(t.get<Node>('node', 'node2')?.status?.conditions?.[0]?.status).toBe('True');
    t.advance('5s');
    const ready = t.get<Node>('node', 'node2')?.status?.conditions?.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(taints(t, 'node2')).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    const before = t.pods().map((p) => p.metadata.name);
    t.advance('298s');
    expect(t.pods().filter((p) => p.metadata.deletionTimestamp)).toEqual([]);
    t.advance('2s');
    // Evicted, but no kubelet finishes them: Terminating; nowhere else to go (node1 is tainted).
    const evicted = t.pods().filter((p) => before.includes(p.metadata.name));
    expect(evicted.every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(t.events({ resource: 'pod', name: evicted[0]!.metadata.name })).toContain(`Normal TaintManagerEviction taint-controller Marking for deletion Pod default/${evicted[0]!.metadata.name}`);
    expect(evicted[0]!.status?.conditions).toContainEqual(expect.objectContaining({ type: 'DisruptionTarget', reason: 'DeletionByTaintManager' }));
    expect(t.pods().filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec?.nodeName ?? '<none>')).toEqual(['<none>', '<none>']);
  });

  it('evicts at once a pod that does not tolerate a NoExecute taint', () => {
    const t = TestCluster.create();
    t.create(pod('web', { tolerations: [] }));
    t.advance('3s');
    t.edit<Node>('node', 'node2', (n) => {
      n.spec = { ...n.spec, taints: [{ key: 'maintenance', effect: 'NoExecute' }] };
    });
    expect(t.get<Pod>('pod', 'web')?.metadata.deletionTimestamp).toBeDefined();
  });
});
