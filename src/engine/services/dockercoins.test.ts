import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { mustResolve } from '../api/resources';
import { hashStats } from '../apps/stats';
import { httpGet, type BrowserResult } from '../net/browser';
import { trafficOf } from '../net/trafficProbe';
import { PodPlayground, TOLERATE_CONTROL_PLANE } from '../pods/testing/pods';
import { snapshotOf } from '../snapshot';

const SERVICES = mustResolve('services');
const DEPLOYMENTS = mustResolve('deployments');

/**
 * The workshop's "Our app on Kube": the five images from Docker Hub as Deployments, redis, rng and
 * hasher exposed as ClusterIP Services, webui as a NodePort. Pods tolerate the control-plane taint
 * so they land on both nodes and the traffic crosses the overlay.
 */
function dockercoins(seed: string): { t: PodPlayground; nodePort: number } {
  const t = new PodPlayground(seed);
  const extra = { tolerations: [...TOLERATE_CONTROL_PLANE] };
  t.deploy('redis', 'redis', 1, extra);
  for (const app of ['rng', 'hasher', 'webui', 'worker']) t.deploy(app, `dockercoins/${app}:v0.1`, 1, extra);
  const expose = (name: string, port: number, type = 'ClusterIP') => {
    const r = t.cluster.store.create<Service>(SERVICES, {
      metadata: { name, namespace: 'default', labels: { app: name } },
      spec: { type, selector: { app: name }, ports: [{ port, protocol: 'TCP', targetPort: port }] },
    }, 'user:kubectl');
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  expose('redis', 6379);
  expose('rng', 80);
  expose('hasher', 80);
  const webui = expose('webui', 80, 'NodePort');
  t.world.advance(60_000);
  return { t, nodePort: webui.spec!.ports![0]!.nodePort! };
}

function browse(t: PodPlayground, url: string): BrowserResult {
  let result: BrowserResult | undefined;
  httpGet(t.world, url, (r) => (result = r));
  for (let i = 0; i < 100 && !result; i++) t.world.advance(50);
  if (!result) throw new Error('no answer');
  return result;
}

function scaleWorkers(t: PodPlayground, replicas: number): void {
  const r = t.cluster.store.mutate<Deployment>(DEPLOYMENTS, 'default', 'worker', 'user:kubectl', (d) => {
    d.spec!.replicas = replicas;
  });
  if (!r.ok) throw new Error(r.error.message);
}

describe('DockerCoins on Kubernetes, through Services', () => {
  it('mines through the ClusterIPs, and the web UI answers the browser on the NodePort of either node', () => {
    const { t, nodePort } = dockercoins('dc-k8s');
    const stats = hashStats(t.world, { windowMs: 20_000 });
    expect(stats[0]!.hashesPerSecond).toBeGreaterThan(2.8);
    expect(stats[0]!.hashesPerSecond).toBeLessThan(3.8);
    for (const node of ['node1', 'node2']) {
      const page = browse(t, `http://${node}:${nodePort}/json`);
      expect(page.ok && page.status).toBe(200);
      expect(page.ok && (JSON.parse(page.text) as { hashes: string }).hashes).toMatch(/^\d+$/);
    }
  });

  it('tops out at about 10 hashes/s with ten workers: one rng pod is the bottleneck, as the workshop finds', () => {
    const { t } = dockercoins('dc-k8s-10');
    scaleWorkers(t, 10);
    t.world.advance(120_000);
    const rate = hashStats(t.world, { windowMs: 60_000 })[0]!.hashesPerSecond;
    expect(rate).toBeGreaterThan(8.5);
    expect(rate).toBeLessThan(11);
  });

  it('shows the programs\' requests crossing the overlay between the nodes', () => {
    const { t } = dockercoins('dc-k8s-packets');
    const nodes = new Set(t.cluster.store.list(mustResolve('pods'), { namespace: 'default' }).map((p) => (p as { spec?: { nodeName?: string } }).spec?.nodeName));
    expect(nodes).toEqual(new Set(['node1', 'node2']));
    const packets = snapshotOf(t.world).packets;
    expect(packets.length).toBeGreaterThan(0);
    for (const p of packets) {
      expect(p.fromNode).not.toBe(p.toNode);
      expect(p.toPod ?? p.fromPod).toMatch(/^default\/(redis|rng|hasher|webui|worker)-/);
      expect(['http', 'redis']).toContain(p.kind);
    }
    expect(trafficOf(t.world).some((e) => e.kind === 'http' && e.path === '/32')).toBe(true);
  });

  it('is the same world twice from the same seed', () => {
    const run = () => {
      const { t } = dockercoins('dc-k8s-same');
      t.world.advance(30_000);
      return JSON.stringify({ stats: hashStats(t.world), packets: snapshotOf(t.world).packets });
    };
    expect(run()).toBe(run());
  });
});
