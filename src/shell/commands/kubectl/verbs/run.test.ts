import { describe, expect, it } from 'vitest';
import { mustResolve, type Pod, type Service } from '../../../../engine';
import { Playground } from '../testing/playground';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

describe('kubectl run', () => {
  it('prints the pod it would create, as kubectl v1.27 does (args, or command with --command)', async () => {
    const p = new Playground().init();
    await golden('run-pingpong-dry-run', p.kubectl(['run', 'pingpong', '--image', 'alpine', '--dry-run=client', '-o', 'yaml', '--', 'ping', '1.1.1.1']).stdout);
    await golden('run-options-dry-run', p.kubectl([
      'run', 'web', '--image=nginx', '--port=80', '--labels=a=b,c=d', '--env=X=1', '--restart=Never', '--command', '--dry-run=client', '-o', 'yaml', '--', 'sh', '-c', 'x',
    ]).stdout);
    await golden('run-json-dry-run', p.kubectl('run p --image=x --restart=OnFailure --dry-run=client -o json').stdout);
    await golden('run-expose-dry-run', p.kubectl('run p --image=x --expose --port=80 --dry-run=client -o yaml').stdout);
    expect(p.kubectl('run p --image=x --dry-run=client').stdout).toBe('pod/p created (dry run)\n');
    expect(p.kubectl('run p --image=x --dry-run=client -o name').stdout).toBe('pod/p\n');
  });

  it('creates only a pod, labelled run=NAME; --expose adds its service first', () => {
    const p = new Playground().init();
    expect(p.kubectl(['run', 'pingpong', '--image', 'alpine', '--', 'ping', '1.1.1.1'])).toMatchObject({ stdout: 'pod/pingpong created\n', exitCode: 0 });
    const pod = p.store.get<Pod>(mustResolve('pods'), 'default', 'pingpong')!;
    expect(pod.metadata.labels).toEqual({ run: 'pingpong' });
    expect(pod.spec!.containers[0]).toMatchObject({ name: 'pingpong', image: 'alpine', args: ['ping', '1.1.1.1'] });
    expect(p.store.list(mustResolve('deployments'))).toHaveLength(0);
    expect(p.kubectl('run web --image=nginx --port=80 --expose').stdout).toBe('service/web created\npod/web created\n');
    expect(p.store.get<Service>(mustResolve('services'), 'default', 'web')!.spec).toMatchObject({ selector: { run: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] });
  });

  it('errors as kubectl prints them', async () => {
    const p = new Playground().init();
    p.kubectl('run pingpong --image=alpine');
    const lines = [
      'run', 'run x', 'run p --image=alpine --restart=Bogus', 'run p --image=alpine --port=abc', 'run p --image=x --env=FOO',
      'run p --image=x --labels=bad', 'run p --image=x --expose', 'run p --image=x --replicas=3', 'run pingpong --image=alpine', 'run Bad_Name --image=x',
      'run p --image=x -o wide',
    ];
    const out = lines.map((l) => {
      const r = p.kubectl(l);
      return `$ kubectl ${l}\n${r.stderr}[exit ${r.exitCode}]\n`;
    }).join('');
    await golden('run-errors', out);
  });
});
