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

describe('kubectl completion for the pod verbs and config', () => {
  const p = new Playground().init().join();
  const complete = (line: string) => kubectl.complete!(req(p, line));

  it('logs, exec and port-forward complete pod names, or TYPE/NAME', () => {
    expect(complete('kubectl logs -n kube-system etcd')).toEqual(['etcd-node1']);
    expect(complete('kubectl exec -n kube-system kube-s')).toEqual(['kube-scheduler-node1']);
    expect(complete('kubectl port-forward -n kube-system svc/kube')).toEqual(['svc/kube-dns']);
    expect(complete('kubectl logs -n kube-system etcd-node1 ')).toEqual([]);
  });

  it('config subcommands include the context editors', () => {
    expect(complete('kubectl config get-')).toEqual(['get-clusters', 'get-contexts', 'get-users']);
    expect(complete('kubectl config re')).toEqual(['rename-context']);
  });
});
