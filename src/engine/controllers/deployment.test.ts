import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import { deployment } from '../testing/fixtures';
import type { Deployment, Pod, ReplicaSet } from '../api/types';
import { NAME_ALPHABET } from '../api/names';

const dep = (t: TestCluster, name = 'web') => t.get<Deployment>('deploy', name)!;
const replicaSets = (t: TestCluster) => t.list<ReplicaSet>('rs', 'default');

/** `web-7c8bbcd9bc 3/3/3`: name, spec replicas / status replicas / available, as a quick picture. */
function rsLine(rs: ReplicaSet): string {
  return `${rs.metadata?.name} ${rs.spec?.replicas}/${rs.status?.replicas ?? 0}/${rs.status?.availableReplicas ?? 0}`;
}

describe('deployment controller', () => {
  it('creates a ReplicaSet web-<hash> and pods web-<hash>-<5>, and reports a finished rollout', () => {
    const t = TestCluster.create();
    t.create(deployment('web', { image: 'nginx:1.25', replicas: 3 }));
    const [rs] = replicaSets(t);
    const hash = rs!.metadata.labels?.['pod-template-hash'];
    expect(hash).toMatch(/^[4-9bcdf]{9,10}$/);
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.spec?.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    for (const p of t.pods()) expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[${NAME_ALPHABET}]{5}$`));
    expect(dep(t).metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(dep(t).status?.conditions?.map((c) => `${c.type} ${c.status} ${c.reason}`)).toEqual([
      'Available False MinimumReplicasUnavailable', 'Progressing True ReplicaSetUpdated',
    ]);
    t.advance('5s');
    const d = dep(t);
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status?.unavailableReplicas).toBeUndefined();
    expect(d.status?.conditions?.map((c) => `${c.type} ${c.status} ${c.reason}: ${c.message}`)).toEqual([
      'Available True MinimumReplicasAvailable: Deployment has minimum availability.',
      `Progressing True NewReplicaSetAvailable: ReplicaSet "web-${hash}" has successfully progressed.`,
    ]);
    expect(t.events({ resource: 'deploy', name: 'web' })).toEqual([`Normal ScalingReplicaSet deployment-controller Scaled up replica set web-${hash} to 3`]);
  });

  it('applies the API server defaults to what it stores', () => {
    const t = TestCluster.create();
    t.create(deployment('web', { image: 'nginx' }));
    const spec = dep(t).spec!;
    expect(spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.progressDeadlineSeconds).toBe(600);
    expect(spec.template.spec).toMatchObject({
      dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30,
    });
    expect(spec.template.spec?.containers[0]).toMatchObject({ imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} });
    const p = t.pods()[0]!;
    expect(p.spec).toMatchObject({ enableServiceLinks: true, priority: 0, serviceAccountName: 'default', preemptionPolicy: 'PreemptLowerPriority' });
    expect(p.spec?.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });

  it('rolls out a new image within maxSurge and maxUnavailable at every step', async () => {
    const t = TestCluster.create({ kubelet: { startMs: 2000, stopMs: 1000, jitterMs: 3000 } });
    t.create(deployment('web', { image: 'nginx:1.24', replicas: 10 }));
    t.advance('10s');
    // 25% of 10: surge rounds up to 3, unavailable rounds down to 2.
    const violations: string[] = [];
    const timeline: string[] = [];
    let lastState = '';
    t.store.watch(() => {
      const rss = replicaSets(t);
      const total = rss.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
      const ready = t.pods().filter((p) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
      if (total > 13) violations.push(`${t.world.now()}: ${total} replicas wanted`);
      if (ready < 8) violations.push(`${t.world.now()}: only ${ready} ready`);
      const state = rss.map(rsLine).join('  ');
      if (state !== lastState) timeline.push(`${(t.world.now() / 1000).toFixed(3).padStart(7)}s  ${state}`);
      lastState = state;
    });
    t.setImage('deploy', 'web', 'nginx:1.25');
    t.advance('60s');
    expect(violations).toEqual([]);
    const rss = replicaSets(t);
    expect(rss).toHaveLength(2);
    const newRS = rss.find((rs) => rs.spec?.template?.spec?.containers[0]?.image === 'nginx:1.25')!;
    const oldRS = rss.find((rs) => rs !== newRS)!;
    expect(rsLine(newRS)).toBe(`${newRS.metadata.name} 10/10/10`);
    expect(rsLine(oldRS)).toBe(`${oldRS.metadata.name} 0/0/0`);
    expect(newRS.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(dep(t).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(t.pods().every((p) => p.spec?.containers[0]?.image === 'nginx:1.25')).toBe(true);
    expect(dep(t).status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
    await expect([
      '# kubectl set image deployment/web nginx=nginx:1.25 on 10 replicas (maxSurge 3, maxUnavailable 2)',
      '# virtual time  ReplicaSet spec/status/available ...',
      ...timeline,
      '',
      '# kubectl describe deployment web: Events',
      ...t.events({ resource: 'deploy', name: 'web' }),
      '',
    ].join('\n')).toMatchFileSnapshot('./rollingUpdate.golden.txt');
  });

  it('Recreate scales the old ReplicaSet to zero and waits for its pods to be gone', () => {
    const t = TestCluster.create({ kubelet: { stopMs: 5000 } });
    t.create(deployment('web', { image: 'redis:6', replicas: 2, strategy: 'Recreate' }));
    t.advance('5s');
    t.setImage('deploy', 'web', 'redis:7');
    const newRS = () => replicaSets(t).find((rs) => rs.spec?.template?.spec?.containers[0]?.image === 'redis:7');
    expect(newRS()).toBeUndefined();
    t.advance('4s');
    expect(newRS()).toBeUndefined();
    expect(t.podLines().every((l) => l.includes('Terminating'))).toBe(true);
    t.advance('2s');
    expect(newRS()?.spec?.replicas).toBe(2);
    t.advance('5s');
    expect(t.pods().map((p) => p.spec?.containers[0]?.image)).toEqual(['redis:7', 'redis:7']);
  });

  it('scales proportionally in the middle of a rollout', () => {
    const t = TestCluster.create();
    t.create(deployment('web', { image: 'nginx:1.24', replicas: 10 }));
    t.advance('10s');
    t.kubelet.brokenImages.add('nginx:broken');
    t.setImage('deploy', 'web', 'nginx:broken');
    t.advance('10s');
    // Stuck: the new pods never get ready. Old 8, new 5 (13 = 10 + surge 3).
    expect(replicaSets(t).map((rs) => rs.spec?.replicas).sort()).toEqual([5, 8]);
    t.scale('deploy', 'web', 20);
    // 20 + 5 surge = 25 shared in proportion: 8 → 15, 5 → 10 (rounded, leftovers to the largest).
    expect(replicaSets(t).map((rs) => rs.spec?.replicas).sort((a, b) => a! - b!)).toEqual([10, 15]);
  });

  it('marks a rollout that makes no progress for progressDeadlineSeconds', () => {
    const t = TestCluster.create();
    t.create(deployment('web', { image: 'nginx:1.24', replicas: 2, progressDeadlineSeconds: 60 }));
    t.advance('10s');
    t.kubelet.brokenImages.add('nginx:broken');
    t.setImage('deploy', 'web', 'nginx:broken');
    t.advance('30s');
    expect(dep(t).status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    t.advance('40s');
    const progressing = dep(t).status?.conditions?.find((c) => c.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(progressing?.message).toMatch(/^ReplicaSet "web-[4-9bcdf]+" has timed out progressing\.$/);
  });

  it('reuses the old ReplicaSet on rollback, under a new revision', () => {
    const t = TestCluster.create();
    t.create(deployment('web', { image: 'nginx:1.24', replicas: 2 }));
    t.advance('10s');
    const first = replicaSets(t)[0]!.metadata.name;
    t.setImage('deploy', 'web', 'nginx:1.25');
    t.advance('30s');
    t.setImage('deploy', 'web', 'nginx:1.24');
    t.advance('30s');
    const rs = t.get<ReplicaSet>('rs', first)!;
    expect(rs.spec?.replicas).toBe(2);
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(replicaSets(t)).toHaveLength(2);
  });

  it('keeps revisionHistoryLimit old ReplicaSets', () => {
    const t = TestCluster.create();
    t.create(deployment('web', { image: 'app:1', replicas: 1, revisionHistoryLimit: 2 }));
    for (const v of [2, 3, 4, 5]) {
      t.advance('10s');
      t.setImage('deploy', 'web', `app:${v}`);
    }
    t.advance('30s');
    const images = replicaSets(t).map((rs) => rs.spec?.template?.spec?.containers[0]?.image).sort();
    expect(images).toEqual(['app:3', 'app:4', 'app:5']);
  });

  it('pauses and resumes', () => {
    const t = TestCluster.create();
    t.create(deployment('web', { image: 'app:1', replicas: 2 }));
    t.advance('10s');
    t.edit<Deployment>('deploy', 'web', (d) => {
      d.spec!.paused = true;
    });
    t.setImage('deploy', 'web', 'app:2');
    t.advance('10s');
    expect(replicaSets(t)).toHaveLength(1);
    expect(dep(t).status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    t.edit<Deployment>('deploy', 'web', (d) => {
      d.spec!.paused = false;
    });
    t.advance('30s');
    expect(t.pods().map((p) => p.spec?.containers[0]?.image)).toEqual(['app:2', 'app:2']);
  });

  it('is deleted with its ReplicaSets and pods by the garbage collector', () => {
    const t = TestCluster.create();
    t.create(deployment('web', { replicas: 2 }));
    t.advance('5s');
    t.delete('deploy', 'web');
    expect(replicaSets(t)).toEqual([]);
    expect(t.podLines().every((l) => l.includes('Terminating'))).toBe(true);
    t.advance('5s');
    expect(t.pods()).toEqual([] as Pod[]);
  });
});
