import { describe, expect, it } from 'vitest';
import input from './golden/config-input.yaml?raw';
import { Playground } from '../testing/playground';

// The goldens of this file were checked byte for byte against /usr/bin/kubectl on the same input.
const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

describe('kubectl config', () => {
  const p = new Playground();
  p.node1.fs.writeFile('/root/kc.yaml', input);
  const env = { env: { KUBECONFIG: '/root/kc.yaml' } };

  it('view redacts secrets and sorts entries by name; --minify -o json uses the struct order', async () => {
    await golden('config-view', p.kubectl('config view', env).stdout);
    await golden('config-view-minify-json', p.kubectl('config view --minify -o json', env).stdout);
    expect(p.kubectl('config view --raw', env).stdout).toContain('client-key-data: Y2xpZW50IGtleQ==');
  });

  it('get-contexts and current-context', async () => {
    await golden('config-get-contexts', p.kubectl('config get-contexts', env).stdout);
    expect(p.kubectl('config current-context', env).stdout).toBe('kubernetes-admin@kubernetes\n');
    expect(new Playground().kubectl('config current-context')).toMatchObject({ stderr: 'error: current-context is not set\n', exitCode: 1 });
  });

  it('use-context and set-context rewrite the file', () => {
    const q = new Playground().init();
    expect(q.kubectl('config set-context --current --namespace=kube-system').stdout).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect(q.kubectl('get pods').stdout).toContain('etcd-node1');
    expect(q.kubectl('config use-context nope').stderr).toBe('error: no context exists with the name: "nope"\n');
  });
});
