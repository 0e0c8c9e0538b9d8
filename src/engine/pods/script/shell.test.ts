import { describe, expect, it } from 'vitest';
import { World } from '../../world';
import { podImage } from '../images';
import { containerFiles } from '../podFs';
import type { ScriptHost } from './host';
import { runCommand } from './program';

/** A busybox container (alpine) on node1 with pod IP 10.32.0.5, its output collected. */
function container(image = 'docker.io/library/alpine:latest') {
  const world = new World({ seed: 'script-test' });
  world.network.addAddress('node1', '10.32.0.5');
  const files = containerFiles(image.replace(/:[^:/]+$/, ''), podImage(image), {
    hostname: 'pingpong', ip: '10.32.0.5', namespace: 'default', hostNetwork: false, clusterDns: '10.96.0.10', serviceAccount: undefined,
  });
  const host: ScriptHost = {
    world, node: 'node1', ip: '10.32.0.5', hostname: 'pingpong', flavour: podImage(image).flavour,
    client: { node: 'node1', ip: '10.32.0.5', name: 'node1/default/pingpong' }, files,
    env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOSTNAME', 'pingpong'], ['HOME', '/root']],
    command: ['sh'], resolve: (name) => (name === 'pingpong' ? '10.32.0.5' : name === 'web.default.svc.cluster.local.' ? '10.96.45.12' : undefined),
    setTimer: (ms, fn) => world.clock.schedule(ms, fn), clearTimer: (id) => world.clock.cancel(id),
  };
  let out = '';
  let code: number | undefined;
  const run = (argv: readonly string[], pid1 = false) => runCommand(host, argv, { out: (t) => { out += t; }, err: (t) => { out += t; } }, (c) => { code = c; }, { pid1 });
  return { world, host, run, output: () => out, code: () => code };
}

describe('command lines in containers', () => {
  it('runs sh -c scripts: variables, substitutions, arithmetic, loops and conditions', () => {
    const c = container();
    c.run(['sh', '-c', 'echo "I am $HOSTNAME ($(hostname -i))"; for i in $(seq 1 3); do echo "n=$((i * 10))"; done; if [ -f /etc/resolv.conf ]; then echo yes; else echo no; fi']);
    expect(c.output()).toBe('I am pingpong (10.32.0.5)\nn=10\nn=20\nn=30\nyes\n');
    expect(c.code()).toBe(0);
  });

  it('keeps time: a while loop with sleep prints once a second', () => {
    const c = container();
    c.run(['sh', '-c', 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 1; done']);
    c.world.advance(3_500);
    expect(c.output()).toBe('tick 0\ntick 1\ntick 2\ntick 3\n');
    expect(c.code()).toBeUndefined();
  });

  it('writes and reads files, with redirections and pipes', () => {
    const c = container();
    c.run(['sh', '-c', 'echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f | wc -l; grep tw /tmp/f; rm /tmp/f; cat /tmp/f']);
    expect(c.output()).toBe("2\ntwo\ncat: can't open '/tmp/f': No such file or directory\n");
    expect(c.code()).toBe(1);
  });

  it('reports what it cannot run as ash does', () => {
    const c = container();
    c.run(['sh', '-c', 'curl http://web; echo $?']);
    expect(c.output()).toBe('sh: curl: not found\n127\n');
    const d = container();
    d.run(['sh', '-c', 'while true; do echo']);
    expect(d.output()).toBe('sh: syntax error: unexpected end of file (expecting "done")\n');
    expect(d.code()).toBe(2);
  });

  it('as PID 1, ignores SIGTERM unless a trap says otherwise', () => {
    const c = container();
    const deaf = c.run(['sh', '-c', 'while true; do sleep 1; done'], true);
    deaf.signal('SIGTERM');
    c.world.advance(5_000);
    expect(c.code()).toBeUndefined();
    const d = container();
    const trapped = d.run(['sh', '-c', "trap 'echo bye; exit 0' TERM; while true; do sleep 1; done"], true);
    d.world.advance(1_500);
    trapped.signal('SIGTERM');
    d.world.advance(1_000);
    expect(d.output()).toBe('bye\n');
    expect(d.code()).toBe(0);
  });

  it('pings an outside address once a second, with busybox statistics', () => {
    const c = container();
    c.run(['ping', '-c', '3', '1.1.1.1']);
    c.world.advance(5_000);
    const lines = c.output().split('\n');
    expect(lines[0]).toBe('PING 1.1.1.1 (1.1.1.1): 56 data bytes');
    expect(lines.slice(1, 4).every((l, i) => new RegExp(`^64 bytes from 1\\.1\\.1\\.1: seq=${i} ttl=57 time=1\\.\\d{3} ms$`).test(l))).toBe(true);
    expect(lines.slice(4, 7)).toEqual(['', '--- 1.1.1.1 ping statistics ---', '3 packets transmitted, 3 packets received, 0% packet loss']);
    expect(lines[7]).toMatch(/^round-trip min\/avg\/max = 1\.\d{3}\/1\.\d{3}\/1\.\d{3} ms$/);
    expect(c.code()).toBe(0);
  });

  it('has only the programs its image ships (nginx has no ping)', () => {
    const c = container('docker.io/library/nginx:latest');
    c.run(['sh', '-c', 'ping 1.1.1.1']);
    expect(c.output()).toBe('sh: 1: ping: not found\n');
  });

  it("resolves with busybox's nslookup through the pod's search domains", () => {
    const c = container();
    c.run(['sh', '-c', 'nslookup web; nslookup nope']);
    expect(c.output()).toBe([
      'Server:\t\t10.96.0.10', 'Address:\t10.96.0.10:53', '', 'Name:\tweb.default.svc.cluster.local', 'Address: 10.96.45.12', '',
      'Server:\t\t10.96.0.10', 'Address:\t10.96.0.10:53', '', "** server can't find nope: NXDOMAIN", '', '',
    ].join('\n'));
    expect(c.code()).toBe(1);
  });
});
