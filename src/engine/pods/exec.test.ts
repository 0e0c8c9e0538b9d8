import { describe, expect, it } from 'vitest';
import { packetsOf } from '../services/packetProbe';
import { execTarget, podExecs, type ExecRecord } from './access';
import { PodPlayground, TOLERATE_CONTROL_PLANE } from './testing/pods';

function exec(t: PodPlayground, pod: string, argv: readonly string[], ms = 100): { out: string; code: number | undefined } {
  const target = execTarget(t.cluster, 'default', pod, undefined);
  if (!target.ok) throw new Error(target.message);
  let out = '';
  let code: number | undefined;
  target.run(argv, { out: (s) => { out += s; }, err: (s) => { out += s; } }, (c) => { code = c; });
  t.world.advance(ms);
  return { out, code };
}

describe('exec into pods', () => {
  it('runs hostname and cat /etc/resolv.conf in a pod, on either node', () => {
    const t = new PodPlayground();
    t.run('web', { image: 'nginx' }, { nodeName: 'node1', tolerations: [...TOLERATE_CONTROL_PLANE] });
    t.run('box', { image: 'busybox', command: ['sleep', '3600'] }, { nodeName: 'node2' });
    t.world.advance(30_000);
    const seen: ExecRecord[] = [];
    podExecs(t.world).on('exec', (r) => seen.push(r));
    expect(exec(t, 'web', ['hostname'])).toEqual({ out: 'web\n', code: 0 });
    expect(exec(t, 'box', ['hostname'])).toEqual({ out: 'box\n', code: 0 });
    expect(exec(t, 'box', ['cat', '/etc/resolv.conf']).out).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(exec(t, 'web', ['cat', '/etc/hosts']).out).toContain(`${t.pod('web')!.status!.podIP}\tweb\n`);
    expect(seen.map((r) => `${r.node} ${r.pod} ${r.argv.join(' ')}`)).toEqual(['node1 web hostname', 'node2 box hostname', 'node2 box cat /etc/resolv.conf', 'node1 web cat /etc/hosts']);
  });

  it('sees the environment, writes files nginx then serves, pings across the overlay', () => {
    const t = new PodPlayground();
    t.run('web', { image: 'nginx', env: [{ name: 'GREETING', value: 'hello' }] });
    t.run('box', { image: 'alpine', command: ['sleep', 'infinity'] }, { nodeName: 'node1', tolerations: [...TOLERATE_CONTROL_PLANE] });
    t.world.advance(30_000);
    const env = exec(t, 'web', ['env']).out.split('\n');
    expect(env[0]).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect(env[1]).toBe('HOSTNAME=web');
    expect(env).toContain('NGINX_VERSION=1.25.0');
    expect(env).toContain('GREETING=hello');
    expect(env).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1');
    expect(env[env.length - 2]).toBe('HOME=/root');
    exec(t, 'web', ['sh', '-c', 'echo "<h1>Hi from $HOSTNAME</h1>" > /usr/share/nginx/html/index.html']);
    const webIp = t.pod('web')!.status!.podIP!;
    expect(t.get('node1', webIp, 80).text).toBe('<h1>Hi from web</h1>\n');
    const ping = exec(t, 'box', ['ping', '-c', '2', webIp], 1_500);
    expect(ping.code).toBe(0);
    // The echo requests crossed the overlay from node1 to node2: the diagram draws them.
    expect(packetsOf(t.world).filter((p) => p.protocol === 'ICMP').map((p) => `${p.fromPod} ${p.fromNode} -> ${p.toPod} ${p.toNode}`)).toContain('default/box node1 -> default/web node2');
    expect(ping.out).toMatch(new RegExp(`^64 bytes from ${webIp.replace(/\./g, '\\.')}: seq=0 ttl=64 time=0\\.\\d{3} ms$`, 'm'));
  });

  it('fails as kubectl exec does for missing programs, stopped containers and unknown names', () => {
    const t = new PodPlayground();
    t.run('web', { image: 'nginx' });
    t.run('done', { image: 'busybox', command: ['true'] }, { restartPolicy: 'Never' });
    expect(execTarget(t.cluster, 'default', 'web', undefined)).toMatchObject({ ok: false, message: 'unable to upgrade connection: container not found ("web")' });
    t.world.advance(30_000);
    const missing = exec(t, 'web', ['ping', '1.1.1.1']);
    expect(missing.code).toBe(126);
    expect(missing.out).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "ping": executable file not found in \$PATH: unknown\n$/);
    expect(execTarget(t.cluster, 'default', 'done', undefined)).toMatchObject({ ok: false, message: 'cannot exec into a container in a completed pod; current phase is Succeeded' });
    expect(execTarget(t.cluster, 'default', 'web', 'nope')).toMatchObject({ ok: false, status: 400, message: 'container nope is not valid for pod web' });
    expect(execTarget(t.cluster, 'default', 'ghost', undefined)).toMatchObject({ ok: false, status: 404, message: 'pods "ghost" not found' });
  });
});
