import { describe, expect, it } from 'vitest';
import { base64Decode, mustResolve, type ConfigMap, type Deployment, type Secret } from '../../../../engine';
import { Playground } from '../testing/playground';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

/** `$ kubectl ...`, what it printed (both streams) and its exit code, for each line. */
function transcript(p: Playground, lines: readonly (string | readonly string[])[]): string {
  return lines.map((l) => {
    const r = p.kubectl(l);
    return `$ kubectl ${typeof l === 'string' ? l : l.join(' ')}\n${r.output}[exit ${r.exitCode}]\n`;
  }).join('');
}

describe('kubectl create (generators)', () => {
  it('prints what it would create, field for field as kubectl does', async () => {
    const p = new Playground().init();
    p.node1.fs.writeFile('/root/index.html', 'hello\n');
    p.node1.fs.writeFile('/root/app.env', 'A=1\n# a comment\n\nB=two\n');
    await golden('create-dry-run', transcript(p, [
      ['create', 'deployment', 'web', '--image=nginx', '--port=80', '--replicas=3', '--dry-run=client', '-o', 'yaml', '--', 'sleep', '10'],
      'create service nodeport web --tcp=80:8080 --dry-run=client -o yaml',
      'create service nodeport web --tcp=80 --node-port=30080 --dry-run=client -o yaml',
      'create service clusterip web --clusterip=None --dry-run=client -o yaml',
      'create svc clusterip web --tcp=80:8080 --tcp=443 --dry-run=client -o json',
      'create configmap settings --from-literal=color=blue --from-file=index.html --dry-run=client -o yaml',
      'create configmap env --from-env-file=app.env --dry-run=client -o yaml',
      'create secret generic s --from-literal=password=hunter2 --dry-run=client -o yaml',
      'create secret generic s --from-literal=a=b --type=Opaque --dry-run=client -o json',
      ['create', 'job', 'hello', '--image=busybox', '--dry-run=client', '-o', 'yaml', '--', 'echo', 'hi'],
      'create job hello --image=busybox --dry-run=client -o json',
      'create namespace blue --dry-run=client -o yaml',
      'create deployment web --image=nginx -o name --dry-run=client',
    ]));
  });

  it('creates the objects (`<kind>/<name> created`), each readable as kubectl wrote it', () => {
    const p = new Playground().init();
    expect(p.kubectl(['create', 'deployment', 'pingpong', '--image=alpine', '--', 'ping', '127.0.0.1']).stdout).toBe('deployment.apps/pingpong created\n');
    const d = p.store.get<Deployment>(mustResolve('deployments'), 'default', 'pingpong')!;
    expect(d.spec!.template.spec!.containers[0]).toMatchObject({ name: 'alpine', command: ['ping', '127.0.0.1'] });
    expect(p.kubectl('create service nodeport webui --tcp=80').stdout).toBe('service/webui created\n');
    expect(p.kubectl('create configmap c --from-literal=a=b').stdout).toBe('configmap/c created\n');
    expect(p.store.get<ConfigMap>(mustResolve('configmaps'), 'default', 'c')!.data).toEqual({ a: 'b' });
    expect(p.kubectl('create secret generic s --from-literal=a=b').stdout).toBe('secret/s created\n');
    expect(base64Decode(p.store.get<Secret>(mustResolve('secrets'), 'default', 's')!.data!.a!)).toBe('b');
    expect(p.kubectl('create job j --image=busybox').stdout).toBe('job.batch/j created\n');
    expect(p.kubectl('create ns blue').stdout).toBe('namespace/blue created\n');
    expect(p.kubectl('create deployment web --image=nginx -n blue').stdout).toBe('deployment.apps/web created\n');
    expect(p.store.get(mustResolve('deployments'), 'blue', 'web')).toBeDefined();
  });

  it('errors as kubectl prints them', async () => {
    const p = new Playground().init();
    p.kubectl('create deployment web --image=nginx');
    p.kubectl('create service clusterip web --tcp=80');
    p.kubectl('create configmap c --from-literal=a=b');
    p.kubectl('create secret generic s --from-literal=a=b');
    p.kubectl('create job j --image=busybox');
    p.kubectl('create ns blue');
    await golden('create-errors', transcript(p, [
      'create', 'create deployment', 'create deployment web', 'create deployment web --image=nginx', 'create deployment Web --image=nginx',
      'create service', 'create service clusterip', 'create service clusterip x', 'create service clusterip x --tcp=abc', 'create service bogus x',
      'create service clusterip web --tcp=80', 'create service nodeport UPPER --tcp=80',
      'create configmap c --from-literal=a=b', 'create configmap d --from-literal=a', 'create configmap d --from-literal=a=1 --from-literal=a=2',
      'create configmap d --from-file=nope.txt', 'create configmap d --from-env-file=x --from-literal=a=b',
      'create secret', 'create secret generic s --from-literal=a=b', 'create secret tls x',
      'create job j --image=busybox', 'create job k', 'create ns blue', 'create ns blue -n kube-system --dry-run=server',
      'create deployment other --image=nginx -n nowhere', 'create cronjob x', 'create deployment x --image=nginx -o wide',
    ]));
  });

  it('--dry-run=server checks with the API server without creating anything', () => {
    const p = new Playground().init();
    expect(p.kubectl('create deployment web --image=nginx --dry-run=server').stdout).toBe('deployment.apps/web created (server dry run)\n');
    expect(p.store.get(mustResolve('deployments'), 'default', 'web')).toBeUndefined();
    expect(p.kubectl('create deployment web --image=nginx --dry-run=bogus').stderr).toBe('error: Invalid dry-run value (bogus). Must be "none", "server", or "client".\n');
  });
});
