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
