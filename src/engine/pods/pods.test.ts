import { describe, expect, it } from 'vitest';
import { PodPlayground, TOLERATE_CONTROL_PLANE } from './testing/pods';
import type { Pod } from 'kubernetes-types/core/v1';
import { mustResolve } from '../api/resources';
import { podLogs } from './access';

describe('pods run programs', () => {
  it("an nginx Deployment's pods serve the welcome page on their pod IP, across nodes, and log each request", () => {
    const t = new PodPlayground();
    t.deploy('web', 'nginx', 2);
    t.run('web-node1', { image: 'nginx' }, { nodeName: 'node1', tolerations: [...TOLERATE_CONTROL_PLANE] });
    t.world.advance(30_000);
    const pods = [...t.pods('web-').filter((p) => p.metadata.labels?.app === 'web'), t.pod('web-node1')!];
    expect(pods.map((p) => t.status(p.metadata.name))).toEqual(['Running', 'Running', 'Running']);
    const onNode1 = t.pod('web-node1')!;
    expect(onNode1.status?.podIP).toMatch(/^10\.32\.0\.\d+$/);
    const answer = t.get('node2', onNode1.status!.podIP!, 80);
    expect(answer.ok && answer.response.status).toBe(200);
    expect(answer.text).toContain('<title>Welcome to nginx!</title>');
    expect(answer.ok && answer.response.headers).toContainEqual(['Server', 'nginx/1.25.0']);
    const logs = t.logs('web-node1');
    expect(logs[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(logs).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(logs[logs.length - 1]).toMatch(/^192\.168\.0\.\d+ - - \[\d\d\/Jun\/2023:\d\d:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/7\.29\.0" "-"$/);
    const missing = t.get('node1', pods[0]!.status!.podIP!, 80, '/nope');
    expect(missing.ok && missing.response.status).toBe(404);
  });

  it('a pingpong pod logs one busybox ping line a second', () => {
    const t = new PodPlayground();
    t.run('pingpong', { image: 'alpine', args: ['ping', '1.1.1.1'] });
    t.world.advance(15_000);
    expect(t.status('pingpong')).toBe('Running');
    const lines = t.logs('pingpong');
    expect(lines[0]).toBe('PING 1.1.1.1 (1.1.1.1): 56 data bytes');
    expect(lines.length).toBeGreaterThan(5);
    lines.slice(1).forEach((line, i) => expect(line).toMatch(new RegExp(`^64 bytes from 1\\.1\\.1\\.1: seq=${i} ttl=57 time=\\d\\.\\d{3} ms$`)));
    const before = lines.length;
    t.world.advance(10_000);
    expect(t.logs('pingpong').length).toBe(before + 10);
  });

  it('jpetazzo/color names the pod that answered', () => {
    const t = new PodPlayground();
    t.deploy('blue', 'jpetazzo/color', 1);
    t.world.advance(30_000);
    const pod = t.pods('blue-')[0]!;
    const answer = t.get('node1', pod.status!.podIP!, 80);
    expect(answer.text).toContain(`🔵This is pod default/${pod.metadata.name} on linux/amd64, serving / for ${t.world.host('node1')!.ip}:`);
    expect(t.logs(pod.metadata.name)[0]).toBe('Starting HTTP server (linux/amd64) listening on port 80.');
  });
});

describe("the cluster's own pods", () => {
  it('kube-proxy and CoreDNS have their start-up lines in their logs', () => {
    const t = new PodPlayground();
    const pods = t.cluster.store.list<Pod>(mustResolve('pods'), { namespace: 'kube-system' });
    const proxy = pods.find((p) => p.metadata.name.startsWith('kube-proxy-') && p.spec?.nodeName === 'node2')!;
    const dns = pods.find((p) => p.metadata.name.startsWith('coredns-'))!;
    const logs = (name: string) => {
      const r = podLogs(t.cluster, 'kube-system', name);
      return r.ok ? r.log.entries().map((e) => e.line) : [r.message];
    };
    expect(logs(proxy.metadata.name)[0]).toMatch(new RegExp(`^I0601 09:\\d\\d:\\d\\d\\.\\d{6}       1 node\\.go:141\\] Successfully retrieved node IP: ${t.world.host('node2')!.ip.replace(/\./g, '\\.')}$`));
    expect(logs(dns.metadata.name)).toContain('CoreDNS-1.10.1');
  });
});

describe('real lifecycles from real exits', () => {
  it('a command that exits 1 goes CrashLoopBackOff, with a back-off that doubles', () => {
    const t = new PodPlayground();
    t.run('crash', { image: 'busybox', command: ['sh', '-c', 'echo "run at $(date +%T)"; exit 1'] });
    const restartsAt: number[] = [];
    const seen = new Set<string>();
    let last = 0;
    for (let ms = 0; ms < 180_000; ms += 250) {
      t.world.advance(250);
      seen.add(t.status('crash'));
      const count = t.pod('crash')!.status!.containerStatuses![0]!.restartCount ?? 0;
      if (count !== last) {
        restartsAt.push(ms);
        last = count;
      }
    }
    expect([...seen]).toEqual(expect.arrayContaining(['ContainerCreating', 'Error', 'CrashLoopBackOff']));
    const gaps = restartsAt.slice(1).map((at, i) => at - restartsAt[i]!);
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    expect(gaps[0]).toBeGreaterThanOrEqual(10_000);
    expect(gaps[1]).toBeGreaterThanOrEqual(20_000);
    expect(gaps[2]).toBeGreaterThanOrEqual(40_000);
    const status = t.pod('crash')!.status!.containerStatuses![0]!;
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(status.lastState?.terminated?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
  });

  it('keeps the previous instance\'s log for --previous, and says when there is none', () => {
    const t = new PodPlayground();
    t.run('once', { image: 'busybox', command: ['sh', '-c', 'echo "up at $(date +%T)"; sleep 5; echo bye; exit 3'] });
    t.world.advance(4_000);
    expect(podLogs(t.cluster, 'default', 'once', { previous: true })).toMatchObject({
      ok: false, status: 400, message: 'previous terminated container "once" in pod "once" not found',
    });
    const first = t.logs('once');
    t.world.advance(8_000);
    expect(t.pod('once')!.status!.containerStatuses![0]!.restartCount).toBe(1);
    expect(t.logs('once', true)).toEqual([...first, 'bye']);
    expect(t.logs('once')).toHaveLength(1);
    expect(t.logs('once')[0]).not.toBe(first[0]);
    expect(podLogs(t.cluster, 'default', 'nope')).toMatchObject({ ok: false, status: 404, message: 'pods "nope" not found' });
  });

  it('a program the image does not ship fails to start (StartError, 128)', () => {
    const t = new PodPlayground();
    t.run('noping', { image: 'nginx', command: ['ping', '1.1.1.1'] });
    t.run('entry', { image: 'nginx', args: ['ping', '1.1.1.1'] });
    const seen = t.statuses('noping', 30_000);
    // With args only, the image's entrypoint script runs and fails to exec the program.
    expect(t.pod('entry')!.status!.containerStatuses![0]!.lastState?.terminated).toMatchObject({ exitCode: 127, reason: 'Error' });
    expect(t.logs('entry')).toEqual(['/docker-entrypoint.sh: 47: exec: ping: not found']);
    expect(seen).toEqual(expect.arrayContaining(['StartError', 'CrashLoopBackOff']));
    expect(t.pod('noping')!.status!.containerStatuses![0]!.lastState?.terminated).toMatchObject({
      exitCode: 128, reason: 'StartError',
      message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "ping": executable file not found in $PATH: unknown',
    });
  });

  it('a server that exits as it starts (a bad $PORT) crash-loops with its own message', () => {
    const t = new PodPlayground();
    t.run('badport', { image: 'jpetazzo/color', env: [{ name: 'PORT', value: 'eighty' }] });
    expect(t.statuses('badport', 30_000)).toEqual(expect.arrayContaining(['Error', 'CrashLoopBackOff']));
    expect(t.logs('badport')).toEqual([
      'Starting HTTP server (linux/amd64) listening on port eighty.',
      "Couldn't create server on port eighty (listen tcp: lookup tcp/eighty: unknown port).", 'You can change the port by setting the PORT environment variable.',
    ]);
  });

  it('restartPolicy Never and OnFailure: Completed and Error stay', () => {
    const t = new PodPlayground();
    t.run('job', { image: 'busybox', command: ['sh', '-c', 'echo done'] }, { restartPolicy: 'Never' });
    t.run('fail', { image: 'busybox', command: ['false'] }, { restartPolicy: 'Never' });
    t.run('retry', { image: 'busybox', command: ['sh', '-c', 'exit 0'] }, { restartPolicy: 'OnFailure' });
    t.world.advance(30_000);
    expect([t.status('job'), t.status('fail'), t.status('retry')]).toEqual(['Completed', 'Error', 'Completed']);
    expect(t.pod('job')!.status!.phase).toBe('Succeeded');
    expect(t.pod('fail')!.status!.phase).toBe('Failed');
    expect(t.logs('job')).toEqual(['done']);
  });

  it('graceful deletion: a worker ignores SIGTERM (30 s), nginx stops at once', () => {
    const t = new PodPlayground();
    t.run('worker', { image: 'dockercoins/worker:v0.1' });
    t.run('web', { image: 'nginx' });
    t.world.advance(20_000);
    t.delete('worker');
    t.delete('web');
    t.world.advance(2_000);
    expect(t.pod('web')).toBeUndefined();
    expect(t.status('worker')).toBe('Terminating');
    t.world.advance(26_000);
    expect(t.status('worker')).toBe('Terminating');
    t.world.advance(3_000);
    expect(t.pod('worker')).toBeUndefined();
  });
});
