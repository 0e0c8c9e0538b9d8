import { describe, expect, it } from 'vitest';
import { shellOn, testWorld } from '../../testing/harness';

describe('kubeadm token commands with an admin kubeconfig that is not valid YAML', () => {
  it('print go-yaml\'s message and line, as client-go loads the file', async () => {
    const world = testWorld({ seed: 'kubeadm-api-client' });
    const node1 = shellOn(world, 'node1');
    world.host('node1')!.fs.writeFile('/root/admin.conf', 'apiVersion: v1\nclusters:\n- cluster:\n\tserver: https://192.168.0.8:6443\n');
    const r = await node1.run('kubeadm token list --kubeconfig /root/admin.conf');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('failed to load admin kubeconfig: error loading config file "/root/admin.conf": yaml: line 4: found character that cannot start any token\nTo see the stack trace of this error execute with --v=5 or higher\n');
  });
});
