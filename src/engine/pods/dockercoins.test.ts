import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import { mustResolve } from '../api/resources';
import { hashStats } from '../apps/stats';
import { PodPlayground } from './testing/pods';

const SERVICES = mustResolve('services');

/** `kubectl expose deployment <name> --port <port>`, as the workshop does for redis, rng and hasher. */
function expose(t: PodPlayground, name: string, port: number): void {
  const created = t.cluster.store.create<Service>(SERVICES, {
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { selector: { app: name }, ports: [{ port, protocol: 'TCP', targetPort: port }] },
  }, 'user:kubectl');
  if (!created.ok) throw new Error(created.error.message);
  t.world.settle();
}

describe('DockerCoins on Kubernetes', () => {
  it("the Docker Hub images run in pods; the worker fails on DNS until redis, rng and hasher are exposed, then mines", () => {
    const t = new PodPlayground('dockercoins-k8s');
    for (const svc of ['rng', 'hasher', 'webui', 'worker']) t.deploy(svc, `dockercoins/${svc}:v0.1`, 1);
    t.deploy('redis', 'redis', 1);
    t.world.advance(60_000);
    const worker = t.pods('worker-')[0]!.metadata.name;
    expect(t.status(worker)).toBe('Running');
    // "Narrator: it was DNS."
    expect(t.logs(worker)).toContain('ERROR:__main__:In work loop:');
    expect(t.logs(worker)).toContain('socket.gaierror: [Errno -2] Name does not resolve');
    expect(hashStats(t.world)[0]?.hashes ?? 0).toBe(0);

    expose(t, 'redis', 6379);
    expose(t, 'rng', 80);
    expose(t, 'hasher', 80);
    t.world.advance(60_000);
    const stats = hashStats(t.world, { windowMs: 20_000 });
    expect(stats).toHaveLength(1);
    expect(stats[0]!.hashes).toBeGreaterThan(100);
    // One worker: about 3.3 hashes per second, as with docker-compose.
    expect(stats[0]!.hashesPerSecond).toBeGreaterThan(2.8);
    expect(stats[0]!.hashesPerSecond).toBeLessThan(3.8);
    expect(t.logs(worker).slice(-3).some((l) => /^INFO:__main__:\d+ units of work done, updating hash counter$/.test(l))).toBe(true);
  });

  it('the web UI in a pod serves its page and the counter', () => {
    const t = new PodPlayground('dockercoins-webui');
    t.deploy('redis', 'redis', 1);
    expose(t, 'redis', 6379);
    t.deploy('webui', 'dockercoins/webui:v0.1', 1);
    t.world.advance(40_000);
    const ip = t.pods('webui-')[0]!.status!.podIP!;
    expect(t.get('node1', ip, 80, '/index.html').text).toContain('<html');
    expect(t.get('node1', ip, 80, '/json').text).toMatch(/^\{"coins":0,"hashes":null,"now":[\d.]+\}$/);
  });
});
