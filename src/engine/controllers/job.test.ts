import { describe, expect, it } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import type { PodSpec } from 'kubernetes-types/core/v1';
import { mustResolve } from '../api/resources';
import { NAME_ALPHABET } from '../api/names';
import type { Stored } from '../api/types';
import { PodPlayground } from '../pods/testing/pods';
import { podLogs } from '../pods/access';

const JOBS = mustResolve('jobs');
const PODS = mustResolve('pods');

function createJob(t: PodPlayground, name: string, command: string[], spec: Partial<Job['spec']> = {}, pod: Partial<PodSpec> = {}): Stored<Job> {
  const created = t.cluster.store.create<Job>(JOBS, {
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name, image: 'busybox', command }], ...pod } }, ...spec },
  }, 'user:kubectl');
  if (!created.ok) throw new Error(created.error.message);
  t.world.settle();
  return created.value;
}

const job = (t: PodPlayground, name: string) => t.cluster.store.get<Job>(JOBS, 'default', name);
const events = (t: PodPlayground, name: string) => t.cluster.store.list(mustResolve('events'), { namespace: 'default' })
  .filter((e) => (e as { involvedObject?: { name?: string } }).involvedObject?.name === name)
  .map((e) => { const x = e as { type?: string; reason?: string; message?: string }; return `${x.type} ${x.reason} ${x.message}`; });

describe('job controller', () => {
  it('defaults a Job as v1.27 does: generated selector and labels, one completion, backoffLimit 6', () => {
    const t = new PodPlayground();
    const j = createJob(t, 'hello', ['echo', 'hi']);
    const uid = j.metadata.uid;
    expect(j.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false });
    expect(j.spec?.manualSelector).toBeUndefined();
    expect(j.spec?.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'hello', 'controller-uid': uid, 'job-name': 'hello' };
    expect(j.spec?.template.metadata?.labels).toEqual(labels);
    expect(Object.keys(j.spec?.template.metadata?.labels ?? {})).toEqual(Object.keys(labels).sort());
    expect(j.metadata.labels).toEqual(labels);
  });

  it('runs a busybox pod to Completed, logs its output, sets the status and records the events', () => {
    const t = new PodPlayground();
    const j = createJob(t, 'hello', ['echo', 'hi']);
    const pods = t.pods('hello-');
    expect(pods).toHaveLength(1);
    const pod = pods[0]!;
    expect(pod.metadata.name).toMatch(new RegExp(`^hello-[${NAME_ALPHABET}]{5}$`));
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'hello', uid: j.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(job(t, 'hello')?.status).toMatchObject({ active: 1, ready: 0, uncountedTerminatedPods: {} });
    expect(job(t, 'hello')?.status?.startTime).toBeDefined();
    t.world.advance(30_000);
    expect(t.status(pod.metadata.name)).toBe('Completed');
    const log = podLogs(t.cluster, 'default', pod.metadata.name, { previous: false });
    expect(log.ok && [...log.log.entries({})].map((e) => e.line)).toEqual(['hi']);
    const status = job(t, 'hello')?.status;
    expect(status).toMatchObject({ succeeded: 1, ready: 0, conditions: [{ type: 'Complete', status: 'True' }] });
    expect(status?.active).toBeUndefined();
    expect(status?.completionTime).toBeDefined();
    expect(events(t, 'hello')).toEqual([`Normal SuccessfulCreate Created pod: ${pod.metadata.name}`, 'Normal Completed Job completed']);
  });

  it('completions 3, parallelism 2: two pods at a time until three succeeded', () => {
    const t = new PodPlayground();
    createJob(t, 'batch', ['sh', '-c', 'sleep 2; echo done'], { completions: 3, parallelism: 2 });
    expect(t.pods('batch-')).toHaveLength(2);
    t.world.advance(60_000);
    const pods = t.pods('batch-');
    expect(pods.map((p) => t.status(p.metadata.name))).toEqual(['Completed', 'Completed', 'Completed']);
    expect(job(t, 'batch')?.status).toMatchObject({ succeeded: 3, conditions: [{ type: 'Complete' }] });
  });

  it('restartPolicy Never: a failed pod is replaced after the back-off, until backoffLimit; then BackoffLimitExceeded', () => {
    const t = new PodPlayground();
    createJob(t, 'bad', ['sh', '-c', 'exit 1'], { backoffLimit: 2 });
    t.world.advance(5_000);
    expect(t.pods('bad-').map((p) => t.status(p.metadata.name))).toEqual(['Error']);
    // The replacement waits 10 s after the failure, the next one 20 s.
    t.world.advance(4_000);
    expect(t.pods('bad-')).toHaveLength(1);
    t.world.advance(10_000);
    expect(t.pods('bad-')).toHaveLength(2);
    t.world.advance(60_000);
    expect(t.pods('bad-').map((p) => t.status(p.metadata.name))).toEqual(['Error', 'Error', 'Error']);
    const status = job(t, 'bad')?.status;
    expect(status).toMatchObject({ failed: 3, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }] });
    expect(status?.completionTime).toBeUndefined();
    expect(events(t, 'bad').at(-1)).toBe('Warning BackoffLimitExceeded Job has reached the specified backoff limit');
  });

  it('restartPolicy OnFailure: the kubelet restarts the container; restarts count against backoffLimit', () => {
    const t = new PodPlayground();
    createJob(t, 'flaky', ['sh', '-c', 'exit 3'], { backoffLimit: 1 }, { restartPolicy: 'OnFailure' });
    t.world.advance(60_000);
    expect(job(t, 'flaky')?.status?.conditions?.[0]).toMatchObject({ type: 'Failed', reason: 'BackoffLimitExceeded' });
    // The Job deletes its active pod when it fails.
    t.world.advance(40_000);
    expect(t.pods('flaky-')).toHaveLength(0);
    expect(events(t, 'flaky').some((e) => e.startsWith('Normal SuccessfulDelete Deleted pod: flaky-'))).toBe(true);
  });

  it('activeDeadlineSeconds fails a Job that runs too long; ttlSecondsAfterFinished deletes it and its pods', () => {
    const t = new PodPlayground();
    createJob(t, 'slow', ['sleep', '3600'], { activeDeadlineSeconds: 20, ttlSecondsAfterFinished: 30 });
    t.world.advance(21_000);
    expect(job(t, 'slow')?.status?.conditions?.[0]).toMatchObject({ type: 'Failed', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
    t.world.advance(31_000);
    expect(job(t, 'slow')).toBeUndefined();
    t.world.advance(40_000);
    expect(t.cluster.store.list(PODS, { namespace: 'default' }).filter((p) => p.metadata.name.startsWith('slow-'))).toHaveLength(0);
  });

  it('deleting a Job deletes its pods (the garbage collector)', () => {
    const t = new PodPlayground();
    createJob(t, 'hello', ['echo', 'hi']);
    t.world.advance(30_000);
    expect(t.pods('hello-')).toHaveLength(1);
    t.cluster.store.delete(JOBS, 'default', 'hello', 'user:kubectl');
    t.world.advance(5_000);
    expect(t.pods('hello-')).toHaveLength(0);
  });
});
