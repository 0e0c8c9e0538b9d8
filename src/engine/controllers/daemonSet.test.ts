import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import { TOLERATE_ALL, daemonSet } from '../testing/fixtures';
import type { DaemonSet, Pod } from '../api/types';
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { NAME_ALPHABET } from '../api/names';

const status = (t: TestCluster, name: string, ns = 'kube-system') => t.get<DaemonSet>('ds', name, ns)?.status;
const podNodes = (t: TestCluster, ns = 'kube-system') => t.pods(ns).map((p) => p.spec?.nodeName ?? '<none>').sort();

describe('daemonset controller', () => {
  it('runs one pinned pod per node, control plane included when it tolerates everything', () => {
    const t = TestCluster.create();
    const ds = t.create(daemonSet('kube-proxy', { namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' }, tolerations: TOLERATE_ALL, hostNetwork: true, image: 'registry.k8s.io/kube-proxy:v1.27.2' }));
    const pods = t.pods('kube-system');
    expect(pods).toHaveLength(2);
    expect(podNodes(t)).toEqual(['node1', 'node2']);
    const onNode1 = pods.find((p) => p.spec?.nodeName === 'node1')!;
    expect(onNode1.metadata.name).toMatch(new RegExp(`^kube-proxy-[${NAME_ALPHABET}]{5}$`));
    expect(onNode1.spec?.affinity).toEqual({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }] } },
    });
    expect(onNode1.spec?.tolerations).toEqual([
      { operator: 'Exists' },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    const revisions = t.list<ControllerRevision>('controllerrevisions', 'kube-system');
    expect(revisions).toHaveLength(1);
    const hash = revisions[0]!.metadata?.labels?.['controller-revision-hash'];
    expect(revisions[0]!.metadata?.name).toBe(`kube-proxy-${hash}`);
    expect(revisions[0]!.revision).toBe(1);
    expect(onNode1.metadata.labels).toEqual({ 'k8s-app': 'kube-proxy', 'controller-revision-hash': hash, 'pod-template-generation': '1' });
    expect(onNode1.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'DaemonSet', name: 'kube-proxy', uid: ds.metadata.uid, controller: true });
    expect(status(t, 'kube-proxy')).toEqual({ currentNumberScheduled: 2, desiredNumberScheduled: 2, numberMisscheduled: 0, numberReady: 0, observedGeneration: 1, updatedNumberScheduled: 2, numberUnavailable: 2 });
    t.advance('3s');
    expect(status(t, 'kube-proxy')).toEqual({ currentNumberScheduled: 2, desiredNumberScheduled: 2, numberMisscheduled: 0, numberReady: 2, observedGeneration: 1, updatedNumberScheduled: 2, numberAvailable: 2 });
    expect(t.events({ resource: 'pod', name: onNode1.metadata.name, namespace: 'kube-system' })).toEqual([
      `Normal Scheduled default-scheduler Successfully assigned kube-system/${onNode1.metadata.name} to node1`,
    ]);
  });

  it('leaves out the control-plane node without a toleration, and gives a node that joins later its pod', () => {
    const t = TestCluster.create({ nodes: [{ name: 'node1', controlPlane: true }] });
    t.create(daemonSet('rng', { namespace: 'default', image: 'dockercoins/rng:v0.1' }));
    expect(t.pods('default')).toEqual([]);
    expect(status(t, 'rng', 'default')).toMatchObject({ desiredNumberScheduled: 0, currentNumberScheduled: 0 });
    t.addNode('node2');
    expect(podNodes(t, 'default')).toEqual(['node2']);
    t.advance('3s');
    expect(t.podLines('default')).toEqual([expect.stringMatching(/^rng-\w{5} node2 Running 1\/1$/)]);
    expect(t.events({ resource: 'ds', name: 'rng', namespace: 'default' })).toEqual([
      `Normal SuccessfulCreate daemonset-controller Created pod: ${t.pods('default')[0]!.metadata.name}`,
    ]);
  });

  it('does not run on a NotReady node without tolerating not-ready:NoSchedule; kube-proxy-like pods do', () => {
    const t = TestCluster.create({ nodes: [{ name: 'node1', controlPlane: true, ready: false }, { name: 'node2', ready: false }] });
    t.create(daemonSet('plain', { namespace: 'default' }));
    t.create(daemonSet('proxy', { namespace: 'kube-system', tolerations: TOLERATE_ALL }));
    expect(podNodes(t, 'default')).toEqual([]);
    expect(podNodes(t, 'kube-system')).toEqual(['node1', 'node2']);
    t.setNodeReady('node2', true);
    expect(podNodes(t, 'default')).toEqual(['node2']);
  });

  it('counts weave-like pods available only after minReadySeconds', () => {
    const t = TestCluster.create();
    t.create(daemonSet('weave-net', { namespace: 'kube-system', tolerations: TOLERATE_ALL, minReadySeconds: 5, hostNetwork: true }));
    t.advance('2s');
    expect(status(t, 'weave-net')).toMatchObject({ numberReady: 2, numberUnavailable: 2 });
    // Ready at 2 s: available strictly after 7 s.
    t.advance('5s');
    expect(status(t, 'weave-net')).toMatchObject({ numberReady: 2, numberUnavailable: 2 });
    t.advance('1ms');
    expect(status(t, 'weave-net')).toMatchObject({ numberReady: 2, numberAvailable: 2 });
    expect(status(t, 'weave-net')?.numberUnavailable).toBeUndefined();
  });

  it('rolls a template change out one node at a time', () => {
    const t = TestCluster.create({ nodes: ['node1', 'node2', 'node3'], kubelet: { startMs: 2000, stopMs: 1000 } });
    t.create(daemonSet('agent', { namespace: 'default', image: 'agent:1' }));
    t.advance('5s');
    const steps: string[] = [];
    t.store.watch(() => {
      const running = t.pods('default').filter((p) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
      if (running.length < 2) steps.push(`${t.world.now()}: ${running.length} ready`);
    });
    t.setImage('ds', 'agent', 'agent:2');
    t.advance('30s');
    expect(steps).toEqual([]);
    expect(t.pods('default').map((p) => p.spec?.containers[0]?.image)).toEqual(['agent:2', 'agent:2', 'agent:2']);
    expect(t.pods('default').every((p) => p.metadata.labels?.['pod-template-generation'] === '2')).toBe(true);
    expect(t.list<ControllerRevision>('controllerrevisions', 'default').map((r) => r.revision).sort()).toEqual([1, 2]);
    expect(status(t, 'agent', 'default')).toMatchObject({ desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3, observedGeneration: 2 });
  });

  it('deletes pods from a node that no longer qualifies, and the pod GC clears pods of a deleted node', () => {
    const t = TestCluster.create({ nodes: ['node1', { name: 'node2', labels: { disk: 'ssd' } }] });
    t.create(daemonSet('cache', { namespace: 'default', nodeSelector: { disk: 'ssd' } }));
    t.advance('3s');
    expect(podNodes(t, 'default')).toEqual(['node2']);
    t.edit('node', 'node1', (n) => {
      n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' };
    });
    t.edit('node', 'node2', (n) => {
      n.metadata.labels = { ...n.metadata.labels, disk: 'hdd' };
    });
    t.advance('3s');
    expect(podNodes(t, 'default')).toEqual(['node1']);
    t.stopKubelet('node1');
    t.removeNode('node1');
    t.advance('39s');
    expect(t.pods('default')).toHaveLength(1);
    t.advance('2s');
    expect(t.pods('default')).toEqual([] as Pod[]);
  });
});
