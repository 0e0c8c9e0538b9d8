import { describe, expect, it } from 'vitest';
import { mustResolve } from '../../../../engine';
import { shellOn } from '../../../testing/harness';
import { LiveCluster } from '../testing/live';

describe('kubectl attach', () => {
  it('streams the main process\'s output from now on, until Ctrl+C', () => {
    const c = new LiveCluster();
    c.kubectl(['run', 'pingpong', '--image=alpine', '--', 'ping', '1.1.1.1']);
    c.advance(30_000);
    const r = c.kubectl('attach pingpong', { interruptAfterMs: 3_500 });
    expect(r.exitCode).toBe(130);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(3);
    expect(r.stdout).toMatch(/^64 bytes from 1\.1\.1\.1: seq=\d+/);
  });

  it('-it into a shell started with stdin and a terminal', async () => {
    const c = new LiveCluster();
    c.cluster.store.create(mustResolve('pods'), {
      metadata: { name: 'debug', namespace: 'default', labels: { run: 'debug' } },
      spec: { containers: [{ name: 'debug', image: 'busybox', command: ['sh'], stdin: true, tty: true }] },
    }, 'user:kubectl');
    c.advance(30_000);
    const node1 = shellOn(c.world, 'node1');
    const r = await node1.run('kubectl attach -it debug', { input: 'hostname\nexit\n' });
    expect(r.output).toBe("If you don't see a command prompt, try pressing enter.\n/ # debug\n/ # ");
    expect(r.exitCode).toBe(0);
    expect(c.kubectl('attach nope').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});
