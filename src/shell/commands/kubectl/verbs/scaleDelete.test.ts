import { describe, expect, it } from 'vitest';
import { mustResolve, type Deployment, type Pod, type ReplicaSet } from '../../../../engine';
import { LiveCluster } from '../testing/live';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

const PODS = mustResolve('pods');
const pods = (c: LiveCluster) => c.cluster.store.list<Pod>(PODS, { namespace: 'default' });

function web(replicas = 3): LiveCluster {
  const c = new LiveCluster();
  c.kubectl(`create deployment web --image=nginx --replicas=${replicas}`);
  c.advance(30_000);
  return c;
}

describe('kubectl scale', () => {
  it('sets the replicas; the controllers bring the pods to that number', () => {
    const c = web();
    expect(c.kubectl('scale deployment web --replicas=6')).toMatchObject({ stdout: 'deployment.apps/web scaled\n', exitCode: 0 });
    c.advance(30_000);
    expect(c.cluster.store.get<Deployment>(mustResolve('deployments'), 'default', 'web')!.status).toMatchObject({ replicas: 6, readyReplicas: 6 });
    expect(c.kubectl('scale --current-replicas=6 --replicas=2 deploy/web').stdout).toBe('deployment.apps/web scaled\n');
    c.advance(60_000);
    expect(pods(c)).toHaveLength(2);
    const rs = c.cluster.store.list<ReplicaSet>(mustResolve('replicasets'), { namespace: 'default' })[0]!;
    expect(c.kubectl(`scale rs ${rs.metadata.name} --replicas=2 --dry-run=client`).stdout).toBe(`replicaset.apps/${rs.metadata.name} scaled (dry run)\n`);
    expect(c.kubectl('scale deploy -l app=web --replicas=3 -o name').stdout).toBe('deployment.apps/web\n');
  });

  it('errors as kubectl prints them', async () => {
    const c = web();
    c.kubectl('run pingpong --image=alpine');
    await golden('scale-errors', ['scale deploy web', 'scale deploy web --replicas=-1', 'scale --replicas=2', 'scale deploy nope --replicas=2',
      'scale pod pingpong --replicas=2', 'scale deploy web --replicas=5 --current-replicas=2', 'scale deploy -l app=nope --replicas=1',
      'scale deploy web --replicas=1 --resource-version=1',
    ].map((l) => {
      const r = c.kubectl(l);
      return `$ kubectl ${l}\n${r.output}[exit ${r.exitCode}]\n`;
    }).join(''));
  });
});

describe('kubectl delete', () => {
  it('a pod of a deployment: waits while it terminates, then the replica set has made another', () => {
    const c = web();
    const victim = pods(c)[0]!.metadata.name;
    const r = c.kubectl(`delete pod ${victim}`);
    expect(r).toMatchObject({ stdout: `pod "${victim}" deleted\n`, exitCode: 0 });
    // kubectl returned once the pod was gone, after its graceful termination.
    expect(r.elapsedMs).toBeGreaterThan(100);
    expect(pods(c).map((p) => p.metadata.name)).not.toContain(victim);
    expect(pods(c)).toHaveLength(3);
  });

  it('--wait=false returns at once and leaves the pod Terminating; --now and --force shorten the grace period', () => {
    const c = web();
    const [a, b, d] = pods(c).map((p) => p.metadata.name);
    expect(c.kubectl(`delete pod ${a} --wait=false`)).toMatchObject({ stdout: `pod "${a}" deleted\n`, elapsedMs: 3 });
    expect(c.kubectl('get pods').stdout).toMatch(new RegExp(`${a} +1/1 +Terminating`));
    const now = c.kubectl(`delete pod ${b} --now`);
    expect(now.stdout).toBe(`pod "${b}" deleted\n`);
    const forced = c.kubectl(`delete pod ${d} --force`);
    expect(forced.output).toBe(`Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "${d}" force deleted\n`);
    expect(c.cluster.store.get(PODS, 'default', d!)).toBeUndefined();
  });

  it('--cascade=orphan keeps the replica set and its pods; background (the default) takes them along', () => {
    const c = web();
    expect(c.kubectl('delete deployment web --cascade=orphan').stdout).toBe('deployment.apps "web" deleted\n');
    c.advance(10_000);
    const rs = c.cluster.store.list<ReplicaSet>(mustResolve('replicasets'), { namespace: 'default' });
    expect(rs).toHaveLength(1);
    expect(rs[0]!.metadata.ownerReferences).toBeUndefined();
    expect(pods(c)).toHaveLength(3);
    expect(c.kubectl(`delete rs ${rs[0]!.metadata.name}`).exitCode).toBe(0);
    c.advance(60_000);
    expect(pods(c)).toHaveLength(0);
  });

  it('-l, --all, --ignore-not-found and the errors', async () => {
    const c = web();
    c.kubectl('run one --image=alpine --labels=tier=x');
    c.kubectl('run two --image=alpine --labels=tier=x');
    c.advance(20_000);
    expect(c.kubectl('delete pods -l tier=x').stdout).toBe('pod "one" deleted\npod "two" deleted\n');
    expect(c.kubectl('delete pod nope --ignore-not-found')).toMatchObject({ output: '', exitCode: 0 });
    await golden('delete-errors', ['delete', 'delete pods', 'delete pod nope', 'delete pod one -l tier=x', 'delete pod x --cascade=sometimes',
      'delete deploy web --cascade=false', 'delete pods -l tier=nothing',
    ].map((l) => {
      const r = c.kubectl(l);
      return `$ kubectl ${l}\n${r.output}[exit ${r.exitCode}]\n`;
    }).join(''));
    expect(c.kubectl('delete all --all').exitCode).toBe(0);
  });
});
