import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import { mustResolve } from '../api/resources';
import type { Stored } from '../api/types';
import { TestCluster } from '../testing/testCluster';

const SERVICES = mustResolve('services');

function svc(name: string, spec: NonNullable<Service['spec']>, namespace = 'default'): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec };
}

/** Creates a Service as kubectl would, returning what the API server stored or its error message. */
function create(t: TestCluster, service: Service): Stored<Service> | string {
  const r = t.store.create(SERVICES, service, 'user:kubectl');
  return r.ok ? r.value : r.error.message;
}

const web = (spec: Partial<NonNullable<Service['spec']>> = {}) => svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec });

describe('Service admission: ClusterIP allocation', () => {
  it('gives a new Service a random address from 10.96.0.0/12 above the static band, with the defaults `kubectl get -o yaml` shows', () => {
    const t = TestCluster.create({ seed: 'svc-alloc' });
    const stored = create(t, web()) as Stored<Service>;
    expect(stored.spec).toEqual({
      clusterIP: stored.spec?.clusterIP, clusterIPs: [stored.spec?.clusterIP], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], selector: { app: 'web' }, sessionAffinity: 'None', type: 'ClusterIP',
    });
    expect(stored.status).toEqual({ loadBalancer: {} });
    const ips = [stored.spec!.clusterIP!, ...['a', 'b', 'c', 'd', 'e'].map((n) => (create(t, svc(n, { ports: [{ port: 80 }] })) as Stored<Service>).spec!.clusterIP!)];
    for (const ip of ips) {
      const [a, b, c] = ip.split('.').map(Number) as [number, number, number];
      expect(a).toBe(10);
      expect(b).toBeGreaterThanOrEqual(96);
      expect(b).toBeLessThanOrEqual(111);
      expect(b > 96 || c > 0).toBe(true);
    }
    expect(new Set(ips).size).toBe(6);
  });

  it('is the same from the same seed, and different from another seed', () => {
    const ipOf = (seed: string) => (create(TestCluster.create({ seed }), web()) as Stored<Service>).spec!.clusterIP;
    expect(ipOf('one')).toBe(ipOf('one'));
    expect(ipOf('one')).not.toBe(ipOf('two'));
  });

  it('takes a requested address in range and free, and refuses one taken or out of range with the allocator\'s words', () => {
    const t = TestCluster.create();
    expect((create(t, web({ clusterIP: '10.96.0.10' })) as Stored<Service>).spec?.clusterIPs).toEqual(['10.96.0.10']);
    expect(create(t, svc('dns2', { clusterIP: '10.96.0.10', ports: [{ port: 53 }] }))).toBe(
      'Service "dns2" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated');
    expect(create(t, svc('far', { clusterIP: '10.0.0.5', ports: [{ port: 80 }] }))).toBe(
      'Service "far" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12');
    expect(create(t, svc('odd', { clusterIP: 'abc', ports: [{ port: 80 }] }))).toBe(
      'Service "odd" is invalid: spec.clusterIPs[0]: Invalid value: "abc": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)');
  });

  it('frees an address when its Service goes away', () => {
    const t = TestCluster.create();
    create(t, web({ clusterIP: '10.100.0.1' }));
    t.delete('services', 'web');
    expect((create(t, svc('again', { clusterIP: '10.100.0.1', ports: [{ port: 80 }] })) as Stored<Service>).spec?.clusterIP).toBe('10.100.0.1');
  });

  it('allocates nothing for headless and ExternalName Services', () => {
    const t = TestCluster.create();
    const headless = create(t, svc('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] })) as Stored<Service>;
    expect(headless.spec).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilyPolicy: 'SingleStack' });
    const bare = create(t, svc('peers', { clusterIP: 'None' })) as Stored<Service>;
    expect(bare.spec?.ipFamilyPolicy).toBe('RequireDualStack');
    const ext = create(t, svc('search', { type: 'ExternalName', externalName: 'example.com' })) as Stored<Service>;
    expect(ext.spec).toEqual({ externalName: 'example.com', sessionAffinity: 'None', type: 'ExternalName' });
  });
});

describe('Service admission: NodePorts', () => {
  it('draws a NodePort in 30000-32767 for each port, shared by the TCP and UDP sides of one port number', () => {
    const t = TestCluster.create({ seed: 'nodeport' });
    const s = create(t, svc('dns', { type: 'NodePort', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }, { name: 'http', port: 80 }] })) as Stored<Service>;
    const [udp, tcp, http] = s.spec!.ports!.map((p) => p.nodePort!) as [number, number, number];
    expect(udp).toBe(tcp);
    expect(http).not.toBe(udp);
    for (const p of [udp, http]) {
      expect(p).toBeGreaterThanOrEqual(30000);
      expect(p).toBeLessThanOrEqual(32767);
    }
    expect(s.spec?.externalTrafficPolicy).toBe('Cluster');
  });

  it('refuses a NodePort out of range or taken, and one on a ClusterIP Service', () => {
    const t = TestCluster.create();
    expect(create(t, web({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }))).toBe(
      'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767');
    expect((create(t, web({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })) as Stored<Service>).spec?.ports?.[0]?.nodePort).toBe(30080);
    expect(create(t, svc('web2', { type: 'NodePort', ports: [{ port: 8080, nodePort: 30080 }] }))).toBe(
      'Service "web2" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
    expect(create(t, svc('web3', { ports: [{ port: 8080, nodePort: 30081 }] }))).toBe(
      "Service \"web3\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
  });

  it('keeps what was allocated on an update that leaves it out, and drops NodePorts when the type goes back to ClusterIP', () => {
    const t = TestCluster.create();
    const first = create(t, web({ type: 'NodePort' })) as Stored<Service>;
    const ip = first.spec!.clusterIP!;
    const nodePort = first.spec!.ports![0]!.nodePort!;
    const r = t.store.update(SERVICES, svc('web', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] }), 'user:kubectl');
    expect(r.ok && r.value.spec).toMatchObject({ clusterIP: ip, ports: [{ port: 80, nodePort }] });
    const back = t.store.mutate<Service>(SERVICES, 'default', 'web', 'user:kubectl', (d) => {
      d.spec!.type = 'ClusterIP';
    });
    expect(back.ok && back.value.spec?.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(back.ok && back.value.spec?.externalTrafficPolicy).toBeUndefined();
    const moved = t.store.mutate<Service>(SERVICES, 'default', 'web', 'user:kubectl', (d) => {
      d.spec!.clusterIP = '10.96.9.9';
      d.spec!.clusterIPs = ['10.96.9.9'];
    });
    expect(!moved.ok && moved.error.message).toBe('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.9.9"}: may not change once set');
  });
});

describe('Service validation', () => {
  const t = TestCluster.create();
  const message = (service: Service) => create(t, service) as string;

  it('names', () => {
    expect(message(svc('Web_1', { ports: [{ port: 80 }] }))).toBe(
      'Service "Web_1" is invalid: metadata.name: Invalid value: "Web_1": a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character (e.g. \'my-name\',  or \'abc-123\', regex used for validation is \'[a-z]([-a-z0-9]*[a-z0-9])?\')');
  });

  it('ports: required, named when several, valid numbers, protocols and target ports, no duplicates', () => {
    expect(message(svc('a', { selector: { app: 'a' } }))).toBe('Service "a" is invalid: spec.ports: Required value');
    expect(message(svc('b', { ports: [{ port: 80 }, { port: 443 }] }))).toBe(
      'Service "b" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]');
    expect(message(svc('c', { ports: [{ port: 0 }] }))).toBe(
      'Service "c" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive]');
    expect(message(svc('d', { ports: [{ port: 80, protocol: 'HTTP' }] }))).toBe(
      'Service "d" is invalid: spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"');
    expect(message(svc('e', { ports: [{ port: 80, targetPort: 'web_port' }] }))).toBe(
      'Service "e" is invalid: spec.ports[0].targetPort: Invalid value: "web_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
    expect(message(svc('f', { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] }))).toBe(
      'Service "f" is invalid: spec.ports[1].name: Duplicate value: "http"');
    expect(message(svc('g', { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] }))).toBe(
      'Service "g" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}');
  });

  it('types', () => {
    expect(message(svc('h', { type: 'Public', ports: [{ port: 80 }] }))).toBe(
      'Service "h" is invalid: spec.type: Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"');
    expect(message(svc('i', { type: 'ExternalName' }))).toBe('Service "i" is invalid: spec.externalName: Required value');
    expect(message(svc('j', { type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] }))).toBe(
      'Service "j" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services');
  });
});
