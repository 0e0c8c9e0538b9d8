import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import { TOLERATE_CONTROL_PLANE, pod, deployment } from '../testing/fixtures';
import type { Pod } from '../api/types';

describe('scheduler', () => {
  it('binds a pod to the node without the control-plane taint and records Scheduled', () => {
    const t = TestCluster.create();
    t.create(pod('web'));
    expect(t.get<Pod>('pod', 'web')?.spec?.nodeName).toBe('node2');
    expect(t.events({ resource: 'pod', name: 'web' })).toEqual(['Normal Scheduled default-scheduler Successfully assigned default/web to node2']);
    const cond = t.get<Pod>('pod', 'web')?.status?.conditions?.find((c) => c.type === 'PodScheduled');
    expect(cond?.status).toBe('True');
    expect(t.writesBy('scheduler').map((w) => `${w.type} ${w.key}`)).toEqual(['MODIFIED default/web']);
  });

  it('keeps a pod Pending on a lone control-plane node, with the v1.27 message', () => {
    const t = TestCluster.create({ nodes: [{ name: 'node1', controlPlane: true }] });
    t.create(pod('web'));
    const p = t.get<Pod>('pod', 'web')!;
    expect(p.spec?.nodeName).toBeUndefined();
    const msg = '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. '
      + 'preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..';
    expect(p.status?.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg }));
    expect(t.events({ resource: 'pod', name: 'web' })).toEqual([`Warning FailedScheduling default-scheduler ${msg}`]);
  });

  it('places a pod that tolerates the control-plane taint, spreading replicas over both nodes', () => {
    const t = TestCluster.create();
    t.create(deployment('web', { replicas: 4, tolerations: TOLERATE_CONTROL_PLANE }));
    const nodes = t.pods().map((p) => p.spec?.nodeName).sort();
    expect(nodes).toEqual(['node1', 'node1', 'node2', 'node2']);
  });

  it('holds coredns-like pods while every node is NotReady and schedules them once a node is Ready', () => {
    const t = TestCluster.create({ nodes: [{ name: 'node1', controlPlane: true, ready: false }] });
    t.create(deployment('coredns', { namespace: 'kube-system', replicas: 2, labels: { 'k8s-app': 'kube-dns' }, tolerations: [
      { key: 'CriticalAddonsOnly', operator: 'Exists' },
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ] }));
    t.advance('30s');
    const pending = t.pods('kube-system');
    expect(pending).toHaveLength(2);
    expect(pending.every((p) => !p.spec?.nodeName)).toBe(true);
    expect(t.events({ resource: 'pod', name: pending[0]!.metadata.name, namespace: 'kube-system' })).toEqual([
      'Warning FailedScheduling default-scheduler 0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. '
      + 'preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
    ]);
    t.setNodeReady('node1', true);
    expect(t.pods('kube-system').map((p) => p.spec?.nodeName)).toEqual(['node1', 'node1']);
    t.advance('5s');
    expect(t.podLines('kube-system').every((l) => l.endsWith('node1 Running 1/1'))).toBe(true);
  });

  it('counts the reasons of every node and retries every 5 minutes', () => {
    const t = TestCluster.create({ nodes: [{ name: 'node1', controlPlane: true }, { name: 'node2', labels: { disk: 'hdd' } }] });
    t.create(pod('db', { nodeSelector: { disk: 'ssd' } }));
    const msg = "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. "
      + 'preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling..';
    expect(t.events({ resource: 'pod', name: 'db' })).toEqual([`Warning FailedScheduling default-scheduler ${msg}`]);
    t.advance('5m');
    expect(t.events({ resource: 'pod', name: 'db' })).toEqual([`Warning FailedScheduling default-scheduler ${msg} (x2)`]);
    t.edit('node', 'node2', (n) => {
      n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' };
    });
    // Two failures so far: the pod backs off 2 s before the next try.
    t.advance('2s');
    expect(t.get<Pod>('pod', 'db')?.spec?.nodeName).toBe('node2');
  });

  it('does nothing while kube-scheduler is down, and catches up when it starts', () => {
    const t = TestCluster.create();
    t.schedulerRunning = false;
    t.create(pod('web'));
    t.advance('1m');
    expect(t.get<Pod>('pod', 'web')?.spec?.nodeName).toBeUndefined();
    expect(t.events({ resource: 'pod', name: 'web' })).toEqual([]);
    t.schedulerRunning = true;
    t.settle();
    expect(t.get<Pod>('pod', 'web')?.spec?.nodeName).toBe('node2');
  });

  it('says "Too many pods" when a node is full, and host ports conflict', () => {
    const t = TestCluster.create({ nodes: [{ name: 'node2', maxPods: 1 }] });
    t.create(pod('a'));
    t.create(pod('b'));
    expect(t.events({ resource: 'pod', name: 'b' })[0]).toBe('Warning FailedScheduling default-scheduler 0/1 nodes are available: 1 Too many pods. '
      + 'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..');
    t.delete('pod', 'a');
    t.advance('2s');
    expect(t.get<Pod>('pod', 'b')?.spec?.nodeName).toBe('node2');
    const u = TestCluster.create({ nodes: ['node2'] });
    u.create(pod('p1', { hostPort: 8080 }));
    u.create(pod('p2', { hostPort: 8080 }));
    expect(u.events({ resource: 'pod', name: 'p2' })[0]).toBe("Warning FailedScheduling default-scheduler 0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. "
      + 'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..');
  });

  it('reports no nodes at all', () => {
    const t = TestCluster.create({ nodes: [] });
    t.create(pod('web'));
    expect(t.events({ resource: 'pod', name: 'web' })).toEqual(['Warning FailedScheduling default-scheduler no nodes available to schedule pods']);
  });
});
