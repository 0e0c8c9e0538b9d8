import { beforeAll, describe, expect, it } from 'vitest';
import { mustResolve, type Deployment } from '../../../../engine';
import { preloadCommands } from '../../../session/preload';
import { shellOn } from '../../../testing/harness';
import { LiveCluster } from '../testing/live';
import { unifiedHunks } from './unifiedDiff';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

// sed, the editor of these tests, is a lazily loaded command.
beforeAll(() => preloadCommands());

const deployment = (c: LiveCluster) => c.cluster.store.get<Deployment>(mustResolve('deployments'), 'default', 'web')!;

/** The lesson's declarative loop: generate a manifest, diff, apply, edit it, diff, apply. */
describe('kubectl diff', () => {
  it('shows what apply would create or change, with exit code 1 when there is a difference', async () => {
    const c = new LiveCluster();
    const sh = shellOn(c.world, 'node1');
    await sh.run('kubectl create deployment web --image=nginx --replicas=3 --dry-run=client -o yaml > web.yaml');
    const created = await sh.run('kubectl diff -f web.yaml');
    expect(created.exitCode).toBe(1);
    await golden('diff-new-deployment', created.stdout);
    expect((await sh.run('kubectl apply -f web.yaml')).stdout).toBe('deployment.apps/web created\n');
    c.advance(30_000);
    expect(await sh.run('kubectl diff -f web.yaml')).toMatchObject({ output: '', exitCode: 0 });
    await sh.run('sed -i "s/replicas: 3/replicas: 6/" web.yaml');
    const changed = await sh.run('kubectl diff -f web.yaml');
    expect(changed.exitCode).toBe(1);
    await golden('diff-replicas', changed.stdout);
    expect((await sh.run('kubectl diff -f web.yaml > /dev/null || kubectl apply -f web.yaml')).stdout).toBe('deployment.apps/web configured\n');
    expect(deployment(c).spec!.replicas).toBe(6);
  });

  it('a Service that does not exist yet shows the server\'s defaults and a dry-run ClusterIP that the real create does not depend on', async () => {
    const c = new LiveCluster();
    const sh = shellOn(c.world, 'node1');
    // Hand-written, as in the lessons: no type, no protocol, no targetPort.
    const manifest = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n';
    sh.writeFile('/root/svc.yaml', manifest);
    const created = await sh.run('kubectl diff -f svc.yaml');
    expect(created.exitCode).toBe(1);
    await golden('diff-new-service', created.stdout);
    const dryIp = /clusterIP: (\S+)/.exec(created.stdout)![1];
    // Without the dry run, the same world gives the created Service the same address it gets here.
    const other = new LiveCluster();
    const sh2 = shellOn(other.world, 'node1');
    sh2.writeFile('/root/svc.yaml', manifest);
    await sh.run('kubectl apply -f svc.yaml');
    await sh2.run('kubectl apply -f svc.yaml');
    const ip = (await sh.run('kubectl get svc web -o jsonpath={.spec.clusterIP}')).stdout;
    expect(ip).toBe((await sh2.run('kubectl get svc web -o jsonpath={.spec.clusterIP}')).stdout);
    expect(dryIp).toMatch(/^10\.(9[6-9]|10\d|11[01])\./);
    expect(await sh.run('kubectl diff')).toMatchObject({ stderr: "error: one of -f or -k must be specified\nSee 'kubectl diff -h' for help and examples\n", exitCode: 1 });
  });

  it('prints diff -u hunks: context of three lines, merged when close, counts of one left out', () => {
    const a = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n';
    expect(unifiedHunks(a, a)).toBe('');
    expect(unifiedHunks(a, a.replace('b\n', 'B\n').replace('l\n', 'L\n'))).toBe('@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -9,5 +9,5 @@\n i\n j\n k\n-l\n+L\n m\n');
    expect(unifiedHunks(a, a.replace('d\n', 'D\n').replace('j\n', 'J\n'))).toBe('@@ -1,13 +1,13 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n i\n-j\n+J\n k\n l\n m\n');
    expect(unifiedHunks('', 'x\n')).toBe('@@ -0,0 +1 @@\n+x\n');
    expect(unifiedHunks('x\n', '')).toBe('@@ -1 +0,0 @@\n-x\n');
  });
});

describe('kubectl edit', () => {
  it('opens $KUBE_EDITOR on the YAML and sends the change; unchanged files cancel', async () => {
    const c = new LiveCluster();
    const sh = shellOn(c.world, 'node1');
    await sh.run('kubectl create deployment web --image=nginx --replicas=2');
    const edited = await sh.run(`KUBE_EDITOR="sed -i 's/replicas: 2/replicas: 5/'" kubectl edit deployment/web`);
    expect(edited).toMatchObject({ stdout: 'deployment.apps/web edited\n', exitCode: 0 });
    expect(deployment(c).spec!.replicas).toBe(5);
    expect(await sh.run('EDITOR=true kubectl edit deploy web')).toMatchObject({ stderr: 'Edit cancelled, no changes made.\n', exitCode: 0 });
    expect(await sh.run(`KUBE_EDITOR="sed -i '/^[^#]/d'" kubectl edit deploy web`)).toMatchObject({ stderr: 'Edit cancelled, saved file was empty.\n', exitCode: 0 });
    expect(await sh.run('KUBE_EDITOR=false kubectl edit deploy web')).toMatchObject({ stderr: 'error: there was a problem with the editor "false"\n', exitCode: 1 });
    const renamed = await sh.run(`KUBE_EDITOR="sed -i 's/^  name: web/  name: other/'" kubectl edit deploy web`);
    expect(renamed.stderr).toMatch(/^A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: At least one of apiVersion, kind and name was changed\n$/);
  });

  it('reopens the file with the syntax error on top, as kubectl does', async () => {
    const c = new LiveCluster();
    const sh = shellOn(c.world, 'node1');
    await sh.run('kubectl create deployment web --image=nginx');
    // A scripted "editor": breaks the YAML the first time, then fixes it and changes the replicas.
    sh.writeFile('/root/fix.sh', [
      'if grep -q "syntax error" "$1"; then sed -i "s/^spec: \\[/spec:/; s/replicas: 1/replicas: 3/" "$1"; else sed -i "s/^spec:/spec: [/" "$1"; fi',
      'cp "$1" /root/last-seen.yaml',
    ].join('\n'));
    const r = await sh.run('KUBE_EDITOR="sh /root/fix.sh" kubectl edit deploy web');
    expect(r).toMatchObject({ stdout: 'deployment.apps/web edited\n', exitCode: 0 });
    expect(sh.readFile('/root/last-seen.yaml')).toMatch(/^# Please edit the object below\. .*\n#\n# The edited file had a syntax error: error converting YAML to JSON: yaml: line \d+: .*\n#\napiVersion: apps\/v1\n/s);
    expect(deployment(c).spec!.replicas).toBe(3);
  });
});

describe('kubectl patch', () => {
  it('strategic merge (the default, YAML accepted), merge and json patches', async () => {
    const c = new LiveCluster();
    c.kubectl('create deployment web --image=nginx --port=80');
    const strategy = c.kubectl(['patch', 'deployment', 'web', '-p', 'spec: { strategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: 3 } }, minReadySeconds: 10 }']);
    expect(strategy.stdout).toBe('deployment.apps/web patched\n');
    expect(deployment(c).spec).toMatchObject({ minReadySeconds: 10, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 3 } } });
    expect(c.kubectl(['patch', 'deploy', 'web', '-p', '{"spec":{"minReadySeconds":10}}']).stdout).toBe('deployment.apps/web patched (no change)\n');
    // Strategic merge keys containers by name: the port stays.
    c.kubectl(['patch', 'deploy', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}}']);
    expect(deployment(c).spec!.template.spec!.containers).toMatchObject([{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }]);
    // A merge patch replaces the list.
    c.kubectl(['patch', 'deploy', 'web', '--type=merge', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.24"}]}}}}']);
    expect(deployment(c).spec!.template.spec!.containers[0]!.ports).toBeUndefined();
    expect(c.kubectl(['patch', 'deploy', 'web', '--type=json', '-p', '[{"op": "replace", "path": "/spec/replicas", "value": 2}]']).stdout).toBe('deployment.apps/web patched\n');
    expect(deployment(c).spec!.replicas).toBe(2);
    expect(c.kubectl(['patch', 'deploy', 'web', '-p', '{"metadata":{"labels":{"app":null}}}']).exitCode).toBe(0);
    expect(deployment(c).metadata.labels).toBeUndefined();
    await golden('patch-errors', [
      ['patch', 'deploy', 'web'], ['patch', 'deploy', 'web', '-p', '{bad'], ['patch', 'deploy', 'web', '--type=xml', '-p', '{}'],
      ['patch', 'deploy', 'nope', '-p', '{}'], ['patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"remove","path":"/spec/nothing"}]'],
      ['patch', 'deploy', 'web', '--type=json', '-p', '{}'],
      ['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":-1}}'],
      ['patch', 'deploy', 'web', '--dry-run=server', '-p', '{"spec":{"selector":{"matchLabels":{"app":"other"}},"template":{"metadata":{"labels":{"app":"other"}}}}}'],
      ['patch', 'deploy', 'web', '--type=merge', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"web"}]}}}}'],
    ].map((l) => {
      const r = c.kubectl(l);
      return `$ kubectl ${l.join(' ')}\n${r.output}[exit ${r.exitCode}]\n`;
    }).join(''));
  });
});
