import { beforeAll, describe, expect, it } from 'vitest';
import { preloadCommands } from '../../session/preload';
import { shellOn } from '../../testing/harness';
import { Playground } from './testing/playground';

// The Weave one-liner needs base64 and tr from the (lazily loaded) coreutils.
beforeAll(() => preloadCommands());

describe('kubectl inside the shell', () => {
  it('runs the Weave one-liner as the lesson writes it', async () => {
    const p = new Playground().init();
    let asked = '';
    p.world.internet.serve('cloud.weave.works', (url) => {
      asked = url.query.get('k8s-version') ?? '';
      return url.pathname === '/k8s/net'
        ? { contentType: 'application/yaml', body: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: weave-net\n' }
        : undefined;
    });
    const node1 = shellOn(p.world, 'node1');
    const r = await node1.run(`kubectl apply -n kube-system -f "https://cloud.weave.works/k8s/net?k8s-version=$(kubectl version | base64 |tr -d '\\n')"`);
    expect(r.stdout).toBe('serviceaccount/weave-net created\n');
    // The WARNING went to stderr, so only the version lines were encoded.
    expect(atob(asked)).toMatch(/^Client Version: version\.Info\{Major:"1", Minor:"27".*\nKustomize Version: v5\.0\.1\nServer Version: /s);
  });

  it('colours cluster-info on the terminal only, not in a command substitution', async () => {
    const p = new Playground().init();
    const node1 = shellOn(p.world, 'node1');
    expect((await node1.run('kubectl cluster-info')).stdout).toContain('\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://');
    const r = await node1.run('echo "$(kubectl cluster-info)"');
    expect(r.stdout.split('\n')[0]).toBe(`Kubernetes control plane is running at https://${p.node1.ip}:6443`);
  });

  it('passes a version query that names the client and server', async () => {
    const p = new Playground().init();
    const node1 = shellOn(p.world, 'node1');
    const r = await node1.run('V="$(kubectl version --short 2>/dev/null)" && echo "$V"');
    expect(r.stdout).toBe('Client Version: v1.27.2\nKustomize Version: v5.0.1\nServer Version: v1.27.2\n');
  });
});
