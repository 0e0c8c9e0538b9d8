import { describe, expect, it } from 'vitest';
import type { Endpoints, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Stored } from '../api/types';
import { TestCluster } from '../testing/testCluster';
import { deployment, pod } from '../testing/fixtures';

function service(name: string, spec: NonNullable<Service['spec']>): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', labels: { app: name } }, spec };
}

/** `kubectl get endpoints`' view: ready ip:port, then `(not ready)` ones. */
function endpointsLine(t: TestCluster, name: string): string {
  const ep = t.get<Endpoints>('endpoints', name);
  if (!ep) return '<no object>';
  const parts: string[] = [];
  for (const s of ep.subsets ?? []) {
    const ports = (s.ports ?? []).map((p) => p.port).join('+');
    for (const a of s.addresses ?? []) parts.push(`${a.targetRef?.name}=${a.ip}:${ports}`);
    for (const a of s.notReadyAddresses ?? []) parts.push(`${a.targetRef?.name}=${a.ip}:${ports}(not ready)`);
  }
  return parts.join(' ') || '<none>';
}

const podIp = (t: TestCluster, name: string) => t.get<Pod>('pods', name)!.status!.podIP!;

describe('the endpoints controller', () => {
  it('lists the ready pods the selector picks, as they come and go', () => {
    const t = TestCluster.create();
    t.create(service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }));
    expect(endpointsLine(t, 'web')).toBe('<none>');
    t.create(deployment('web', { replicas: 2 }));
    expect(endpointsLine(t, 'web')).toBe('<none>');
    t.advance('3s');
    const [a, b] = t.pods().map((p) => p.metadata.name).sort();
    expect(endpointsLine(t, 'web')).toBe([`${a}=${podIp(t, a!)}:8080`, `${b}=${podIp(t, b!)}:8080`].sort((x, y) => x.split('=')[1]!.localeCompare(y.split('=')[1]!)).join(' '));
    t.scale('deployment', 'web', 1);
    t.advance('3s');
    expect(t.get<Endpoints>('endpoints', 'web')!.subsets![0]!.addresses).toHaveLength(1);
    t.scale('deployment', 'web', 0);
    t.advance('3s');
    expect(endpointsLine(t, 'web')).toBe('<none>');
    expect(t.get<Endpoints>('endpoints', 'web')!.subsets).toBeUndefined();
  });

  it('puts pods that are not ready in notReadyAddresses, and leaves terminating ones out', () => {
    const t = TestCluster.create();
    t.kubelet.brokenImages.add('broken');
    t.create(service('web', { selector: { tier: 'front' }, ports: [{ port: 80 }] }));
    t.create(pod('good', { labels: { tier: 'front' }, nodeName: 'node2' }));
    t.create(pod('bad', { labels: { tier: 'front' }, image: 'broken', nodeName: 'node2' }));
    t.advance('3s');
    const line = endpointsLine(t, 'web');
    expect(line).toContain(`good=${podIp(t, 'good')}:80`);
    expect(line).toContain(`bad=${podIp(t, 'bad')}:80(not ready)`);
    t.delete('pods', 'good');
    expect(endpointsLine(t, 'web')).toBe(`bad=${podIp(t, 'bad')}:80(not ready)`);
  });

  it('fills address, node and target like the real one, labels it as the Service, stamps the trigger time', () => {
    const t = TestCluster.create();
    t.create(pod('solo', { labels: { app: 'solo' }, nodeName: 'node2' }));
    t.advance('3s');
    t.create(service('solo', { selector: { app: 'solo' }, ports: [{ name: 'http', port: 80 }] }));
    const ep = t.get<Endpoints>('endpoints', 'solo')!;
    const p = t.get<Pod>('pods', 'solo')!;
    expect(ep.metadata.labels).toEqual({ app: 'solo' });
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe(t.store.timestamp());
    expect(ep.subsets).toEqual([{
      addresses: [{ ip: p.status!.podIP, nodeName: 'node2', targetRef: { kind: 'Pod', namespace: 'default', name: 'solo', uid: p.metadata.uid } }],
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    }]);
    expect(t.writesBy('controller:endpoint').map((w) => `${w.type} ${w.resource} ${w.key}`)).toEqual(['ADDED endpoints default/solo']);
  });

  it('resolves named target ports in each pod, leaving out pods without the name', () => {
    const t = TestCluster.create();
    const named = (name: string, port?: number): Pod => ({
      ...pod(name, { labels: { app: 'api' }, nodeName: 'node2' }),
      spec: { nodeName: 'node2', containers: [{ name: 'c', image: 'nginx', ...(port ? { ports: [{ name: 'web', containerPort: port }] } : {}) }] },
    });
    t.create(named('p1', 8080));
    t.create(named('p2', 9090));
    t.create(named('p3'));
    t.create(service('api', { selector: { app: 'api' }, ports: [{ port: 80, targetPort: 'web' }] }));
    t.advance('3s');
    const subsets = t.get<Endpoints>('endpoints', 'api')!.subsets!;
    expect(subsets.map((s) => `${s.addresses!.map((a) => a.targetRef!.name).join(',')}:${s.ports![0]!.port}`).sort()).toEqual(['p1:8080', 'p2:9090']);
  });

  it('deletes the Endpoints with their Service and never touches a Service without a selector', () => {
    const t = TestCluster.create();
    t.create(service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    t.create(service('outside', { ports: [{ port: 80 }] }));
    expect(t.get('endpoints', 'web')).toBeDefined();
    expect(t.get('endpoints', 'outside')).toBeUndefined();
    t.delete('services', 'web');
    expect(t.get('endpoints', 'web')).toBeUndefined();
  });

  it('marks a headless Service\'s Endpoints and gives pods with hostname and subdomain their hostname', () => {
    const t = TestCluster.create();
    t.create({ ...pod('db-0', { labels: { app: 'db' }, nodeName: 'node2' }), spec: { nodeName: 'node2', hostname: 'db-0', subdomain: 'db', containers: [{ name: 'db', image: 'postgres' }] } });
    t.create(service('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] }));
    t.advance('3s');
    const ep = t.get<Endpoints>('endpoints', 'db')!;
    expect(ep.metadata.labels).toEqual({ app: 'db', 'service.kubernetes.io/headless': '' });
    expect(ep.subsets![0]!.addresses![0]!.hostname).toBe('db-0');
  });
});

describe('the endpointslice controller', () => {
  const slices = (t: TestCluster, svc: string) => t.list<EndpointSlice>('endpointslices').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);

  it('keeps one slice per Service, owned by it, with each pod\'s conditions', () => {
    const t = TestCluster.create({ seed: 'slices' });
    const svc = t.create(service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] })) as Stored<Service>;
    expect(slices(t, 'web').map((s) => s.endpoints)).toEqual([[]]);
    t.create(deployment('web', { replicas: 2 }));
    t.advance('3s');
    const [slice] = slices(t, 'web');
    expect(slice!.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(slice!.metadata.labels).toEqual({ app: 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web' });
    expect(slice!.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice!.addressType).toBe('IPv4');
    expect(slice!.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(slice!.endpoints.map((e) => e.conditions)).toEqual([
      { ready: true, serving: true, terminating: false }, { ready: true, serving: true, terminating: false },
    ]);
    // Terminating pods stay in the slice, not ready, until they are gone (and leave the Endpoints at once).
    const victim = t.pods()[0]!.metadata.name;
    t.delete('pods', victim);
    const during = slices(t, 'web')[0]!.endpoints.find((e) => e.targetRef?.name === victim);
    expect(during?.conditions).toEqual({ ready: false, serving: true, terminating: true });
    t.advance('5s');
    expect(slices(t, 'web')[0]!.endpoints.some((e) => e.targetRef?.name === victim)).toBe(false);
  });
});
