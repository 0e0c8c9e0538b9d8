import { describe, expect, it } from 'vitest';
import type { Event } from 'kubernetes-types/core/v1';
import { mustResolve } from '../../api/resources';
import { PodPlayground } from '../../pods/testing/pods';

const EVENTS = mustResolve('events');

function events(t: PodPlayground, pod: string): string[] {
  return t.cluster.store.list<Event>(EVENTS).filter((e) => e.involvedObject.name === pod).map((e) => `${e.reason} ${e.message}`);
}

describe('probes run against the program', () => {
  it('readiness: an httpGet on the port nginx serves makes it ready; on another port it stays 0/1 with Unhealthy events', () => {
    const t = new PodPlayground();
    t.run('good', { image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } });
    t.run('bad', { image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 5 } });
    t.world.advance(40_000);
    expect(t.pod('good')!.status!.containerStatuses![0]!.ready).toBe(true);
    const bad = t.pod('bad')!;
    expect(bad.status!.containerStatuses![0]!.ready).toBe(false);
    expect(t.status('bad')).toBe('Running');
    expect(events(t, 'bad')).toContain(`Unhealthy Readiness probe failed: Get "http://${bad.status!.podIP}:8080/": dial tcp ${bad.status!.podIP}:8080: connect: connection refused`);
    // The kubelet's requests show in nginx's access log, from the node's weave bridge.
    const bridge = t.cluster.podNetwork.sliceOf(t.pod('good')!.spec!.nodeName!)!.bridge;
    expect(t.logs('good').some((l) => l.startsWith(`${bridge} - - [`) && l.endsWith('"GET / HTTP/1.1" 200 615 "-" "kube-probe/1.27" "-"'))).toBe(true);
    expect(t.logs('good').filter((l) => l.includes('kube-probe')).length).toBeGreaterThanOrEqual(5);
  });

  it('liveness: the classic exec probe on /tmp/healthy restarts the container once the file is gone', () => {
    const t = new PodPlayground();
    t.run('liveness', {
      image: 'busybox', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
      livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
    });
    t.world.advance(40_000);
    expect(t.pod('liveness')!.status!.containerStatuses![0]!.restartCount).toBe(0);
    t.world.advance(60_000);
    expect(events(t, 'liveness')).toEqual(expect.arrayContaining([
      "Unhealthy Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
      'Killing Container liveness failed liveness probe, will be restarted',
    ]));
    const status = t.pod('liveness')!.status!.containerStatuses![0]!;
    expect(status.restartCount).toBe(1);
    // sh as PID 1 ignores SIGTERM: killed when the grace period ends.
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });
});
