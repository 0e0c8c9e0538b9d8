import { describe, expect, it } from 'vitest';
import { mustResolve, type Deployment, type Pod } from '../../../../engine';
import { LiveCluster } from '../testing/live';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

const STATUS_LINE = /^(Waiting for deployment spec update to be observed\.\.\.|Waiting for deployment "web" rollout to finish: (\d+ out of \d+ new replicas have been updated|\d+ old replicas are pending termination|\d+ of \d+ updated replicas are available)\.\.\.|deployment "web" successfully rolled out)$/;

/** A 4-replica nginx deployment, rolled out and settled. */
function web(): LiveCluster {
  const c = new LiveCluster();
  c.kubectl('create deployment web --image=nginx:1.24 --replicas=4');
  c.advance(30_000);
  return c;
}

const deploymentOf = (c: LiveCluster) => c.cluster.store.get<Deployment>(mustResolve('deployments'), 'default', 'web')!;
const imagesOf = (c: LiveCluster) => c.cluster.store.list<Pod>(mustResolve('pods'), { namespace: 'default' })
  .filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec!.containers[0]!.image);

describe('kubectl set image and rollout', () => {
  it('set image starts a rolling update; rollout status follows it on the virtual clock until it is done', () => {
    const c = web();
    expect(c.kubectl('set image deployment/web nginx=nginx:1.25')).toMatchObject({ stdout: 'deployment.apps/web image updated\n', exitCode: 0 });
    const status = c.kubectl('rollout status deployment/web');
    const lines = status.stdout.trimEnd().split('\n');
    expect(status.exitCode).toBe(0);
    for (const line of lines) expect(line).toMatch(STATUS_LINE);
    expect(lines).toContain('Waiting for deployment "web" rollout to finish: 2 out of 4 new replicas have been updated...');
    expect(lines.at(-1)).toBe('deployment "web" successfully rolled out');
    // The rollout took virtual time: new pods had to start before old ones went.
    expect(status.elapsedMs).toBeGreaterThan(1_000);
    expect(imagesOf(c)).toEqual(['nginx:1.25', 'nginx:1.25', 'nginx:1.25', 'nginx:1.25']);
    expect(c.kubectl('rollout status deploy web').stdout).toBe('deployment "web" successfully rolled out\n');
    expect(c.kubectl('set image deployment/web nginx=nginx:1.25')).toMatchObject({ stdout: '', exitCode: 0 });
  });

  it('history lists revisions with their change cause; --revision shows one template; undo goes back', async () => {
    const c = web();
    c.kubectl(['annotate', 'deployment', 'web', 'kubernetes.io/change-cause=nginx 1.24']);
    c.advance(1_000);
    c.kubectl('set image deploy/web nginx=nginx:1.25 --record');
    c.advance(60_000);
    await golden('rollout-history', c.kubectl('rollout history deployment/web').stdout);
    await golden('rollout-history-revision', c.kubectl('rollout history deployment/web --revision=1').stdout);
    expect(c.kubectl('rollout undo deployment/web')).toMatchObject({ stdout: 'deployment.apps/web rolled back\n', exitCode: 0 });
    expect(c.kubectl('rollout status deployment/web --timeout=5m').exitCode).toBe(0);
    expect(imagesOf(c)).toEqual(['nginx:1.24', 'nginx:1.24', 'nginx:1.24', 'nginx:1.24']);
    // Revision 1 came back as revision 3, with its change cause.
    expect(c.kubectl('rollout history deploy/web').stdout).toMatch(/^deployment\.apps\/web \nREVISION {2}CHANGE-CAUSE\n2 +kubectl set image deploy\/web nginx=nginx:1\.25 --record=true\n3 +nginx 1\.24\n\n$/);
    expect(deploymentOf(c).metadata.annotations?.['kubernetes.io/change-cause']).toBe('nginx 1.24');
    expect(c.kubectl('rollout undo deployment/web --to-revision=3').stdout).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n');
  });

  it('restart replaces every pod; pause holds template changes until resume', () => {
    const c = web();
    const before = c.cluster.store.list(mustResolve('pods'), { namespace: 'default' }).map((p) => p.metadata.name);
    expect(c.kubectl('rollout restart deployment/web').stdout).toBe('deployment.apps/web restarted\n');
    expect(deploymentOf(c).spec!.template.metadata!.annotations!['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    c.advance(60_000);
    const after = c.cluster.store.list(mustResolve('pods'), { namespace: 'default' }).map((p) => p.metadata.name);
    expect(after).toHaveLength(4);
    expect(after.filter((n) => before.includes(n))).toEqual([]);
    expect(c.kubectl('rollout pause deployment/web').stdout).toBe('deployment.apps/web paused\n');
    c.kubectl('set image deploy/web nginx=nginx:1.25');
    c.advance(30_000);
    expect(imagesOf(c)).not.toContain('nginx:1.25');
    expect(c.kubectl('rollout status deploy/web --timeout=3s')).toMatchObject({ exitCode: 1, stderr: 'error: timed out waiting for the condition\n' });
    expect(c.kubectl('rollout resume deployment/web').stdout).toBe('deployment.apps/web resumed\n');
    expect(c.kubectl('rollout status deploy/web').exitCode).toBe(0);
    expect(imagesOf(c)).toEqual(['nginx:1.25', 'nginx:1.25', 'nginx:1.25', 'nginx:1.25']);
  });

  it('daemon sets have a status and a history too', async () => {
    const c = new LiveCluster();
    expect(c.kubectl('rollout status ds/weave-net -n kube-system').stdout).toBe('daemon set "weave-net" successfully rolled out\n');
    await golden('rollout-history-daemonset', c.kubectl('rollout history daemonset weave-net -n kube-system').stdout);
  });

  it('errors as kubectl prints them', async () => {
    const c = web();
    c.kubectl('run pingpong --image=alpine');
    const lines = [
      'rollout', 'rollout bogus', 'rollout status', 'rollout status pod/pingpong', 'rollout history pod/pingpong', 'rollout undo pod/pingpong',
      'rollout restart pod/pingpong', 'rollout pause deploy/nope', 'rollout resume deploy/web', 'rollout undo deploy/web', 'rollout undo deploy/web --to-revision=7',
      'rollout history deploy/web --revision=9', 'rollout pause deploy/web', 'rollout pause deploy/web', 'rollout undo deploy/web', 'rollout restart deploy/web',
      'rollout status deploy/web --timeout=soon', 'set', 'set bogus', 'set image deploy/web', 'set image deploy/web nope=x', 'set image svc/kubernetes x=y',
      'set image deploy/web nginx', 'set env deploy/web',
    ];
    await golden('rollout-errors', lines.map((l) => {
      const r = c.kubectl(l);
      return `$ kubectl ${l}\n${r.output}[exit ${r.exitCode}]\n`;
    }).join(''));
  });

  it('set env adds, changes, removes and lists variables', () => {
    const c = web();
    expect(c.kubectl('set env deployment/web COLOR=blue SIZE=2').stdout).toBe('deployment.apps/web env updated\n');
    expect(c.kubectl('set env deployment/web COLOR=green SIZE-').stdout).toBe('deployment.apps/web env updated\n');
    expect(c.kubectl('set env deployment/web --list').stdout).toBe('# Deployment web, container nginx\nCOLOR=green\n');
  });
});
