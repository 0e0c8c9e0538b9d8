import { beforeAll, describe, expect, it } from 'vitest';
import { applyWeaveNow, kubeadmInitNow, kubeadmJoinNow, snapshotOf } from '../../engine';
import { Playground, loadShellModule, type NodeName } from '../../store';
import { toFlow, workloadGroupId } from './toFlow';
import type { Flow } from './types';

// The later lessons' path on the real engine and the real kubectl: a deployment, its Service, curl
// through the ClusterIP, a pod pinging across the overlay. The picture must follow whatever shapes
// the engine's objects, traffic meter and packet log really have.

async function run(playground: Playground, node: NodeName, line: string, maxMs = 120_000): Promise<string> {
  let finished = false;
  const result = playground.terminal(node).session.run(line).then((r) => {
    finished = true;
    return r;
  });
  for (let waited = 0; !finished && waited < maxMs; waited += 250) {
    await new Promise((resolve) => setImmediate(resolve));
    playground.advance(250);
  }
  const { output, exitCode } = await result;
  if (exitCode !== 0) throw new Error(`${line} → exit ${exitCode}\n${output}`);
  return output;
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const K = 'KUBECONFIG=/etc/kubernetes/admin.conf kubectl';
const serviceEdges = (flow: Flow, svc: string) => flow.edges.filter((e) => e.source === svc);

describe('the diagram over Services, workloads and the overlay on the real engine', () => {
  beforeAll(() => loadShellModule().then((m) => m.preloadCommands()));

  it('draws web\'s Service and pods, animates it under curl, and shows a ping crossing the weave link', async () => {
    const playground = new Playground({ seed: 'diagram-network', epochMs: Date.UTC(2023, 5, 1, 9, 0, 0) });
    const world = playground.world;
    const init = must(kubeadmInitNow(world, 'node1'));
    must(kubeadmJoinNow(world, 'node2', init.cluster, init.token));
    applyWeaveNow(init.cluster);
    playground.advance(90_000);

    await run(playground, 'node1', `${K} create deployment web --image=nginx --replicas=6`);
    await run(playground, 'node1', `${K} expose deployment web --port=80`);
    playground.advance(60_000);
    let flow = toFlow(snapshotOf(world));
    const box = flow.nodes.find((n) => n.id === workloadGroupId('node2', 'default/deployment/web'));
    expect(box?.data).toMatchObject({ kind: 'workload', title: 'web deployment: 6 pods' });
    const web = flow.nodes.find((n) => n.id === 'svc/default/web');
    expect(web?.data).toMatchObject({ type: 'ClusterIP', ports: '80/TCP', summary: '6 endpoints' });
    expect(serviceEdges(flow, 'svc/default/web')).toHaveLength(6);
    expect(serviceEdges(flow, 'svc/default/web').every((e) => e.animated === false)).toBe(true);

    // curl through the ClusterIP: kube-proxy spreads the requests, the picture moves the edges used.
    const ip = web?.type === 'service' ? web.data.clusterIP : '';
    await run(playground, 'node1', `for i in 1 2 3 4 5 6 7 8; do curl -s ${ip} > /dev/null; done`);
    flow = toFlow(snapshotOf(world));
    const moving = serviceEdges(flow, 'svc/default/web').filter((e) => e.animated === true);
    expect(moving.length).toBeGreaterThan(1);

    // A rolling update: two ReplicaSets, told apart on the pods.
    await run(playground, 'node1', `${K} set image deployment web nginx=nginx:1.25`);
    playground.advance(3_000);
    flow = toFlow(snapshotOf(world));
    const tags = new Set(flow.nodes.flatMap((n) => (n.type === 'pod' && n.data.revision !== undefined ? [n.data.revision.label] : [])));
    expect(tags).toEqual(new Set(['new · rev 2', 'old · rev 1']));
    playground.advance(120_000);
    flow = toFlow(snapshotOf(world));
    expect(flow.nodes.some((n) => n.type === 'pod' && n.data.revision !== undefined)).toBe(false);

    // A pod (on node2: node1 keeps its taint) pings node1: the packet crosses the overlay, right to left.
    const node1 = flow.nodes.find((n) => n.id === 'node/node1');
    const node1Ip = node1?.type === 'host' ? node1.data.ip : undefined;
    await run(playground, 'node1', `${K} run pingpong --image=alpine -- ping ${node1Ip ?? ''}`);
    let packets: Flow['edges'] = [];
    for (let t = 0; t < 60_000 && packets.length === 0; t += 500) {
      playground.advance(500);
      packets = toFlow(snapshotOf(world)).edges.filter((e) => e.data?.kind === 'packet');
    }
    expect(packets[0]).toMatchObject({ source: 'pod/default/pingpong', target: 'node/node1', label: 'ping', sourceHandle: 'out-left', targetHandle: 'in-right' });
  });

  it('moves the edges of the Services DockerCoins\' worker calls, as the workshop deploys it', async () => {
    const playground = new Playground({ seed: 'diagram-dockercoins-k8s', epochMs: Date.UTC(2023, 5, 1, 9, 0, 0) });
    const init = must(kubeadmInitNow(playground.world, 'node1'));
    must(kubeadmJoinNow(playground.world, 'node2', init.cluster, init.token));
    applyWeaveNow(init.cluster);
    playground.advance(90_000);
    await run(playground, 'node1', `${K} create deployment redis --image=redis`);
    await run(playground, 'node1', `for s in hasher rng webui worker; do ${K} create deployment $s --image=dockercoins/$s:v0.1; done`);
    await run(playground, 'node1', `${K} expose deployment redis --port 6379`);
    await run(playground, 'node1', `${K} expose deployment rng --port 80`);
    await run(playground, 'node1', `${K} expose deployment hasher --port 80`);
    await run(playground, 'node1', `${K} expose deploy/webui --type=NodePort --port=80`);
    playground.advance(60_000);
    const flow = toFlow(snapshotOf(playground.world));
    const moving = (svc: string) => serviceEdges(flow, `svc/default/${svc}`).map((e) => e.animated);
    expect(moving('rng')).toEqual([true]);
    expect(moving('hasher')).toEqual([true]);
    expect(moving('redis')).toEqual([true]);
    // Nobody has opened the web UI: its NodePort Service stands still.
    expect(moving('webui')).toEqual([false]);
    expect(flow.nodes.find((n) => n.id === 'svc/default/webui')?.data).toMatchObject({ type: 'NodePort', ports: expect.stringMatching(/^80:3\d{4}\/TCP$/) });
    // Everything runs on node2: no packet crossed the overlay.
    expect(flow.edges.some((e) => e.data?.kind === 'packet')).toBe(false);
  });
});
