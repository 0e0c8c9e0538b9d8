/**
 * Getting a container going, as the kubelet's SyncPod and containerd do it: pull its image (or
 * find it "already present"), create the container instance (the runtime builds its config —
 * or fails with CreateContainerConfigError), then start it. Pull failures become ErrImagePull
 * and ImagePullBackOff with the image back-off.
 */
import { formatGoDuration } from './goDuration';
import { imageExists, imageId, imageRecord } from './images';
import { pullDurationMs, restartDelayMs } from './lifecycle';
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
  if (!imageExists(image)) {
    w.after(w.env.profile.pullLatencyMs, 'pull', () => pullFailed(w, c, then));
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

function pullFailed(w: PodWorker, c: ContainerRun, then: readonly ContainerRun[]): void {
  const image = c.spec.image ?? '';
  const message = `rpc error: code = NotFound desc = failed to pull and unpack image "${c.imageRef}": failed to resolve reference "${c.imageRef}": ${c.imageRef}: not found`;
  w.env.event(w, 'Warning', 'Failed', `Failed to pull image "${image}": ${message}`, fieldPath(c));
  w.env.event(w, 'Warning', 'Failed', 'Error: ErrImagePull', fieldPath(c));
  c.state = { kind: 'waiting', reason: 'ErrImagePull', message };
  c.pullFailures++;
  c.inProgress = false;
  w.env.changed(w);
  w.after(w.env.profile.syncMs, 'pull back-off', () => {
    c.state = { kind: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` };
    w.env.event(w, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, fieldPath(c));
    w.env.event(w, 'Warning', 'Failed', 'Error: ImagePullBackOff', fieldPath(c));
    w.env.changed(w);
    w.after(restartDelayMs(w.env.profile, c.pullFailures), 'pull retry', () => startContainer(w, c, then));
  });
}
