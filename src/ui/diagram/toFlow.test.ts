import { describe, expect, it } from 'vitest';
import { MAX_ANIMATED_EDGES, countAnimated } from './edges';
import { PENDING_LANE_ID, toFlow } from './toFlow';
import type { DiagramNode, Flow, PodFlowNode } from './types';
import { cluster, host, node, world } from './testing/builders';
import { COREDNS, KUBE_PROXY, NODE1_IP, NODE2_IP, WEAVE, afterInit, afterJoin, afterWeave, beforeInit, duringWeave } from './testing/fixtures';
import { flowText } from './testing/flowText';

function byId(flow: Flow, id: string): DiagramNode {
  const found = flow.nodes.find((n) => n.id === id);
  if (found === undefined) throw new Error(`no node ${id} in ${flow.nodes.map((n) => n.id).join(' ')}`);
  return found;
}

function pod(flow: Flow, id: string): PodFlowNode {
  const n = byId(flow, id);
  if (n.type !== 'pod') throw new Error(`${id} is a ${n.type}`);
  return n;
}

const ids = (flow: Flow) => flow.nodes.map((n) => n.id);
const overlays = (flow: Flow) => flow.edges.filter((e) => e.data?.kind === 'overlay');

describe('toFlow: the cluster picture after each step of the first lesson', () => {
  it('before kubeadm init: two bare hosts, not in a cluster', () => {
    const flow = toFlow(beforeInit());
    expect(ids(flow)).toEqual(['node/node1', 'node/node2']);
    expect(flow.nodes.map((n) => n.ariaLabel)).toEqual([`node node1, ${NODE1_IP}, not in a cluster`, `node node2, ${NODE2_IP}, not in a cluster`]);
    expect(byId(flow, 'node/node1').data).toMatchObject({ badge: 'not in a cluster', membership: 'none', role: undefined });
    expect(flow.edges).toEqual([]);
  });

  it('after init: node1 NotReady with its control plane grouped, coredns Pending in the unscheduled lane', () => {
    const flow = toFlow(afterInit());
    expect(byId(flow, 'node/node1').data).toMatchObject({ badge: 'NotReady', role: 'control-plane', membership: 'member', ready: false });
    expect(byId(flow, 'node/node2').data).toMatchObject({ badge: 'not in a cluster' });
    const cp = byId(flow, 'controlplane/node1');
    expect(cp).toMatchObject({ type: 'section', parentId: 'node/node1', data: { kind: 'control-plane', title: 'control plane' } });
    expect(cp.ariaLabel).toBe('control plane on node1: API server, etcd, scheduler, controller manager');
    const members = flow.nodes.filter((n) => n.parentId === 'controlplane/node1');
    expect(members.map((n) => [n.id, n.type === 'pod' ? n.data.title : ''])).toEqual([
      ['pod/kube-system/kube-apiserver-node1', 'API server'],
      ['pod/kube-system/etcd-node1', 'etcd'],
      ['pod/kube-system/kube-scheduler-node1', 'scheduler'],
      ['pod/kube-system/kube-controller-manager-node1', 'controller manager'],
    ]);
    expect(members.every((n) => n.type === 'pod' && n.data.status === 'Running' && n.data.category === 'ready')).toBe(true);
    expect(pod(flow, `pod/kube-system/${KUBE_PROXY.node1}`)).toMatchObject({ parentId: 'node/node1', data: { status: 'Running', ready: '1/1', category: 'ready' } });

    expect(byId(flow, PENDING_LANE_ID)).toMatchObject({ data: { kind: 'pending', title: 'Pending — not scheduled' } });
    const dns = pod(flow, `pod/kube-system/${COREDNS[0]}`);
    expect(dns).toMatchObject({ parentId: PENDING_LANE_ID, data: { status: 'Pending', category: 'pending', ip: undefined } });
    expect(dns.ariaLabel).toBe('pod coredns-5d78c9869d-4xjkl of the coredns deployment, Pending, not scheduled');
    expect(dns.data.title).toBe('coredns deployment');
    expect(flow.edges.map((e) => e.id)).toEqual(['endpoint/default/kubernetes/kube-apiserver-node1']);
  });

  it('after join: node2 NotReady as a worker, with its own kube-proxy', () => {
    const flow = toFlow(afterJoin());
    expect(byId(flow, 'node/node2').data).toMatchObject({ badge: 'NotReady', role: 'worker', membership: 'member' });
    expect(byId(flow, 'node/node2').ariaLabel).toBe(`node node2, ${NODE2_IP}, worker, NotReady, 1 pod`);
    expect(pod(flow, `pod/kube-system/${KUBE_PROXY.node2}`).parentId).toBe('node/node2');
    expect(pod(flow, `pod/kube-system/${KUBE_PROXY.node2}`).ariaLabel).toBe(`pod ${KUBE_PROXY.node2} of the kube-proxy daemonset, Running, 1/1 ready, on node2, IP ${NODE2_IP}`);
    expect(flow.nodes.filter((n) => n.parentId === PENDING_LANE_ID)).toHaveLength(2);
    expect(overlays(flow)).toEqual([]);
  });

  it('during weave: the weave-net pods show their kubectl status, and no overlay until weave runs on both nodes', () => {
    const flow = toFlow(duringWeave('1/2', 'Init:0/1'));
    expect(pod(flow, `pod/kube-system/${WEAVE.node1}`).data).toMatchObject({ status: 'Running', ready: '1/2', category: 'running' });
    expect(pod(flow, `pod/kube-system/${WEAVE.node2}`).data).toMatchObject({ status: 'Init:0/1', ready: '0/2', category: 'starting' });
    expect(overlays(flow)).toEqual([]);
    const initializing = toFlow(duringWeave('PodInitializing', '1/2'));
    expect(pod(initializing, `pod/kube-system/${WEAVE.node1}`).data).toMatchObject({ status: 'PodInitializing', category: 'starting' });
    expect(overlays(initializing)).toEqual([]);
    expect(overlays(toFlow(duringWeave('1/2', '1/2'))).map((e) => e.id)).toEqual(['overlay/weave-net/node1/node2']);
  });

  it('after weave: nodes Ready, coredns Running with weave IPs, the overlay drawn between the nodes', () => {
    const flow = toFlow(afterWeave());
    expect(byId(flow, 'node/node1').data).toMatchObject({ badge: 'Ready', ready: true });
    expect(byId(flow, 'node/node2').data).toMatchObject({ badge: 'Ready', ready: true });
    expect(pod(flow, `pod/kube-system/${COREDNS[0]}`)).toMatchObject({ parentId: 'node/node1', data: { status: 'Running', category: 'ready', ip: '10.32.0.2' } });
    expect(pod(flow, `pod/kube-system/${COREDNS[1]}`)).toMatchObject({ parentId: 'node/node2', data: { status: 'Running', category: 'ready', ip: '10.44.0.1' } });
    expect(ids(flow)).not.toContain(PENDING_LANE_ID);
    expect(overlays(flow)).toEqual([expect.objectContaining({
      id: 'overlay/weave-net/node1/node2', type: 'link', source: 'node/node1', target: 'node/node2', sourceHandle: 'out', targetHandle: 'in',
      label: 'weave-net overlay (10.32.0.0/12)', animated: true, data: { kind: 'overlay', stilled: false },
    })]);
    expect(overlays(flow)[0]?.ariaLabel).toBe('weave-net overlay (10.32.0.0/12) between node1 and node2');
  });

  it('keeps the overlay still under reduced motion', () => {
    const flow = toFlow(afterWeave(), { reducedMotion: true });
    expect(overlays(flow).map((e) => [e.id, e.animated, e.data?.stilled])).toEqual([['overlay/weave-net/node1/node2', false, true]]);
  });
});

describe('toFlow: structure that React Flow and the e2e tests rely on', () => {
  const all = { beforeInit, afterInit, afterJoin, duringWeave, afterWeave };

  it.each(Object.entries(all))('%s: unique ids, parents listed before their children', (_, make) => {
    const flow = toFlow(make());
    expect(new Set(ids(flow)).size).toBe(flow.nodes.length);
    const seen = new Set<string>();
    for (const n of flow.nodes) {
      if (n.parentId !== undefined) expect(seen.has(n.parentId), `${n.id} before ${n.parentId}`).toBe(true);
      seen.add(n.id);
    }
  });

  it.each(Object.entries(all))('%s: children sit inside their parent and siblings never overlap', (_, make) => {
    const flow = toFlow(make());
    for (const parent of [undefined, ...flow.nodes.map((n) => n.id)]) {
      const kids = flow.nodes.filter((n) => n.parentId === parent);
      const box = parent === undefined ? undefined : byId(flow, parent);
      for (const [i, a] of kids.entries()) {
        if (box !== undefined) {
          expect(a.position.x >= 0 && a.position.y >= 0, `${a.id} inside ${parent}`).toBe(true);
          expect(a.position.x + (a.width ?? 0) <= (box.width ?? 0) && a.position.y + (a.height ?? 0) <= (box.height ?? 0), `${a.id} inside ${parent}`).toBe(true);
        }
        for (const b of kids.slice(i + 1)) {
          const apart = a.position.x + (a.width ?? 0) <= b.position.x || b.position.x + (b.width ?? 0) <= a.position.x
            || a.position.y + (a.height ?? 0) <= b.position.y || b.position.y + (b.height ?? 0) <= a.position.y;
          expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
        }
      }
    }
  });

  it.each(Object.entries(all))('%s: matches its reviewed picture', async (name, make) => {
    await expect(flowText(toFlow(make()))).toMatchFileSnapshot(`./testing/golden/${name}.txt`);
  });

  it('is deterministic and independent of the order the API lists objects in', () => {
    const snapshot = afterWeave();
    const shuffled = { ...snapshot, clusters: snapshot.clusters.map((c) => ({ ...c, pods: [...c.pods].reverse() })) };
    expect(JSON.stringify(toFlow(shuffled))).toBe(JSON.stringify(toFlow(afterWeave())));
  });

  it('ignores the clock: a later frame of the same world gives an equal picture', () => {
    const later = { ...afterWeave(), now: 999_999, wallNow: 1_700_000_000_000 };
    expect(toFlow(later)).toEqual(toFlow(afterWeave()));
  });

  it('gives every host the same height side by side, and stacks them on phones', () => {
    const row = toFlow(afterWeave());
    expect(byId(row, 'node/node1').height).toBe(byId(row, 'node/node2').height);
    expect(byId(row, 'node/node2').position.x).toBeGreaterThan(byId(row, 'node/node1').width ?? 0);
    const column = toFlow(afterWeave(), { direction: 'column' });
    const first = byId(column, 'node/node1');
    expect(byId(column, 'node/node2').position).toEqual({ x: 0, y: first.position.y + (first.height ?? 0) + 72 });
    expect(overlays(column)[0]).toMatchObject({ sourceHandle: 'out-bottom', targetHandle: 'in-top' });
  });

  it('puts the pending lane below every host in either direction', () => {
    for (const direction of ['row', 'column'] as const) {
      const flow = toFlow(afterJoin(), { direction });
      const lane = byId(flow, PENDING_LANE_ID);
      const hosts = flow.nodes.filter((n) => n.type === 'host');
      expect(hosts.every((h) => h.position.y + (h.height ?? 0) < lane.position.y)).toBe(true);
    }
  });

  it('marks highlighted elements', () => {
    const flow = toFlow(afterInit(), { highlight: ['node/node1', `pod/kube-system/${COREDNS[1]}`] });
    expect(byId(flow, 'node/node1')).toMatchObject({ className: 'kp-highlight', data: { highlighted: true } });
    expect(pod(flow, `pod/kube-system/${COREDNS[1]}`)).toMatchObject({ className: 'kp-highlight', data: { highlighted: true } });
    expect(byId(flow, 'node/node2').className).toBeUndefined();
  });

  it('shows a Node that has no machine behind it, and keeps its pods visible', () => {
    const snapshot = world([host('node1', NODE1_IP)], [cluster({
      controlPlaneHost: 'node1', endpoint: `${NODE1_IP}:6443`,
      nodes: [node('node1', { ip: NODE1_IP, controlPlane: true, ready: true }), node('virtual-1', { ip: '192.168.0.50', unschedulable: true })],
    })]);
    const flow = toFlow(snapshot);
    expect(ids(flow)).toEqual(['node/node1', 'node/virtual-1']);
    expect(byId(flow, 'node/virtual-1').data).toMatchObject({ ip: '192.168.0.50', badge: 'NotReady,SchedulingDisabled', role: 'worker' });
  });

  it('draws compose containers inside their host under container/<host>/<name>', () => {
    const flow = toFlow(beforeInit(), { containers: [
      { host: 'node1', name: 'dockercoins_worker_1', status: 'Up', category: 'ready' },
      { host: 'node1', name: 'dockercoins_rng_1', status: 'Up', category: 'ready' },
      { host: 'node9', name: 'ghost', status: 'Up', category: 'ready' },
    ] });
    expect(flow.nodes.filter((n) => n.parentId === 'containers/node1').map((n) => n.id))
      .toEqual(['container/node1/dockercoins_rng_1', 'container/node1/dockercoins_worker_1']);
    expect(byId(flow, 'containers/node1').parentId).toBe('node/node1');
    expect(ids(flow)).not.toContain('container/node9/ghost');
  });
});

describe('toFlow: the animated-edge budget', () => {
  const podIds = toFlow(afterWeave()).nodes.filter((n) => n.type === 'pod').map((n) => n.id);
  const manyFlows = (count: number, active = true) => Array.from({ length: count }, (_, i) => ({
    id: `flow/${i}`, source: podIds[i % podIds.length] as string, target: podIds[(i + 1) % podIds.length] as string, active,
  }));

  it(`never animates more than ${MAX_ANIMATED_EDGES} edges, the overlay first`, () => {
    const flow = toFlow(afterWeave(), { flows: manyFlows(500) });
    const drawn = flow.edges.filter((e) => e.data?.kind !== 'service');
    expect(drawn).toHaveLength(501);
    expect(countAnimated(flow.edges)).toBe(MAX_ANIMATED_EDGES);
    expect(flow.edges[0]).toMatchObject({ id: 'overlay/weave-net/node1/node2', animated: true });
    expect(flow.edges.filter((e) => e.data?.stilled)).toHaveLength(501 - MAX_ANIMATED_EDGES);
    expect(drawn.slice(MAX_ANIMATED_EDGES).every((e) => e.animated === false)).toBe(true);
  });

  it('animates nothing under reduced motion, and idle flows never', () => {
    expect(countAnimated(toFlow(afterWeave(), { flows: manyFlows(50), reducedMotion: true }).edges)).toBe(0);
    const idle = toFlow(afterWeave(), { flows: manyFlows(10, false) });
    expect(idle.edges.filter((e) => e.data?.kind !== 'overlay').every((e) => e.animated === false && e.data?.stilled === false)).toBe(true);
  });

  it('drops flows whose ends are not on the picture', () => {
    const flow = toFlow(afterWeave(), { flows: [{ id: 'flow/gone', source: 'pod/default/deleted-pod', target: podIds[0] as string, active: true }] });
    expect(flow.edges.some((e) => e.id === 'flow/gone')).toBe(false);
  });
});
