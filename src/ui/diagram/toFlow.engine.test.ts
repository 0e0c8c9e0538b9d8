import { describe, expect, it } from 'vitest';
import { World, applyWeaveNow, kubeadmInitNow, kubeadmJoinNow, snapshotOf } from '../../engine';
import { PENDING_LANE_ID, toFlow } from './toFlow';
import type { Flow, PodFlowNode } from './types';

// The same steps as the fixtures, but on the real engine (kubeadm, kubelets, weave): the picture must
// follow whatever shapes the engine's objects really have.
function pods(flow: Flow): PodFlowNode[] {
  return flow.nodes.filter((n): n is PodFlowNode => n.type === 'pod');
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('toFlow over the real engine', () => {
  it('follows init, join and weave-net the way the lesson describes them', () => {
    const world = new World({ seed: 'diagram-engine' });
    expect(toFlow(snapshotOf(world)).nodes.map((n) => n.data)).toEqual([
      expect.objectContaining({ name: 'node1', badge: 'not in a cluster' }),
      expect.objectContaining({ name: 'node2', badge: 'not in a cluster' }),
    ]);

    const init = must(kubeadmInitNow(world, 'node1'));
    world.advance(10_000);
    let flow = toFlow(snapshotOf(world));
    expect(flow.nodes.find((n) => n.id === 'node/node1')?.data).toMatchObject({ badge: 'NotReady', role: 'control-plane' });
    expect(flow.nodes.filter((n) => n.parentId === 'controlplane/node1')).toHaveLength(4);
    const coredns = pods(flow).filter((p) => p.data.name.startsWith('coredns-'));
    expect(coredns).toHaveLength(2);
    expect(coredns.every((p) => p.parentId === PENDING_LANE_ID && p.data.status === 'Pending')).toBe(true);
    expect(pods(flow).find((p) => p.data.name.startsWith('kube-proxy-'))).toMatchObject({ parentId: 'node/node1', data: { status: 'Running' } });

    must(kubeadmJoinNow(world, 'node2', init.cluster, init.token));
    world.advance(20_000);
    flow = toFlow(snapshotOf(world));
    expect(flow.nodes.find((n) => n.id === 'node/node2')?.data).toMatchObject({ badge: 'NotReady', membership: 'member' });
    expect(pods(flow).some((p) => p.parentId === 'node/node2' && p.data.name.startsWith('kube-proxy-'))).toBe(true);
    // The `kubernetes` Service's one endpoint is node1's address on 6443: the API server's static pod.
    expect(flow.edges.map((e) => [e.id, e.source, e.target])).toEqual([
      ['endpoint/default/kubernetes/kube-apiserver-node1', 'svc/default/kubernetes', 'pod/kube-system/kube-apiserver-node1'],
    ]);
    expect(flow.nodes.find((n) => n.id === 'svc/kube-system/kube-dns')).toMatchObject({ parentId: 'lane/services', data: { clusterIP: '10.96.0.10', summary: 'no endpoints' } });

    applyWeaveNow(init.cluster);
    const seen = new Set<string>();
    let overlayAt: number | undefined;
    for (let t = 0; t < 60_000 && overlayAt === undefined; t += 500) {
      world.advance(500);
      flow = toFlow(snapshotOf(world));
      for (const p of pods(flow)) if (p.data.name.startsWith('weave-net-')) seen.add(p.data.status);
      if (flow.edges.some((e) => e.data?.kind === 'overlay')) overlayAt = t;
    }
    expect(overlayAt, 'the overlay appears once weave runs on both nodes').toBeDefined();
    expect([...seen].some((s) => s.startsWith('Init:') || s === 'PodInitializing')).toBe(true);

    world.advance(60_000);
    flow = toFlow(snapshotOf(world));
    expect(flow.edges.filter((e) => e.data?.kind === 'overlay').map((e) => e.id)).toEqual(['overlay/weave-net/node1/node2']);
    // kube-dns sends to both coredns pods once they run, from the Services lane above the hosts.
    const dnsEdges = flow.edges.filter((e) => e.source === 'svc/kube-system/kube-dns');
    expect(dnsEdges.map((e) => e.target).sort()).toEqual(pods(flow).filter((p) => p.data.name.startsWith('coredns-')).map((p) => p.id).sort());
    expect(dnsEdges.every((e) => e.animated === false && e.data?.notReady === undefined)).toBe(true);
    expect(flow.nodes.filter((n) => n.type === 'host').map((n) => n.data)).toEqual([
      expect.objectContaining({ badge: 'Ready' }), expect.objectContaining({ badge: 'Ready' }),
    ]);
    const dns = pods(flow).filter((p) => p.data.name.startsWith('coredns-'));
    expect(dns.map((p) => p.data.status)).toEqual(['Running', 'Running']);
    expect(dns.every((p) => p.parentId !== PENDING_LANE_ID && /^10\.(3[2-9]|4[0-7])\./.test(p.data.ip ?? ''))).toBe(true);
    expect(flow.nodes.some((n) => n.id === PENDING_LANE_ID)).toBe(false);
  });
});
