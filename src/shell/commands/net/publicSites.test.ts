import { beforeAll, describe, expect, it } from 'vitest';
import { preloadCommands } from '../../session/preload';
import { shellOn, testWorld } from '../../testing/harness';

beforeAll(() => preloadCommands());

describe('the Internet from a fresh node', () => {
  it('answers Weave and GitHub before any kubeadm init or git clone', async () => {
    const node1 = shellOn(testWorld({ seed: 'sites' }), 'node1');
    const weave = await node1.run('curl -s "https://cloud.weave.works/k8s/net?k8s-version=x" | grep -c "kind: DaemonSet"');
    expect(weave.stdout).toBe('1\n');
    const raw = await node1.run('curl -s https://raw.githubusercontent.com/jpetazzo/container.training/master/dockercoins/docker-compose.yml | head -1');
    expect(raw.stdout).toMatch(/^version: /);
  });
});
