/**
 * Which instance of a container a log request reads, as the kubelet's validateContainerLogStatus
 * decides: the running one, else the last that terminated; `--previous` the last terminated one;
 * and the messages (the API server's BadRequest) when there is none yet.
 */
import type { ContainerStatus, Pod, Stored } from '../../../engine';

export type LogInstance = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly message: string };

/** The instance whose log a request reads, or the kubelet's reason there is none. */
export function logInstanceFor(pod: Stored<Pod>, container: string, previous: boolean): LogInstance {
  const name = pod.metadata.name;
  if (!pod.spec?.nodeName) return { ok: false, message: `pod ${name} does not have a host assigned` };
  const statuses: ContainerStatus[] = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  const st = statuses.find((s) => s.name === container);
  const bad = (message: string): LogInstance => ({ ok: false, message });
  if (!st) return bad(`container "${container}" in pod "${name}" is waiting to start: ContainerCreating`);
  const last = st.lastState?.terminated;
  if (previous) {
    if (!last?.containerID) return bad(`previous terminated container "${container}" in pod "${name}" not found`);
    return { ok: true, id: last.containerID };
  }
  if (st.state?.running) return { ok: true, id: st.containerID ?? '' };
  const terminated = st.state?.terminated;
  if (terminated) {
    const id = terminated.containerID || last?.containerID;
    return id ? { ok: true, id } : bad(`container "${container}" in pod "${name}" is terminated`);
  }
  if (last) return last.containerID ? { ok: true, id: last.containerID } : bad(`container "${container}" in pod "${name}" is terminated`);
  const reason = st.state?.waiting?.reason;
  if (reason === 'ErrImagePull') return bad(`container "${container}" in pod "${name}" is waiting to start: image can't be pulled`);
  if (reason === 'ImagePullBackOff') return bad(`container "${container}" in pod "${name}" is waiting to start: trying and failing to pull image`);
  if (reason !== undefined) return bad(`container "${container}" in pod "${name}" is waiting to start: ${reason}`);
  return bad(`container "${container}" in pod "${name}" is waiting to start - no logs yet`);
}

