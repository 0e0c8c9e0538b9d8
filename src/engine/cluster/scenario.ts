/**
 * The workshop's cluster steps as single engine calls, for tests, benchmarks and fixtures that need
 * "a cluster after init / join / weave" without typing the commands: each runs the same phases
 * the kubeadm command runs and advances virtual time where the command would wait.
 */
import type { KubeObject } from '../api/types';
import { typeForKind } from '../api/resources';
import type { World } from '../world';
import type { Cluster } from './cluster';
import { CONTROL_PLANE_TIMEOUT_MS } from './constants';
import { weaveManifestObject } from './addons/weaveManifest';
import { KubeadmInit, validateInit, type InitOptions } from './kubeadm/init';
import {
  DISCOVERY_RETRY_MS, discoveryAttempt, finishTlsBootstrap, joinPreflight, startJoinedKubelet, tlsBootstrapDone, validateJoin,
} from './kubeadm/join';
import { preflightFailure } from './kubeadm/preflight';
import { DISCOVERY_TIMEOUT_MS } from './constants';

export type ScenarioResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export interface InitOutcome {
  readonly cluster: Cluster;
  readonly token: string;
  readonly joinCommand: string;
}

const STEP_MS = 100;

function waitUntil(world: World, check: () => boolean, timeoutMs: number): boolean {
  for (let waited = 0; !check(); waited += STEP_MS) {
    if (waited >= timeoutMs) return false;
    world.advance(STEP_MS);
  }
  return true;
}

/** `kubeadm init` on a host, start to finish. */
export function kubeadmInitNow(world: World, hostName: string, opts: InitOptions = {}): ScenarioResult<InitOutcome> {
  const host = world.host(hostName);
  if (!host) return { ok: false, error: `no host ${hostName}` };
  const invalid = validateInit(opts);
  if (invalid) return { ok: false, error: invalid };
  const init = new KubeadmInit(world, host, opts);
  const preflight = init.preflight();
  if (preflight.errors.length > 0) return { ok: false, error: `error execution phase preflight: ${preflightFailure(preflight.errors)}` };
  world.advance(init.pullImages());
  init.certs();
  init.kubeconfigs();
  init.kubeletStart();
  init.controlPlaneManifests();
  init.etcdManifest();
  world.settle();
  if (!waitUntil(world, () => init.controlPlaneHealthy(), CONTROL_PLANE_TIMEOUT_MS)) {
    return { ok: false, error: "error execution phase wait-control-plane: couldn't initialize a Kubernetes cluster" };
  }
  init.uploadConfig();
  waitUntil(world, () => init.markControlPlane(), 10_000);
  const token = init.bootstrapToken();
  init.kubeletFinalize();
  init.addons();
  world.settle();
  return { ok: true, value: { cluster: init.cluster!, token, joinCommand: init.joinCommand() } };
}

/** `kubeadm join` of a host to a cluster with one of its tokens. */
export function kubeadmJoinNow(world: World, hostName: string, cluster: Cluster, token: string): ScenarioResult<Cluster> {
  const host = world.host(hostName);
  if (!host) return { ok: false, error: `no host ${hostName}` };
  const opts = { endpoint: cluster.endpoint, token, caCertHashes: [cluster.ca.hash], unsafeSkipCaVerification: false, ignorePreflightErrors: [] };
  const invalid = validateJoin(opts);
  if (invalid) return { ok: false, error: invalid };
  const preflight = joinPreflight(world, host, opts);
  if (preflight.errors.length > 0) return { ok: false, error: `error execution phase preflight: ${preflightFailure(preflight.errors)}` };
  for (let waited = 0; ; waited += DISCOVERY_RETRY_MS) {
    const attempt = discoveryAttempt(world, host, opts);
    if (attempt.kind === 'ok') break;
    if (attempt.kind === 'fail' || waited >= DISCOVERY_TIMEOUT_MS) {
      return { ok: false, error: `error execution phase preflight: couldn't validate the identity of the API Server: ${attempt.error}` };
    }
    world.advance(DISCOVERY_RETRY_MS);
  }
  startJoinedKubelet(world, host, cluster, token);
  world.settle();
  waitUntil(world, () => tlsBootstrapDone(cluster, host.name), 60_000);
  finishTlsBootstrap(world, host, cluster, token);
  world.settle();
  return { ok: true, value: cluster };
}

/** What `kubectl apply -f <weave manifest>` creates, written straight to the store. */
export function applyWeaveNow(cluster: Cluster, actor = 'user:kubectl'): void {
  const list = weaveManifestObject() as { items: KubeObject[] };
  for (const item of list.items) {
    const type = typeForKind(item.apiVersion ?? '', item.kind ?? '');
    if (type && !cluster.store.get(type, item.metadata?.namespace, item.metadata?.name ?? '')) cluster.store.create(type, item, actor);
  }
}
