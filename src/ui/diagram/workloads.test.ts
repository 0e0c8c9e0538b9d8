import { describe, expect, it } from 'vitest';
import { buildModel } from './model';
import { toFlow, workloadGroupId } from './toFlow';
import type { DiagramNode, Flow, PodFlowNode } from './types';
import { pod, state } from './testing/builders';
import { afterWeave, COREDNS, KUBE_PROXY } from './testing/fixtures';
import { flowText } from './testing/flowText';
import { WEB_RS, webCluster, webHundred, webPods, webRollout, webSix } from './testing/web';

const WEB_ON_NODE2 = workloadGroupId('node2', 'default/deployment/web');

function node(flow: Flow, id: string): DiagramNode {
  const found = flow.nodes.find((n) => n.id === id);
  if (found === undefined) throw new Error(`no node ${id}`);
  return found;
}

const podsIn = (flow: Flow, parent: string): PodFlowNode[] => flow.nodes.filter((n): n is PodFlowNode => n.type === 'pod' && n.parentId === parent);

describe('toFlow: workloads', () => {
  it('boxes the six pods of a deployment on node2, titled the way a learner says it', () => {
    const flow = toFlow(webSix());
    const box = node(flow, WEB_ON_NODE2);
    expect(box).toMatchObject({ type: 'section', parentId: 'node/node2', data: { kind: 'workload', title: 'web deployment: 6 pods' } });
    expect(box.ariaLabel).toBe('web deployment in default: 6 pods on node2, 6 ready');
    const pods = podsIn(flow, WEB_ON_NODE2);
    expect(pods).toHaveLength(6);
    // Inside the box the pods need no title; their aria-label still names the workload.
    expect(pods.every((p) => p.data.title === undefined && p.data.revision === undefined)).toBe(true);
    expect(pods[0]?.ariaLabel).toMatch(/^pod web-7f9c6b5d84-\w{5} of the web deployment, Running, 1\/1 ready, on node2, IP 10\.44\.0\.\d+$/);
    // The box sits inside its host, below the host's other pods.
    const host = node(flow, 'node/node2');
    expect(box.position.y + (box.height ?? 0)).toBeLessThanOrEqual(host.height ?? 0);
  });

  it('titles a workload\'s lone pod on a host with the workload, and never boxes DaemonSets (one pod per node)', () => {
    const flow = toFlow(afterWeave());
    expect(flow.nodes.some((n) => n.id.startsWith('workload/'))).toBe(false);
    expect(node(flow, `pod/kube-system/${KUBE_PROXY.node2}`).data).toMatchObject({ title: 'kube-proxy daemonset' });
    expect(node(flow, `pod/kube-system/${COREDNS[0]}`).data).toMatchObject({ title: 'coredns deployment' });
  });

  it('says how many of the pods are on each host when they are spread', () => {
    const flow = toFlow(webCluster({ pods: webPods(6, WEB_RS.v1, 'both') }));
    expect(node(flow, workloadGroupId('node1', 'default/deployment/web')).data).toMatchObject({ title: 'web deployment: 3 of 6 pods' });
    expect(node(flow, WEB_ON_NODE2).data).toMatchObject({ title: 'web deployment: 3 of 6 pods' });
    expect(node(flow, WEB_ON_NODE2).ariaLabel).toBe('web deployment in default: 3 pods on node2 of 6, 3 ready');
  });

  it('tells the old and the new ReplicaSet apart during a rolling update', () => {
    const flow = toFlow(webRollout());
    const box = node(flow, WEB_ON_NODE2);
    expect(box.data).toMatchObject({ title: 'web deployment: 8 pods (3 new, 5 old)' });
    expect(box.ariaLabel).toBe('web deployment in default: 8 pods on node2, 6 ready, rolling update (3 new, 5 old)');
    const tags = podsIn(flow, WEB_ON_NODE2).map((p) => [p.data.name.startsWith(WEB_RS.v2), p.data.revision, p.data.status]);
    for (const [fresh, revision] of tags) {
      expect(revision).toEqual(fresh === true ? { label: 'new · rev 2', current: true } : { label: 'old · rev 1', current: false });
    }
    expect(tags.map(([, , status]) => status).sort()).toEqual(['ContainerCreating', 'Running', 'Running', 'Running', 'Running', 'Running', 'Running', 'Terminating']);
    const terminating = podsIn(flow, WEB_ON_NODE2).find((p) => p.data.status === 'Terminating');
    expect(terminating?.ariaLabel).toMatch(/Terminating, 1\/1 ready, old ReplicaSet \(old · rev 1\), on node2/);
  });

  it('drops the tags once the rollout is over', () => {
    const done = webCluster({
      pods: webPods(6, WEB_RS.v2),
      replicaSets: [{ name: WEB_RS.v1, revision: 1, replicas: 0 }, { name: WEB_RS.v2, revision: 2, replicas: 6 }],
    });
    const flow = toFlow(done);
    expect(node(flow, WEB_ON_NODE2).data).toMatchObject({ title: 'web deployment: 6 pods' });
    expect(podsIn(flow, WEB_ON_NODE2).every((p) => p.data.revision === undefined)).toBe(true);
  });

  it('counts a rollback as the new revision (rollout undo gives the old template a higher number)', () => {
    const undone = webCluster({
      pods: [...webPods(2, WEB_RS.v1), ...webPods(4, WEB_RS.v2, 'node2', 2)],
      replicaSets: [{ name: WEB_RS.v1, revision: 3, replicas: 2 }, { name: WEB_RS.v2, revision: 2, replicas: 4 }],
    });
    const model = buildModel(undone);
    const web = model.workloads.find((w) => w.key === 'default/deployment/web');
    expect(web?.revisions.map((r) => [r.replicaSet, r.revision, r.pods, r.current])).toEqual([
      [WEB_RS.v1, 3, 2, true], [WEB_RS.v2, 2, 4, false],
    ]);
  });

  it('keeps a bare pod (kubectl run) out of any box and without a title', () => {
    const bare = pod('pingpong', { nodeName: 'node2', phase: 'Running', ip: '10.44.0.30', containers: [{ name: 'pingpong', state: state.running(), ready: true }], readyCondition: true });
    const flow = toFlow(webCluster({ pods: webPods(2, WEB_RS.v1), extraPods: [bare] }));
    expect(node(flow, 'pod/default/pingpong')).toMatchObject({ parentId: 'node/node2', data: { title: undefined } });
    expect(node(flow, 'pod/default/pingpong').ariaLabel).toBe('pod pingpong, Running, 1/1 ready, on node2, IP 10.44.0.30');
  });

  it('groups a hundred pods in one box per host, every pod inside its box', () => {
    const flow = toFlow(webHundred());
    for (const host of ['node1', 'node2']) {
      const id = workloadGroupId(host, 'default/deployment/web');
      const box = node(flow, id);
      expect(box.data).toMatchObject({ title: 'web deployment: 50 of 100 pods' });
      const pods = podsIn(flow, id);
      expect(pods).toHaveLength(50);
      for (const p of pods) expect(p.position.y + (p.height ?? 0)).toBeLessThanOrEqual(box.height ?? 0);
    }
    expect(new Set(flow.nodes.map((n) => n.id)).size).toBe(flow.nodes.length);
    const model = buildModel(webHundred());
    expect(model.workloads.find((w) => w.key === 'default/deployment/web')).toMatchObject({ pods: 100, ready: 100, rolling: false });
  });

  it('matches its reviewed pictures', async () => {
    await expect(flowText(toFlow(webRollout()))).toMatchFileSnapshot('./testing/golden/web-rollout.txt');
  });
});
