import { describe, expect, it } from 'vitest';
import { LiveCluster } from '../testing/live';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

describe('kubectl events', () => {
  it('lists the namespace\'s events oldest first, OBJECT as Kind/name', async () => {
    const c = new LiveCluster();
    c.kubectl('create deployment web --image=nginx --replicas=2');
    c.advance(20_000);
    const r = c.kubectl('events');
    await golden('events-default', r.stdout);
    expect(r.stdout.split('\n')[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    expect(c.kubectl('events --for deploy/web').stdout).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\n\d+s +Normal +ScalingReplicaSet +Deployment\/web +Scaled up replica set web-\w+ to 2\n$/);
    expect(c.kubectl('events -A --types=Warning').stdout).toMatch(/^NAMESPACE +LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\ndefault +\S+ +Warning +InvalidDiskCapacity +Node\/node1/);
    expect(c.kubectl('events -n kube-public').stderr).toBe('No events found in kube-public namespace.\n');
    expect(c.kubectl('events --types=Bad').stderr).toBe('error: valid --types are Normal or Warning\n');
  });

  it('-w prints new events as they happen', () => {
    const c = new LiveCluster();
    c.world.clock.schedule(1_000, () => { c.kubectl('create deployment web --image=nginx'); });
    const r = c.kubectl('events -w --for deploy/web', { interruptAfterMs: 5_000 });
    expect(r.stderr).toBe('No events found in default namespace.\n');
    expect(r.stdout).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\n0s +Normal +ScalingReplicaSet +Deployment\/web +Scaled up replica set web-\w+ to 1\n$/);
  });
});
