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
  it('lists 1,000 pods across namespaces well within the engine-time budget', () => {
    const q = new Playground().init();
    for (let i = 0; i < 1000; i++) q.create('pods', { metadata: { name: `web-${String(i).padStart(4, '0')}`, namespace: 'default' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
    const start = performance.now();
    const r = q.kubectl('get pods -A');
    const ms = performance.now() - start;
    expect(r.stdout.split('\n')).toHaveLength(1000 + 7 + 2);
    // The budget (20 ms p95) is measured by the bench script; this only guards against a gross regression.
    expect(ms).toBeLessThan(500);
  });
});
