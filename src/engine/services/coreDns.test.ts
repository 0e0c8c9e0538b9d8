import { describe, expect, it } from 'vitest';
import type { DaemonSet, Deployment } from 'kubernetes-types/apps/v1';
import { mustResolve } from '../api/resources';
import { podNetworkHooks } from '../pods/hooks';
import { podResolvConf } from './coreDns';
import { serviceNetworkOf } from './serviceNetwork';
import { ServiceWorld, SERVE_PORT } from './testing/serviceWorld';

function setup(seed = 'coredns') {
  const s = new ServiceWorld(seed);
  s.deploy('web', 2);
  s.advance(30_000);
  const web = s.expose('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: SERVE_PORT }] });
  s.expose('web-h', { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80, targetPort: SERVE_PORT }] });
  s.expose('search', { type: 'ExternalName', externalName: 'web.default.svc.cluster.local' });
  s.advance(1000);
  const net = serviceNetworkOf(s.world);
  /** `nslookup name` from a pod of `namespace` on `node`: the first address, or why there is none. */
  const lookup = (name: string, namespace = 'default', node = 'node2'): string => {
    const r = net.lookup({ cluster: s.cluster, node, namespace, name });
    if (r.outcome !== 'answered') return r.outcome;
    const a = r.answer;
    return a.status === 'ok' ? `${a.name} ${a.cname ? `CNAME ${a.cname} ` : ''}${a.addresses.join(',')}` : `${a.status} ${a.name}`;
  };
  return { s, net, lookup, webIp: web.spec!.clusterIP! };
}

describe('CoreDNS, as a pod asks it', () => {
  const { s, net, lookup, webIp } = setup();
  const podIps = s.pods('web').map((p) => p.status!.podIP!).sort();

  it('finds a Service by every form of its name, through the search list', () => {
    const fqdn = 'web.default.svc.cluster.local';
    for (const name of ['web', 'web.default', 'web.default.svc', fqdn, `${fqdn}.`, 'WEB.Default']) expect(lookup(name)).toBe(`${fqdn} ${webIp}`);
    expect(lookup('kubernetes.default')).toBe('kubernetes.default.svc.cluster.local 10.96.0.1');
    expect(lookup('kube-dns.kube-system')).toBe('kube-dns.kube-system.svc.cluster.local 10.96.0.10');
  });

  it('searches the asking pod\'s namespace first', () => {
    expect(lookup('web', 'kube-system')).toBe('nxdomain web');
    expect(lookup('web.default', 'kube-system')).toBe(`web.default.svc.cluster.local ${webIp}`);
    expect(lookup('kube-dns', 'kube-system')).toBe('kube-dns.kube-system.svc.cluster.local 10.96.0.10');
  });

  it('answers a headless Service with its pods, and each pod under it', () => {
    expect(lookup('web-h')).toBe(`web-h.default.svc.cluster.local ${podIps.join(',')}`);
    const dashed = podIps[0]!.replace(/\./g, '-');
    expect(lookup(`${dashed}.web-h`)).toBe(`${dashed}.web-h.default.svc.cluster.local ${podIps[0]}`);
  });

  it('follows an ExternalName alias, answers pod names, and forwards the rest upstream', () => {
    expect(lookup('search')).toBe(`search.default.svc.cluster.local CNAME web.default.svc.cluster.local ${webIp}`);
    expect(lookup('10-44-0-9.default.pod.cluster.local')).toBe('10-44-0-9.default.pod.cluster.local 10.44.0.9');
    expect(lookup('node1')).toBe(`node1 ${s.world.host('node1')!.ip}`);
    expect(lookup('github.com')).toBe('external github.com');
  });

  it('says NXDOMAIN for what does not exist, after trying every search domain', () => {
    expect(lookup('nothing')).toBe('nxdomain nothing');
    expect(lookup('web.nowhere')).toBe('nxdomain web.nowhere');
    const r = net.lookup({ cluster: s.cluster, node: 'node1', namespace: 'default', name: 'nothing' });
    expect(r.outcome === 'answered' && r.tried.map((a) => a.name)).toEqual([
      'nothing.default.svc.cluster.local', 'nothing.svc.cluster.local', 'nothing.cluster.local', 'nothing',
    ]);
  });

  it('answers a name as given when asked without the search list (a node asking 10.96.0.10 itself)', () => {
    const ask = (name: string) => net.lookup({ cluster: s.cluster, node: 'node1', namespace: 'default', name, absolute: true });
    expect(ask('web.default.svc.cluster.local')).toMatchObject({ outcome: 'answered', answer: { status: 'ok', addresses: [webIp] } });
    expect(ask('web')).toMatchObject({ outcome: 'answered', answer: { status: 'nxdomain' }, tried: [{ name: 'web' }] });
  });

  it('gives Service and endpoint addresses their names back', () => {
    expect(net.reverse(s.cluster, '10.96.0.10')).toBe('kube-dns.kube-system.svc.cluster.local');
    expect(net.reverse(s.cluster, webIp)).toBe('web.default.svc.cluster.local');
    expect(net.reverse(s.cluster, podIps[0]!)).toMatch(new RegExp(`^${podIps[0]!.replace(/\./g, '-')}\\.web(-h)?\\.default\\.svc\\.cluster\\.local$`));
  });

  it('is what the pods\' resolver hook and service variables use', () => {
    const hooks = podNetworkHooks(s.world);
    expect(hooks.resolve?.({ cluster: s.cluster, node: 'node1', namespace: 'default', name: 'web' })).toBe(webIp);
    expect(hooks.resolve?.({ cluster: s.cluster, node: 'node1', namespace: 'default', name: 'nothing' })).toBeUndefined();
    expect(Object.fromEntries(hooks.serviceEnv?.(s.cluster, 'default', true) ?? [])).toMatchObject({
      KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443', KUBERNETES_SERVICE_PORT_HTTPS: '443', KUBERNETES_PORT: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443', KUBERNETES_PORT_443_TCP_PROTO: 'tcp', KUBERNETES_PORT_443_TCP_PORT: '443', KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
      WEB_SERVICE_HOST: webIp, WEB_SERVICE_PORT: '80', WEB_PORT: `tcp://${webIp}:80`,
    });
    expect(hooks.serviceEnv?.(s.cluster, 'default', false).map(([k]) => k)[0]).toBe('KUBERNETES_SERVICE_HOST');
    expect(hooks.serviceEnv?.(s.cluster, 'default', false).some(([k]) => k.startsWith('WEB'))).toBe(false);
    expect(podResolvConf('default')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });
});

describe('CoreDNS down', () => {
  it('refuses queries once no coredns pod is ready, and answers again when they are back', () => {
    const { s, lookup } = setup('coredns-down');
    const scale = (replicas: number) => s.cluster.store.mutate<Deployment>(mustResolve('deployments'), 'kube-system', 'coredns', 'user:kubectl', (d) => {
      d.spec!.replicas = replicas;
    });
    scale(0);
    s.advance(60_000);
    expect(lookup('web')).toBe('refused');
    scale(2);
    s.advance(60_000);
    expect(lookup('web')).toMatch(/^web\.default\.svc\.cluster\.local /);
  });

  it('times out from a node without kube-proxy: no route to 10.96.0.10', () => {
    const { s, lookup } = setup('coredns-no-proxy');
    s.cluster.store.mutate<DaemonSet>(mustResolve('daemonsets'), 'kube-system', 'kube-proxy', 'user:kubectl', (d) => {
      d.spec!.template.spec!.nodeSelector = { 'kubernetes.io/hostname': 'node1' };
    });
    s.advance(60_000);
    expect(lookup('web', 'default', 'node2')).toBe('timeout');
    expect(lookup('web', 'default', 'node1')).toMatch(/^web\.default/);
  });
});
