/**
 * Getting a container going, as the kubelet's SyncPod and containerd do it: pull its image (or
 * find it "already present"), create the container instance (the runtime builds its config —
 * or fails with CreateContainerConfigError), then start it. Pull failures become ErrImagePull
 * and ImagePullBackOff with the image back-off.
 */
import { formatGoDuration } from './goDuration';
import { imageId, imageRecord, pullAnswer } from './images';
import type { RegistryAnswer } from '../../containers/publicRegistries';
import { pullDurationMs } from './lifecycle';
import { fieldPath, type ContainerRun } from './containerRun';
import type { PodWorker } from './podWorker';

/** Pull (if needed), create, start; then `then` containers in order (the kubelet starts them one after another). */
export function startContainer(w: PodWorker, c: ContainerRun, then: readonly ContainerRun[]): void {
  const image = c.spec.image ?? '';
  const policy = c.spec.imagePullPolicy ?? (c.imageRef.endsWith(':latest') ? 'Always' : 'IfNotPresent');
  const present = w.env.images.has(c.imageRef);
  c.inProgress = true;
  const create = () => w.after(w.env.profile.createMs, 'create', () => {
    if (c.restarting) {
      c.restarting = false;
      c.restartCount++;
    }
    const id = w.env.random(`container/${w.uid}/${c.spec.name}/${c.restartCount}`).hex(64);
    const made = w.env.createInstance?.(w, c, id);
    if (made && !made.ok) {
      c.state = { kind: 'waiting', reason: made.reason, message: made.message };
      w.env.event(w, 'Warning', 'Failed', `Error: ${made.message}`, fieldPath(c));
      c.inProgress = false;
      w.env.changed(w);
      w.after(w.env.profile.retryMs, 'config retry', () => startContainer(w, c, then));
      return;
    }
    if (made) {
      c.previous?.end();
      c.previous = c.instance;
      c.instance = made.instance;
    }
    c.containerId = `containerd://${id}`;
    w.env.event(w, 'Normal', 'Created', `Created container ${c.spec.name}`, fieldPath(c));
    w.after(w.env.profile.startMs, 'start', () => w.started(c, then));
  });
  if (present && policy !== 'Always') {
    c.imageId = imageId(w.env.images.get(c.imageRef)!);
    w.env.event(w, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, fieldPath(c));
    create();
    return;
  }
  if (policy === 'Never') {
    c.state = { kind: 'waiting', reason: 'ErrImageNeverPull', message: `Container image "${image}" is not present with pull policy of Never` };
    w.env.event(w, 'Warning', 'ErrImageNeverPull', c.state.message!, fieldPath(c));
    c.inProgress = false;
    w.env.changed(w);
    return;
  }
  w.env.event(w, 'Normal', 'Pulling', `Pulling image "${image}"`, fieldPath(c));
  const now = w.env.now();
  const answer = pullAnswer(c.imageRef);
  if (answer !== 'found') {
    w.after(w.env.profile.pullLatencyMs, 'pull', () => pullFailed(w, c, then, answer));
    return;
  }
  const duration = present ? w.env.profile.pullLatencyMs : pullDurationMs(w.env.profile, imageRecord(c.imageRef).sizeBytes);
  const done = present ? now + duration : w.env.images.schedulePull(c.imageRef, now, duration);
  w.after(done - now, 'pull', () => {
    const stored = w.env.images.add(c.imageRef);
    c.imageId = imageId(stored);
    c.pullFailures = 0;
    const jitter = w.env.random(`pull/${w.uid}/${c.spec.name}/${c.restartCount}`);
    const took = duration * 1e6 + jitter.int(1_000_000);
    const waited = (done - now) * 1e6 + jitter.int(1_000_000);
    w.env.event(w, 'Normal', 'Pulled',
      `Successfully pulled image "${image}" in ${formatGoDuration(took)} (${formatGoDuration(Math.max(took, waited))} including waiting)`, fieldPath(c));
    create();
  });
}

/**
 * containerd 1.6's errors as the kubelet reports them: a tag the registry lacks is NotFound; a
 * repository it lacks is Docker Hub's 401 for an anonymous token (Unknown), worded as for a
 * private repository.
 */
export function pullErrorMessage(ref: string, answer: Exclude<RegistryAnswer, 'found'>): string {
  const prefix = `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}"`;
  return answer === 'no-tag'
    ? `rpc error: code = NotFound desc = ${prefix}: ${ref}: not found`
    : `rpc error: code = Unknown desc = ${prefix}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

function pullFailed(w: PodWorker, c: ContainerRun, then: readonly ContainerRun[], answer: Exclude<RegistryAnswer, 'found'>): void {
  const image = c.spec.image ?? '';
  const message = pullErrorMessage(c.imageRef, answer);
  w.env.event(w, 'Warning', 'Failed', `Failed to pull image "${image}": ${message}`, fieldPath(c));
  w.env.event(w, 'Warning', 'Failed', 'Error: ErrImagePull', fieldPath(c));
  c.state = { kind: 'waiting', reason: 'ErrImagePull', message };
  c.pullFailures++;
  c.inProgress = false;
  w.env.changed(w);
  // The image back-off (10 s doubling to 5 min) runs from this failure.
  const backoffUntil = w.env.now() + Math.min(w.env.profile.backoffBaseMs * 2 ** (c.pullFailures - 1), w.env.profile.backoffMaxMs);
  resyncAfterPullError(w, c, then, backoffUntil);
}

/**
 * The pod worker requeues a pod whose sync failed after 10–15 s (backOffPeriod with jitter). A sync
 * still inside the image back-off reports ImagePullBackOff; one past it pulls again, so `get pods`
 * alternates ErrImagePull and ImagePullBackOff while the back-off grows.
 */
function resyncAfterPullError(w: PodWorker, c: ContainerRun, then: readonly ContainerRun[], backoffUntil: number): void {
  const base = w.env.profile.backoffBaseMs;
  const jitter = w.env.random(`pull-resync/${w.uid}/${c.spec.name}/${c.pullFailures}/${w.env.now()}`).int(Math.max(1, Math.round(base / 2)));
  w.after(base + jitter, 'pull back-off', () => {
    if (w.env.now() >= backoffUntil) {
      startContainer(w, c, then);
      return;
    }
    const image = c.spec.image ?? '';
    c.state = { kind: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` };
    w.env.event(w, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, fieldPath(c));
    w.env.event(w, 'Warning', 'Failed', 'Error: ImagePullBackOff', fieldPath(c));
    w.env.changed(w);
    resyncAfterPullError(w, c, then, backoffUntil);
  });
}
