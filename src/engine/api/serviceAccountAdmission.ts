/**
 * The ServiceAccount admission plugin's token volume (plugin/pkg/admission/serviceaccount, v1.27):
 * every new pod that is not a mirror pod, and does not opt out with automountServiceAccountToken:
 * false, gets a projected volume `kube-api-access-<5 random chars>` (a bound token that expires in
 * 3607 s, the `kube-root-ca.crt` ConfigMap's ca.crt, the pod's namespace) mounted read-only at
 * /var/run/secrets/kubernetes.io/serviceaccount in each container that has no mount there yet.
 * This is what `kubectl describe pod` lists under Mounts and Volumes on any real cluster.
 */
import type { Pod, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import type { Random } from '../random';
import type { Draft } from '../util/json';
import { ApiError } from './errors';
import { NAME_ALPHABET } from './names';
import type { AdmissionPlugin } from './store';

/** The kubelet's annotation on the pods it posts for its static pods (the plugin leaves them alone). */
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const VOLUME_PREFIX = 'kube-api-access-';
/** A bound token's lifetime as the plugin asks for it: one hour, plus 7 s so the kubelet's refresh is visible. */
export const TOKEN_EXPIRATION_SECONDS = 3607;

/** The projected source TokenVolumeSource() builds, with the defaults the API server then fills in. */
function tokenVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 0o644,
      sources: [
        { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}

/**
 * The plugin, for ApiStore.admit. `random` draws the volume names' suffixes (its own stream, so
 * pod names and everything else drawn elsewhere stay as they were). `accountExists` looks a
 * ServiceAccount up: a pod naming one that does not exist is refused, as the real plugin does.
 * `default` is not looked up: the ServiceAccount controller creates it right after its namespace,
 * which on a real cluster takes milliseconds but here waits for the virtual clock's next tick, so
 * `kubectl create ns x; kubectl run -n x …` on one line would meet a refusal a learner never sees
 * on a real cluster.
 */
export function serviceAccountAdmission(random: Random, accountExists?: (namespace: string, name: string) => boolean): AdmissionPlugin {
  return (type, draft, current, dryRun) => {
    if (type.kind !== 'Pod' || current !== undefined) return undefined;
    const pod = draft as Draft<Pod>;
    const account = pod.spec?.serviceAccountName;
    const namespace = pod.metadata?.namespace ?? 'default';
    if (accountExists && account && account !== 'default' && pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] === undefined && !accountExists(namespace, account)) {
      return new ApiError('Forbidden', `pods "${pod.metadata?.name ?? ''}" is forbidden: error looking up service account ${namespace}/${account}: serviceaccount "${account}" not found`);
    }
    mountServiceAccountToken(pod, dryRun ? random.fork('dry-run') : random);
    return undefined;
  };
}

function mountServiceAccountToken(pod: Draft<Pod>, random: Random): void {
  const spec = pod.spec;
  if (!spec || pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return;
  if (spec.automountServiceAccountToken === false) return;
  const volumes: Volume[] = spec.volumes ?? [];
  const existing = volumes.find((v) => v.name.startsWith(VOLUME_PREFIX));
  const name = existing?.name ?? `${VOLUME_PREFIX}${random.string(NAME_ALPHABET, 5)}`;
  const mount: VolumeMount = { name, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH };
  let needed = false;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    // A container that mounts something at the token's path keeps its own.
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) continue;
    c.volumeMounts = [...(c.volumeMounts ?? []), mount];
    needed = true;
  }
  if (!existing && needed) spec.volumes = [...volumes, tokenVolume(name)];
}
