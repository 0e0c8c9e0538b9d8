import { describe, expect, it } from 'vitest';
import type { CompletionRequest, Environment } from '../../types';
import { kubectl } from './index';
import { Playground } from './testing/playground';

function req(p: Playground, line: string): CompletionRequest {
  const words = line.split(' ');
  const current = words.pop()!;
  const vars = new Map(Object.entries(p.node1.loginEnv));
  const env = { get: (n: string) => vars.get(n) } as unknown as Environment;
  return { words, current, cwd: '/root', host: p.node1, world: p.world, env };
}

describe('kubectl completion', () => {
  const p = new Playground().init().join();
  const complete = (line: string) => kubectl.complete!(req(p, line));

  it('completes verbs, resource types and flags', () => {
    expect(complete('kubectl ge')).toEqual(['get']);
    expect(complete('kubectl get depl')).toEqual(['deploy', 'deployment', 'deployments']);
    expect(complete('kubectl get pods --all')).toEqual(['--all-namespaces']);
    expect(complete('kubectl get pods -o ')).toEqual(['json', 'yaml', 'name', 'wide', 'jsonpath=']);
    expect(complete('kubectl config cu')).toEqual(['current-context']);
  });

  it('completes object names and namespaces from the cluster', () => {
    expect(complete('kubectl get nodes ')).toEqual(['node1', 'node2']);
    expect(complete('kubectl describe node/n')).toEqual(['node/node1', 'node/node2']);
    expect(complete('kubectl get pods -n kube-')).toEqual(['kube-node-lease', 'kube-public', 'kube-system']);
    expect(complete('kubectl -n kube-system get pods etcd')).toEqual(['etcd-node1']);
  });

  it('offers no names, and prints nothing, when the cluster is unreachable', () => {
    const q = new Playground();
    expect(kubectl.complete!(req(q, 'kubectl get nodes '))).toEqual([]);
  });
});

describe('kubectl get at scale', () => {
  // Its speed (20 ms p95 of engine time) is measured by `npm run bench`, never by a timed test.
  it('lists 1,000 pods across namespaces, sorted by namespace then name', () => {
    const q = new Playground().init();
    for (let i = 999; i >= 0; i--) q.create('pods', { metadata: { name: `web-${String(i).padStart(4, '0')}`, namespace: 'default' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
    const lines = q.kubectl('get pods -A').stdout.split('\n');
    expect(lines).toHaveLength(1000 + 7 + 2);
    expect(lines[1]).toMatch(/^default\s+web-0000\s/);
    expect(lines[1000]).toMatch(/^default\s+web-0999\s/);
    expect(lines[1001]).toMatch(/^kube-system\s/);
  });
});
