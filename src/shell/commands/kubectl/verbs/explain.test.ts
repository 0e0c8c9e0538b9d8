import { describe, expect, it } from 'vitest';
import type { CompletionRequest, Environment } from '../../../types';
import { kubectl } from '../index';
import { Playground } from '../testing/playground';
import { EXPLAINED, type Field } from './explainData';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

describe('kubectl explain', () => {
  it('a kind, a field, an enum field, a tree (v1.27 layout)', async () => {
    const p = new Playground().init();
    await golden('explain-pods', p.kubectl('explain pods').stdout);
    await golden('explain-pod-spec-containers', p.kubectl('explain pod.spec.containers').stdout);
    await golden('explain-deployment-strategy', p.kubectl('explain deploy.spec.strategy').stdout);
    await golden('explain-restart-policy', p.kubectl('explain po.spec.restartPolicy').stdout);
    await golden('explain-service-recursive', p.kubectl('explain svc --recursive').stdout);
  });

  it('documents every kind the lessons name, each field with a type and words', () => {
    const p = new Playground().init();
    for (const name of ['pod', 'deployment', 'service', 'replicaset', 'daemonset', 'namespace', 'node', 'configmap', 'secret', 'job']) {
      const r = p.kubectl(`explain ${name}`);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).not.toContain('only documents its common fields');
    }
    const check = (fields: Readonly<Record<string, Field>>, path: string) => {
      for (const [name, f] of Object.entries(fields)) {
        expect(f.type, `${path}.${name}`).not.toBe('');
        expect(f.description.length, `${path}.${name}`).toBeGreaterThan(8);
        if (f.fields) check(f.fields, `${path}.${name}`);
      }
    };
    for (const k of EXPLAINED) check(k.fields, k.kind);
  });

  it('errors as kubectl prints them', () => {
    const p = new Playground().init();
    expect(p.kubectl('explain pod.spec.nope')).toMatchObject({ stderr: 'error: field "nope" does not exist\n', exitCode: 1 });
    expect(p.kubectl('explain nope')).toMatchObject({ stderr: 'error: the server doesn\'t have a resource type "nope"\n', exitCode: 1 });
    expect(p.kubectl('explain').stderr).toBe('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl explain -h\' for help and examples\n');
    expect(p.kubectl('explain ingress').stdout).toMatch(/^GROUP: {6}networking\.k8s\.io\nKIND: {7}Ingress\nVERSION: {4}v1\n/);
  });
});

describe('completion of the write verbs', () => {
  const p = new Playground().init().join();
  p.kubectl('create deployment web --image=nginx');
  const complete = (line: string) => {
    const words = line.split(' ');
    const current = words.pop()!;
    const vars = new Map(Object.entries(p.node1.loginEnv));
    const req: CompletionRequest = { words, current, cwd: '/root', host: p.node1, world: p.world, env: { get: (n: string) => vars.get(n) } as unknown as Environment };
    return kubectl.complete!(req);
  };

  it('verbs, subcommands, types and names after them, flags and their values', () => {
    expect(complete('kubectl roll')).toEqual(['rollout']);
    expect(complete('kubectl rollout ')).toEqual(['history', 'pause', 'restart', 'resume', 'status', 'undo']);
    expect(complete('kubectl rollout status depl')).toEqual(['deploy', 'deployment', 'deployments']);
    expect(complete('kubectl rollout undo deployment ')).toEqual(['web']);
    expect(complete('kubectl rollout restart deploy/')).toEqual(['deploy/web']);
    expect(complete('kubectl set i')).toEqual(['image']);
    expect(complete('kubectl set image deployment w')).toEqual(['web']);
    expect(complete('kubectl create se')).toEqual(['secret', 'service']);
    expect(complete('kubectl create service ')).toEqual(['clusterip', 'loadbalancer', 'nodeport']);
    expect(complete('kubectl scale deployment ')).toEqual(['web']);
    expect(complete('kubectl scale deploy web --rep')).toEqual(['--replicas']);
    expect(complete('kubectl expose deploy web --type ')).toEqual(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
    expect(complete('kubectl delete deploy web --cascade=')).toEqual(['--cascade=background', '--cascade=orphan', '--cascade=foreground']);
    expect(complete('kubectl explain po')).toEqual(['po', 'pod', 'poddisruptionbudget', 'poddisruptionbudgets', 'pods', 'podtemplate', 'podtemplates']);
    expect(complete('kubectl run x --restart ')).toEqual(['Always', 'OnFailure', 'Never']);
  });
});
