import { describe, expect, it } from 'vitest';
import { podLogs } from './access';
import { POD_LOG_CAPACITY, rfc3339Nano } from './logs';
import { PodPlayground } from './testing/pods';

/** Pods of every kind, an exec, a deletion: what a learner might do in a few minutes. */
function scenario(seed: string): string[] {
  const t = new PodPlayground(seed);
  t.run('pingpong', { image: 'alpine', args: ['ping', '1.1.1.1'] });
  t.run('crash', { image: 'busybox', command: ['sh', '-c', 'echo "at $(date +%T) $RANDOM"; exit 2'] });
  t.deploy('web', 'nginx', 2);
  t.deploy('blue', 'jpetazzo/color', 1);
  t.world.advance(40_000);
  const ip = t.pods('web-')[0]!.status!.podIP!;
  t.get('node1', ip, 80);
  t.get('node1', t.pods('blue-')[0]!.status!.podIP!, 80);
  t.delete(t.pods('web-')[1]!.metadata.name);
  t.world.advance(60_000);
  const out: string[] = [];
  for (const p of [...t.pods('pingpong'), ...t.pods('crash'), ...t.pods('web-'), ...t.pods('blue-')]) {
    const name = p.metadata.name;
    out.push(`${name} ${t.status(name)} ${p.status?.podIP} ${JSON.stringify(p.status?.containerStatuses?.[0]?.lastState ?? {})}`);
    const r = podLogs(t.cluster, 'default', name);
    if (r.ok) out.push(...r.log.entries().map((e) => `${rfc3339Nano(e)} ${e.stream} ${e.line}`));
  }
  return out;
}

describe('determinism and bounded memory', () => {
  it('the same seed and inputs give the same pods, logs and timestamps', () => {
    const a = scenario('same-seed');
    expect(a.length).toBeGreaterThan(100);
    expect(scenario('same-seed')).toEqual(a);
  });

  it("a chatty container's log keeps its last 2,000 lines (of 6,000); only two instances are kept", () => {
    const t = new PodPlayground();
    t.run('chatty', { image: 'busybox', command: ['sh', '-c', 'i=0; while [ $i -lt 6000 ]; do echo "line $i"; i=$((i+1)); done; exit 1'] });
    t.world.advance(3 * 60_000);
    const current = podLogs(t.cluster, 'default', 'chatty');
    const previous = podLogs(t.cluster, 'default', 'chatty', { previous: true });
    if (!current.ok || !previous.ok) throw new Error('no logs');
    expect(current.log.size).toBe(POD_LOG_CAPACITY);
    expect(current.log.entries()[POD_LOG_CAPACITY - 1]!.line).toBe('line 5999');
    expect(current.log.entries({ tail: 2 }).map((e) => e.line)).toEqual(['line 5998', 'line 5999']);
    const restarts = t.pod('chatty')!.status!.containerStatuses![0]!.restartCount!;
    expect(restarts).toBeGreaterThanOrEqual(3);
    const run = t.cluster.kubelets.get(t.pod('chatty')!.spec!.nodeName!)!.workers.get('default/chatty')!.containers[0]!;
    // The instances before the previous one were let go, their logs with them.
    expect([run.instance, run.previous].every((i) => i !== undefined && i.log.size <= POD_LOG_CAPACITY)).toBe(true);
  });
});
