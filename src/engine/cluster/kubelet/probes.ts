/**
 * The kubelet's prober for one container instance: startup, liveness and readiness probes
 * (httpGet, tcpSocket, exec; gRPC counts as passing) against the program the container really
 * runs, every periodSeconds after initialDelaySeconds, with successThreshold and failureThreshold
 * as Kubernetes defaults them (1 and 3, period 10 s, timeout 1 s). Failures are `Unhealthy`
 * events worded as the kubelet words them; readiness flips the container's ready flag; liveness
 * and startup failures ask the pod worker to restart the container.
 *
 * HTTP probes come from the node (the weave bridge's address, `kube-probe/1.27`) and bypass the
 * traffic meter: the diagram shows the application's requests, not the kubelet's.
 */
import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { TimerId } from '../../clock';
import { EMPTY_BODY, isHttpService, type HttpResponse } from '../../net/http';
import type { PodContainer } from '../../pods/podContainer';
import { runCommand } from '../../pods/script/program';
import type { World } from '../../world';

export interface ProbeContext {
  readonly world: World;
  /** Where probes start: the pod's node. */
  readonly node: string;
  /** The address probes come from (the node's address on the pod network). */
  readonly sourceIp: string;
  readonly podIp: string;
  readonly container: Container;
  readonly instance: PodContainer;
  /** The kubelet notices a container has started at its next pod sync. */
  readonly firstProbeMs: number;
  schedule(ms: number, fn: () => void, label: string): TimerId;
  cancel(id: TimerId): void;
  event(type: 'Normal' | 'Warning', reason: string, message: string): void;
}

export interface ProbeCallbacks {
  ready(ok: boolean): void;
  /** Liveness or startup failed failureThreshold times: "Container x failed liveness probe, will be restarted". */
  restart(message: string): void;
}

export interface ProbeHandle {
  /** Readiness comes from a probe (else the container is ready once it runs). */
  readonly readiness: boolean;
  stop(): void;
}

type Outcome = { readonly ok: true } | { readonly ok: false; readonly message: string };
type Kind = 'Startup' | 'Liveness' | 'Readiness';

const seconds = (n: number | undefined, fallback: number): number => (n ?? fallback) * 1000;

/** A container port by number or by name. */
function portOf(port: number | string, container: Container): number {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort ?? (Number(port) || 0);
}

function probeOnce(ctx: ProbeContext, probe: Probe, done: (o: Outcome) => void): void {
  const timeoutMs = seconds(probe.timeoutSeconds, 1);
  let settled = false;
  const finish = (o: Outcome): void => {
    if (settled) return;
    settled = true;
    ctx.cancel(timer);
    done(o);
  };
  const timer = ctx.schedule(timeoutMs, () => finish(timedOut()), 'probe timeout');
  let timedOut = (): Outcome => ({ ok: false, message: `command timed out` });
  if (probe.httpGet) {
    const get = probe.httpGet;
    const ip = get.host || ctx.podIp;
    const port = portOf(get.port, ctx.container);
    const path = get.path || '/';
    const url = `${(get.scheme ?? 'HTTP').toLowerCase()}://${ip}:${port}${path}`;
    timedOut = () => ({ ok: false, message: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` });
    const dialed = ctx.world.network.dial(ctx.node, ip, port);
    if (!dialed.ok) return finish({ ok: false, message: `Get "${url}": dial tcp ${ip}:${port}: connect: ${dialed.reason === 'refused' ? 'connection refused' : 'no route to host'}` });
    const service = dialed.listener.service;
    if (!isHttpService(service)) return finish({ ok: false, message: `Get "${url}": EOF` });
    service.handle({
      request: {
        method: 'GET', path, version: '1.1', body: EMPTY_BODY, clientIp: ctx.sourceIp,
        headers: [['Host', `${ip}:${port}`], ['User-Agent', 'kube-probe/1.27'], ['Accept', '*/*'], ['Connection', 'close'], ...(get.httpHeaders ?? []).map((h) => [h.name, h.value] as const)],
      },
      respond: (res: HttpResponse) => finish(res.status >= 200 && res.status < 400 ? { ok: true } : { ok: false, message: `HTTP probe failed with statuscode: ${res.status}` }),
      reset: () => finish({ ok: false, message: `Get "${url}": EOF` }),
    });
    return;
  }
  if (probe.tcpSocket) {
    const ip = probe.tcpSocket.host || ctx.podIp;
    const port = portOf(probe.tcpSocket.port, ctx.container);
    const dialed = ctx.world.network.dial(ctx.node, ip, port);
    return finish(dialed.ok ? { ok: true } : { ok: false, message: `dial tcp ${ip}:${port}: connect: ${dialed.reason === 'refused' ? 'connection refused' : 'no route to host'}` });
  }
  if (probe.exec) {
    let output = '';
    const io = { out: (t: string) => { output += t; }, err: (t: string) => { output += t; } };
    const handle = runCommand(ctx.instance.scriptHost(), probe.exec.command ?? [], io, (code) => finish(code === 0 ? { ok: true } : { ok: false, message: output.replace(/\n$/, '') }));
    timedOut = () => {
      handle.signal('SIGKILL');
      return { ok: false, message: `command "${(probe.exec?.command ?? []).join(' ')}" timed out` };
    };
    return;
  }
  finish({ ok: true });
}

/** Starts the container's probes; undefined when it has none. */
export function startProbes(ctx: ProbeContext, cb: ProbeCallbacks): ProbeHandle | undefined {
  const { startupProbe, livenessProbe, readinessProbe } = ctx.container;
  if (!startupProbe && !livenessProbe && !readinessProbe) return undefined;
  const timers = new Set<TimerId>();
  let stopped = false;
  const later = (ms: number, fn: () => void): void => {
    const id = ctx.schedule(ms, () => {
      timers.delete(id);
      if (!stopped) fn();
    }, `probe ${ctx.container.name}`);
    timers.add(id);
  };
  const loop = (kind: Kind, probe: Probe, onSuccess?: () => void): void => {
    let successes = 0;
    let failures = 0;
    let passed = false;
    const attempt = (): void => probeOnce(ctx, probe, (o) => {
      if (stopped) return;
      if (o.ok) {
        failures = 0;
        successes++;
        if (kind === 'Readiness' && successes >= (probe.successThreshold ?? 1) && !passed) {
          passed = true;
          cb.ready(true);
        }
        if (kind === 'Startup') return onSuccess?.();
      } else {
        successes = 0;
        failures++;
        ctx.event('Warning', 'Unhealthy', `${kind} probe failed: ${o.message}`);
        if (failures >= (probe.failureThreshold ?? 3)) {
          if (kind === 'Readiness') {
            if (passed) cb.ready(false);
            passed = false;
          } else {
            stopped = true;
            cb.restart(`Container ${ctx.container.name} failed ${kind.toLowerCase()} probe, will be restarted`);
            return;
          }
        }
      }
      later(seconds(probe.periodSeconds, 10), attempt);
    });
    later(ctx.firstProbeMs + seconds(probe.initialDelaySeconds, 0), attempt);
  };
  const rest = (): void => {
    if (livenessProbe) loop('Liveness', livenessProbe);
    if (readinessProbe) loop('Readiness', readinessProbe);
    // Without a readiness probe, a container is ready once its startup probe has passed.
    else if (startupProbe) cb.ready(true);
  };
  if (startupProbe) loop('Startup', startupProbe, rest);
  else rest();
  return {
    readiness: readinessProbe !== undefined || startupProbe !== undefined,
    stop() {
      stopped = true;
      for (const id of timers) ctx.cancel(id);
      timers.clear();
    },
  };
}
