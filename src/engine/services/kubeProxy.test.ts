import { describe, expect, it } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { mustResolve } from '../api/resources';
import { snapshotOf } from '../snapshot';
import { serviceNetworkOf } from './serviceNetwork';
import { ServiceWorld, SERVE_PORT } from './testing/serviceWorld';

/** Three pods behind `web` (ClusterIP, port 80 → 9376), spread over node1 and node2. */
function withWeb(seed = 'kube-proxy'): { s: ServiceWorld; ip: string } {
  const s = new ServiceWorld(seed);
  s.deploy('web', 3);
  s.advance(30_000);
  s.serve('web');
  const svc = s.expose('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: SERVE_PORT }] });
  s.advance(1000);
  return { s, ip: svc.spec!.clusterIP! };
}

describe('kube-proxy: ClusterIP', () => {
  const { s, ip } = withWeb();
  const names = s.pods('web').map((p) => p.metadata.name).sort();

  it('spreads connections over every ready pod, at random, from any node', () => {
    expect(new Set(s.pods('web').map((p) => p.spec?.nodeName))).toEqual(new Set(['node1', 'node2']));
    for (const node of ['node1', 'node2']) {
      const spread = s.spread(node, ip, 80, 600);
      expect([...spread.keys()].sort()).toEqual(names);
      for (const count of spread.values()) {
        expect(count).toBeGreaterThan(140);
        expect(count).toBeLessThan(260);
      }
    }
  });

  it('reaches the API server through the kubernetes Service', () => {
    expect(s.connect('node2', '10.96.0.1', 443)).toBe('kube-apiserver');
  });

  it('leads nowhere on a port the Service does not have', () => {
    expect(s.connect('node1', ip, 81)).toBe('unreachable');
  });
});

describe('kube-proxy: the same seed picks the same pods', () => {
  it('gives the same sequence twice', () => {
    const sequence = (seed: string) => {
      const { s, ip } = withWeb(seed);
      return Array.from({ length: 20 }, () => s.connect('node2', ip, 80)).join(' ');
    };
    expect(sequence('again')).toBe(sequence('again'));
  });
});

describe('kube-proxy: NodePort', () => {
  const { s } = withWeb('nodeport');
  const svc = s.expose('web-np', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: SERVE_PORT }] });
  s.advance(1000);
  const nodePort = svc.spec!.ports![0]!.nodePort!;
  const node1 = s.world.host('node1')!.ip;
  const node2 = s.world.host('node2')!.ip;

  it('answers on every node\'s address, from the nodes, from localhost and from the browser', () => {
    const web = new Set(s.pods('web').map((p) => p.metadata.name));
    for (const [from, ip] of [['browser', node1], ['browser', node2], ['node1', node2], ['node2', node1], ['node1', '127.0.0.1'], ['node2', 'localhost']] as const) {
      expect(web.has(s.connect(from, ip, nodePort))).toBe(true);
    }
    expect(s.spread('browser', node2, nodePort, 300).size).toBe(3);
  });

  it('is refused on a port no Service holds', () => {
    expect(s.connect('browser', node1, nodePort === 32000 ? 32001 : 32000)).toBe('refused');
  });
});

describe('kube-proxy: no endpoints, no kube-proxy', () => {
  it('refuses connections to a Service without ready pods (iptables REJECT)', () => {
    const { s, ip } = withWeb('reject');
    const empty = s.expose('nobody', { selector: { app: 'nobody' }, ports: [{ port: 80 }] });
    s.advance(1000);
    expect(s.connect('node1', empty.spec!.clusterIP!, 80)).toBe('refused');
    s.scale('web', 0);
    s.advance(40_000);
    expect(s.connect('node2', ip, 80)).toBe('refused');
  });

  it('has no route from a node whose kube-proxy stopped, while the others still balance', () => {
    const { s, ip } = withWeb('no-proxy');
    const np = s.expose('web-np', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: SERVE_PORT }] }).spec!.ports![0]!.nodePort!;
    // Keep kube-proxy on node1 only: its DaemonSet controller takes node2's pod away.
    const r = s.cluster.store.mutate<DaemonSet>(mustResolve('daemonsets'), 'kube-system', 'kube-proxy', 'user:kubectl', (d) => {
      d.spec!.template.spec!.nodeSelector = { 'kubernetes.io/hostname': 'node1' };
    });
    expect(r.ok).toBe(true);
    s.advance(60_000);
    expect(s.connect('node2', ip, 80)).toBe('unreachable');
    expect(s.connect('browser', s.world.host('node2')!.ip, np)).toBe('refused');
    expect(s.connect('node1', ip, 80)).toMatch(/^web-/);
    expect(s.connect('browser', s.world.host('node1')!.ip, np)).toMatch(/^web-/);
  });
});

describe('NetworkPolicy', () => {
  it('is stored but not enforced: a default-deny policy still lets every pod be reached', () => {
    const { s, ip } = withWeb('netpol');
    const created = s.cluster.store.create(mustResolve('networkpolicies'), {
      metadata: { name: 'default-deny', namespace: 'default' }, spec: { podSelector: {}, policyTypes: ['Ingress'] },
    }, 'user:kubectl');
    expect(created.ok).toBe(true);
    expect(s.connect('node1', ip, 80)).toMatch(/^web-/);
  });
});

describe('traffic crossing the overlay', () => {
  it('is in the snapshot for pod traffic between nodes (with both pods), not within a node, and only for a while', () => {
    const { s, ip } = withWeb('packets');
    const client = s.pods('web').find((p) => p.spec?.nodeName === 'node1')!;
    const clientIp = client.status!.podIP!;
    const answers = Array.from({ length: 30 }, () => s.connect('node1', ip, 80, clientIp));
    const remote = new Set(answers.filter((who) => s.pods('web').find((p) => p.metadata.name === who)?.spec?.nodeName === 'node2'));
    // One packet per flow per half second: thirty connections at once are one packet per remote pod.
    const packets = snapshotOf(s.world).packets;
    expect(packets.map((p) => p.toPod).sort()).toEqual([...remote].map((name) => `default/${name}`).sort());
    // Half a second later the same flow is logged again.
    const first = s.pods('web').find((p) => remote.has(p.metadata.name))!;
    s.advance(600);
    s.connect('node1', first.status!.podIP!, SERVE_PORT, clientIp);
    expect(snapshotOf(s.world).packets).toHaveLength(remote.size + 1);
    expect(packets[0]).toMatchObject({
      fromNode: 'node1', toNode: 'node2', fromPod: `default/${client.metadata.name}`, from: `default/${client.metadata.name}`,
      protocol: 'TCP', kind: 'tcp', port: SERVE_PORT,
    });
    expect(packets.every((p) => p.toPod?.startsWith('default/web-') && p.to === p.toPod)).toBe(true);
    s.advance(2500);
    expect(snapshotOf(s.world).packets).toEqual([]);
  });

  it('counts a node\'s own connection to a pod on the other node, and a ping', () => {
    const { s } = withWeb('packets2');
    const remote = s.pods('web').find((p) => p.spec?.nodeName === 'node2')!;
    expect(s.connect('node1', remote.status!.podIP!, SERVE_PORT)).toBe(remote.metadata.name);
    const net = serviceNetworkOf(s.world);
    expect(net.echo('node1', undefined, remote.status!.podIP!)).toEqual({ ok: true, host: 'node2' });
    expect(net.echo('node1', undefined, '10.96.0.1')).toEqual({ ok: false, reason: 'lost' });
    expect(snapshotOf(s.world).packets.map((p) => `${p.from} > ${p.to} ${p.kind}`)).toEqual([
      `${s.world.host('node1')!.ip} > default/${remote.metadata.name} tcp`,
      `${s.world.host('node1')!.ip} > default/${remote.metadata.name} icmp`,
    ]);
  });
});
