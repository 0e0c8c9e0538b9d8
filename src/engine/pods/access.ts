/**
 * What `kubectl logs` and `kubectl exec` reach through the API server: the kubelet of the pod's
 * node, and the container instance it runs. Failures are the API server's answers (status,
 * reason, message as v1.27 words them), which kubectl prints as `Error from server (…): …`.
 *
 *   podLogs(cluster, 'default', 'pingpong', { previous: true })  → the log of the instance before
 *   execTarget(cluster, 'default', 'web-…', undefined)            → run commands in its container
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { mustResolve } from '../api/resources';
import type { Cluster } from '../cluster/cluster';
import { PORTS } from '../cluster/constants';
import type { ContainerRun } from '../cluster/kubelet/podWorker';
import { Emitter } from '../emitter';
import type { World } from '../world';
import type { InstanceLog } from './logs';
import type { PodContainer } from './podContainer';
import { hasBinary, type Io, type ScriptHost } from './script/host';
import { runCommand, type CommandHandle } from './script/program';

const PODS = mustResolve('pods');

export interface PodAccessError {
  readonly ok: false;
  readonly status: 400 | 404 | 500;
  readonly reason: 'BadRequest' | 'NotFound' | 'InternalError';
  readonly message: string;
}

export interface LogTarget {
  readonly ok: true;
  readonly container: string;
  readonly log: InstanceLog;
}

export interface ExecTarget {
  readonly ok: true;
  readonly node: string;
  readonly container: string;
  /** The container as commands inside it see it: files, env, hostname, address, DNS, network. */
  readonly host: ScriptHost;
  /** Runs argv in the container (not as PID 1); `done` gets its exit status. */
  run(argv: readonly string[], io: Io, done: (code: number) => void): CommandHandle;
}

export interface ExecRecord {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  readonly node: string;
  readonly argv: readonly string[];
  readonly at: number;
}

const fail = (status: PodAccessError['status'], message: string): PodAccessError => ({
  ok: false, status, reason: status === 404 ? 'NotFound' : status === 400 ? 'BadRequest' : 'InternalError', message,
});

type Located = { readonly ok: true; readonly run: ContainerRun; readonly pod: Pod; readonly node: string } | PodAccessError;

/** The pod's container as its node's kubelet runs it. */
function locate(cluster: Cluster, namespace: string, name: string, container: string | undefined, path: string): Located {
  const pod = cluster.store.get<Pod>(PODS, namespace, name);
  if (!pod) return fail(404, `pods "${name}" not found`);
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name);
  const mains = (pod.spec?.containers ?? []).map((c) => c.name);
  if (container === undefined && mains.length > 1) {
    return fail(400, `a container name must be specified for pod ${name}, choose one of: [${mains.join(' ')}]${all.length > mains.length ? ` or one of the init containers: [${all.slice(0, all.length - mains.length).join(' ')}]` : ''}`);
  }
  const wanted = container ?? mains[0];
  if (wanted === undefined || !all.includes(wanted)) return fail(400, `container ${wanted} is not valid for pod ${name}`);
  const nodeName = pod.spec?.nodeName;
  if (!nodeName) return fail(400, `pod ${name} does not have a host assigned`);
  const kubelet = cluster.kubelets.get(nodeName);
  const worker = kubelet?.running ? kubelet.workers.get(`${namespace}/${name}`) : undefined;
  if (!kubelet?.running) {
    const ip = pod.status?.hostIP ?? nodeName;
    return fail(500, `Get "https://${ip}:${PORTS.kubelet}/${path}/${namespace}/${name}/${wanted}": dial tcp ${ip}:${PORTS.kubelet}: connect: connection refused`);
  }
  const run = worker && worker.uid === pod.metadata?.uid ? worker.containers.find((c) => c.spec.name === wanted) : undefined;
  if (!run) return fail(400, `container "${wanted}" in pod "${name}" is waiting to start: ContainerCreating`);
  return { ok: true, run, pod, node: kubelet.host.name };
}

function waitingMessage(run: ContainerRun, pod: string): string {
  const reason = run.state.kind === 'waiting' ? run.state.reason : 'ContainerCreating';
  const why = reason === 'ErrImagePull' || reason === 'ImagePullBackOff' ? "image can't be pulled" : reason;
  return `container "${run.spec.name}" in pod "${pod}" is waiting to start: ${why}`;
}

/**
 * The log `kubectl logs` reads: the running (or last) instance, or with `previous` the one before
 * — during CrashLoopBackOff both are the instance that just died, as the kubelet decides.
 */
export function podLogs(cluster: Cluster, namespace: string, name: string, opts: { readonly container?: string; readonly previous?: boolean } = {}): LogTarget | PodAccessError {
  const found = locate(cluster, namespace, name, opts.container, 'containerLogs');
  if (!found.ok) return found;
  const { run } = found;
  let instance: PodContainer | undefined;
  if (opts.previous) {
    if (run.lastTerminated === undefined) return fail(400, `previous terminated container "${run.spec.name}" in pod "${name}" not found`);
    instance = run.state.kind === 'waiting' ? run.instance : run.previous;
  } else {
    instance = run.state.kind === 'waiting' && run.lastTerminated === undefined ? undefined : run.instance;
    if (!instance) return fail(400, waitingMessage(run, name));
  }
  if (!instance) return fail(400, `previous terminated container "${run.spec.name}" in pod "${name}" not found`);
  return { ok: true, container: run.spec.name, log: instance.log };
}

const execLogs = new WeakMap<World, Emitter<{ exec: ExecRecord }>>();

/** Every `kubectl exec` into a pod of this world, as it starts (for the diagram and lesson checks). */
export function podExecs(world: World): Emitter<{ exec: ExecRecord }> {
  let e = execLogs.get(world);
  if (!e) execLogs.set(world, (e = new Emitter()));
  return e;
}

/** A running container to exec into, or the error kubectl reports. */
export function execTarget(cluster: Cluster, namespace: string, name: string, container: string | undefined): ExecTarget | PodAccessError {
  const found = locate(cluster, namespace, name, container, 'exec');
  if (!found.ok) return found;
  const phase = found.pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return fail(400, `cannot exec into a container in a completed pod; current phase is ${phase}`);
  const instance = found.run.instance;
  if (found.run.state.kind !== 'running' || !instance?.running) return fail(500, `unable to upgrade connection: container not found ("${found.run.spec.name}")`);
  const host = instance.scriptHost();
  const world = host.world;
  return {
    ok: true, node: found.node, container: found.run.spec.name, host,
    run(argv, io, done) {
      podExecs(world).emit('exec', { namespace, pod: name, container: found.run.spec.name, node: found.node, argv, at: world.now() });
      const binary = argv[0] ?? '';
      if (!hasBinary(host, binary)) {
        // containerd cannot start the exec process; kubectl reports the API server's error.
        const execId = world.random.fork(`exec/${instance.id}/${world.now()}`).hex(64);
        io.err(`error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${binary}": executable file not found in $PATH: unknown\n`);
        done(126);
        return { signal: () => undefined };
      }
      return runCommand(host, argv, io, done);
    },
  };
}
