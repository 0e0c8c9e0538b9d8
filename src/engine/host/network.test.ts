import { describe, expect, it } from 'vitest';
import { Network } from './network';

describe('Network', () => {
  const setup = () => {
    const net = new Network();
    net.addAddress('node1', '192.168.0.8');
    net.addAddress('node2', '192.168.0.9');
    return net;
  };

  it('refuses when nothing listens and has no route to unknown addresses', () => {
    const net = setup();
    expect(net.dial('node2', '192.168.0.8', 6443)).toEqual({ ok: false, reason: 'refused' });
    expect(net.dial('node2', '192.168.0.99', 6443)).toEqual({ ok: false, reason: 'unreachable' });
  });

  it('keeps bridge addresses local to their host', () => {
    const net = setup();
    net.addAddress('node1', '172.18.0.2', 'host-local');
    net.addAddress('node2', '172.18.0.2', 'host-local');
    net.listen({ host: 'node1', address: '172.18.0.2', port: 80, protocol: 'TCP', process: 'rng', service: 'rng on node1' });
    expect(net.dial('node1', '172.18.0.2', 80)).toMatchObject({ ok: true, listener: { service: 'rng on node1' } });
    expect(net.dial('node2', '172.18.0.2', 80)).toEqual({ ok: false, reason: 'refused' });
    expect(net.hostOf('172.18.0.2')).toBeUndefined();
  });

  it('follows a published port to its container, from any host', () => {
    const net = setup();
    net.addAddress('node1', '172.18.0.3', 'host-local');
    net.listen({ host: 'node1', address: '0.0.0.0', port: 8001, protocol: 'TCP', process: 'docker-proxy', service: { kind: 'forward', ip: '172.18.0.3', port: 80 } });
    expect(net.dial('node1', 'localhost', 8001)).toEqual({ ok: false, reason: 'refused' });
    const stop = net.listen({ host: 'node1', address: '172.18.0.3', port: 80, protocol: 'TCP', process: 'rng', service: 'rng' });
    expect(net.dial('node1', 'localhost', 8001)).toMatchObject({ ok: true, listener: { service: 'rng' } });
    expect(net.dial('node2', '192.168.0.8', 8001)).toMatchObject({ ok: true, listener: { service: 'rng' } });
    stop();
    expect(net.dial('node2', '192.168.0.8', 8001)).toEqual({ ok: false, reason: 'refused' });
  });
});

describe('Network routers and observers (what kube-proxy plugs in)', () => {
  const setup = () => {
    const net = new Network();
    net.addAddress('node1', '192.168.0.8');
    net.addAddress('node2', '192.168.0.9');
    net.addAddress('node2', '10.44.0.1');
    net.listen({ host: 'node2', address: '10.44.0.1', port: 80, protocol: 'TCP', process: 'nginx', service: 'web' });
    return net;
  };

  it('sends a virtual address on to where the router says, or fails it as told, before any listener', () => {
    const net = setup();
    net.router = (_from, ip, port) => (ip === '10.96.0.5' ? (port === 80 ? { ip: '10.44.0.1', port: 80 } : { fail: 'refused' }) : undefined);
    expect(net.dial('node1', '10.96.0.5', 80)).toMatchObject({ ok: true, listener: { service: 'web' } });
    expect(net.dial('node1', '10.96.0.5', 443)).toEqual({ ok: false, reason: 'refused' });
    expect(net.dial('node1', '10.96.0.6', 80)).toEqual({ ok: false, reason: 'unreachable' });
  });

  it('tells the observer where each connection landed, from which hop and which client address', () => {
    const net = setup();
    const seen: string[] = [];
    net.router = (_from, ip, port) => (ip === '192.168.0.8' && port === 30080 ? { ip: '10.44.0.1', port: 80, at: 'node1' } : undefined);
    net.observer = (from, source, l) => seen.push(`${from} ${source ?? '-'} > ${l.host} ${l.address}:${l.port}`);
    net.dial('browser', '192.168.0.8', 30080);
    net.dial('node1', '10.44.0.1', 80, 'TCP', '10.32.0.2');
    expect(seen).toEqual(['node1 - > node2 10.44.0.1:80', 'node1 10.32.0.2 > node2 10.44.0.1:80']);
  });
});
