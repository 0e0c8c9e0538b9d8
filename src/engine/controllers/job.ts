/**
 * The Job controller (kube-controller-manager's job loop, v1.27, NonIndexed): runs up to
 * spec.parallelism pods named `<job>-<5 random>` while completions are outstanding; counts the
 * pods that Succeeded and Failed; replaces a failed pod (restartPolicy Never) after the pod-failure
 * back-off (10 s doubling, 6 min at most, from the last failure); fails the Job past backoffLimit
 * (for OnFailure: the active pods' container restarts) or activeDeadlineSeconds; marks it Complete
 * with completionTime. Finished Jobs with ttlSecondsAfterFinished are deleted when it runs out
 * (what the ttl-after-finished controller does); their pods follow through the garbage collector.
 *
 * Simplified: counts are read from the pods still present (never lower than what status already
 * says), where v1.27 tracks them with the batch.kubernetes.io/job-tracking finalizer; Indexed
 * completion mode runs as NonIndexed; pods are created in one batch, not slow-start.
 */
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { Pod, Stored, WatchEvent } from '../api/types';
import { parseTime } from '../util/time';
import type { ReconcileResult } from './manager';
import { KEY, R } from './context';
import { isOwnEcho, nsKey, splitKey } from './keys';
import { byCreation, isPodActive, isPodReady, ownerKeysOfPodEvent, podChangeMattersToOwner } from './podUtil';
import { podFromTemplate } from './workloadPods';
import { ControlLoop } from './controlLoop';

const SOURCE = { component: 'job-controller' } as const;

/** DefaultJobPodFailureBackOff and the cap the v1.27 documentation gives. */
export const JOB_BACKOFF_BASE_MS = 10_000;
export const JOB_BACKOFF_MAX_MS = 360_000;

type Outcome =
  | { readonly type: 'Complete' }
  | { readonly type: 'Failed'; readonly reason: 'BackoffLimitExceeded' | 'DeadlineExceeded'; readonly message: string };

export class JobController extends ControlLoop {
  readonly name = 'controller:job';

  keysFor(event: WatchEvent): readonly string[] {
    if (event.resource === KEY.jobs) return isOwnEcho(event, this.name) ? [] : [nsKey(event.object.metadata.namespace, event.object.metadata.name)];
    if (event.resource !== KEY.pods) return [];
    if (event.type === 'MODIFIED' && !podChangeMattersToOwner(event.object as Stored<Pod>, event.previous as Stored<Pod> | undefined)) return [];
    return [...ownerKeysOfPodEvent(event, 'Job')];
  }

  resync(): readonly string[] {
    return this.ctx.store.list(R.jobs).map((j) => nsKey(j.metadata.namespace, j.metadata.name));
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const job = this.ctx.store.get<Job>(R.jobs, namespace, name);
    if (!job || job.metadata.deletionTimestamp) return;
    const now = this.ctx.store.wallNow();
    const finishedAt = finishTime(job);
    if (finishedAt !== undefined) return this.expire(job, finishedAt, now);
    const spec = job.spec;
    const pods = this.ctx.index.controlled<Pod>(R.pods, job.metadata.uid);
    const active = pods.filter(isPodActive);
    const succeeded = Math.max(job.status?.succeeded ?? 0, pods.filter((p) => p.status?.phase === 'Succeeded').length);
    const failed = Math.max(job.status?.failed ?? 0, pods.filter((p) => p.status?.phase === 'Failed').length);
    const suspended = spec?.suspend === true;
    const startMs = parseTime(job.status?.startTime) ?? (suspended ? undefined : now);
    const outcome = this.outcome(job, active, succeeded, failed, startMs, now);
    let requeue: number | undefined;
    let stillActive: readonly Stored<Pod>[] = active;
    if (outcome) {
      this.deletePods(job, active);
      stillActive = [];
    } else if (!suspended) {
      const result = this.managePods(job, pods, active, succeeded, now);
      stillActive = result.active;
      requeue = result.requeueAfter;
    }
    this.writeStatus(job, { startMs, active: stillActive, succeeded, failed, outcome, now });
    if (outcome) {
      if (outcome.type === 'Complete') this.ctx.recorder.record(job, 'Normal', 'Completed', 'Job completed', SOURCE);
      else this.ctx.recorder.record(job, 'Warning', outcome.reason, outcome.message, SOURCE);
      const ttl = spec?.ttlSecondsAfterFinished;
      return ttl === undefined ? undefined : { requeueAfter: Math.max(1, ttl * 1000) };
    }
    const deadline = spec?.activeDeadlineSeconds;
    if (deadline !== undefined && startMs !== undefined) {
      const left = startMs + deadline * 1000 - now;
      requeue = requeue === undefined ? left : Math.min(requeue, left);
    }
    return requeue === undefined ? undefined : { requeueAfter: Math.max(1, requeue) };
  }

  /** How the Job ends now, if it does: the failure checks come first, as syncJob orders them. */
  private outcome(job: Stored<Job>, active: readonly Stored<Pod>[], succeeded: number, failed: number, startMs: number | undefined, now: number): Outcome | undefined {
    const spec = job.spec;
    const limit = spec?.backoffLimit ?? 6;
    if (failed > limit || pastBackoffLimitOnFailure(job, active, limit)) {
      return { type: 'Failed', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
    }
    const deadline = spec?.activeDeadlineSeconds;
    if (deadline !== undefined && startMs !== undefined && now - startMs >= deadline * 1000) {
      return { type: 'Failed', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
    }
    const completions = spec?.completions;
    const complete = completions === undefined || completions === null ? succeeded > 0 && active.length === 0 : succeeded >= completions;
    return complete ? { type: 'Complete' } : undefined;
  }

  /** manageJob: create pods up to what is still wanted (after the failure back-off), delete any surplus. */
  private managePods(job: Stored<Job>, pods: readonly Stored<Pod>[], active: readonly Stored<Pod>[], succeeded: number, now: number): { active: readonly Stored<Pod>[]; requeueAfter?: number } {
    const spec = job.spec;
    const parallelism = spec?.parallelism ?? 1;
    const completions = spec?.completions;
    const wanted = completions === undefined || completions === null
      ? (succeeded > 0 ? 0 : parallelism)
      : Math.max(0, Math.min(parallelism, completions - succeeded));
    if (active.length > wanted) {
      const surplus = [...active].sort(byCreation).reverse().slice(0, active.length - wanted);
      this.deletePods(job, surplus);
      return { active: active.filter((p) => !surplus.includes(p)) };
    }
    if (active.length === wanted) return { active };
    const wait = backoffRemaining(pods, now);
    if (wait > 0) return { active, requeueAfter: wait };
    const created: Stored<Pod>[] = [];
    for (let i = active.length; i < wanted; i++) {
      const result = this.ctx.store.create<Pod>(R.pods, podFromTemplate(spec?.template, job), this.name);
      if (!result.ok) {
        this.ctx.recorder.record(job, 'Warning', 'FailedCreate', `Error creating: ${result.error.message}`, SOURCE);
        break;
      }
      created.push(result.value);
      this.ctx.recorder.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${result.value.metadata.name}`, SOURCE);
    }
    return { active: [...active, ...created] };
  }

  private deletePods(job: Stored<Job>, pods: readonly Stored<Pod>[]): void {
    for (const pod of pods) {
      const result = this.ctx.store.delete(R.pods, pod.metadata.namespace, pod.metadata.name, this.name);
      if (result.ok) this.ctx.recorder.record(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
    }
  }

  private writeStatus(job: Stored<Job>, s: {
    readonly startMs: number | undefined; readonly active: readonly Stored<Pod>[]; readonly succeeded: number; readonly failed: number;
    readonly outcome: Outcome | undefined; readonly now: number;
  }): void {
    const stamp = this.ctx.store.timestamp();
    this.ctx.store.mutate<Job>(R.jobs, job.metadata.namespace, job.metadata.name, this.name, (draft) => {
      const old = draft.status ?? {};
      const conditions: JobCondition[] = [...(old.conditions ?? [])];
      if (s.outcome) {
        conditions.push({
          type: s.outcome.type, status: 'True', lastProbeTime: stamp, lastTransitionTime: stamp,
          ...(s.outcome.type === 'Failed' ? { reason: s.outcome.reason, message: s.outcome.message } : {}),
        });
      }
      const startTime = old.startTime ?? (s.startMs === undefined ? undefined : stamp);
      const completionTime = old.completionTime ?? (s.outcome?.type === 'Complete' ? stamp : undefined);
      draft.status = {
        ...(conditions.length > 0 ? { conditions } : {}),
        ...(startTime ? { startTime } : {}),
        ...(completionTime ? { completionTime } : {}),
        ...(s.active.length > 0 ? { active: s.active.length } : {}),
        ...(s.succeeded > 0 ? { succeeded: s.succeeded } : {}),
        ...(s.failed > 0 ? { failed: s.failed } : {}),
        uncountedTerminatedPods: {},
        ready: s.active.filter(isPodReady).length,
      };
    });
  }

  /** ttl-after-finished: deletes the Job (background propagation) once its TTL has run out. */
  private expire(job: Stored<Job>, finishedAt: number, now: number): ReconcileResult | void {
    const ttl = job.spec?.ttlSecondsAfterFinished;
    if (ttl === undefined || ttl === null) return;
    const left = finishedAt + ttl * 1000 - now;
    if (left > 0) return { requeueAfter: left };
    this.ctx.store.delete(R.jobs, job.metadata.namespace, job.metadata.name, 'controller:ttl-after-finished');
  }
}

/** When the Job finished (its Complete or Failed condition), if it did. */
function finishTime(job: Job): number | undefined {
  const c = job.status?.conditions?.find((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
  return c ? parseTime(c.lastTransitionTime) ?? 0 : undefined;
}

/** pastBackoffLimitOnFailure: with OnFailure the kubelet restarts containers; their restarts count. */
function pastBackoffLimitOnFailure(job: Job, active: readonly Pod[], limit: number): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of active) {
    for (const c of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) restarts += c.restartCount ?? 0;
  }
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** When a pod finished: its last container's termination, else its last change. */
function podFinishedMs(pod: Pod): number {
  let last = 0;
  for (const c of pod.status?.containerStatuses ?? []) last = Math.max(last, parseTime(c.state?.terminated?.finishedAt) ?? 0);
  return last;
}

/** Virtual ms left of the pod-failure back-off: 10 s × 2^(failures since the last success − 1), from the last failure. */
function backoffRemaining(pods: readonly Pod[], now: number): number {
  let lastSuccess = 0;
  for (const p of pods) if (p.status?.phase === 'Succeeded') lastSuccess = Math.max(lastSuccess, podFinishedMs(p));
  const times = pods.filter((p) => p.status?.phase === 'Failed').map(podFinishedMs).filter((t) => t >= lastSuccess);
  if (times.length === 0) return 0;
  const delay = Math.min(JOB_BACKOFF_BASE_MS * 2 ** (times.length - 1), JOB_BACKOFF_MAX_MS);
  return Math.max(...times) + delay - now;
}
