/**
 * The pods behind a Service, as the endpoints and endpointslice controllers both see them: pods of
 * its namespace its selector picks that have an address and have not finished
 * (ShouldPodBeInEndpoints), with their readiness, whether they are terminating, and the port each
 * Service port reaches on them (a named targetPort looks the name up in the pod's containers, as
 * FindPort does; a pod without it is left out of that port).
 */
import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { ApiStore } from '../api/store';
import { mustResolve } from '../api/resources';
import { fromLabels, matchesSelector } from '../api/selectors';
import type { Stored } from '../api/types';
import { isPodReady } from '../controllers/podUtil';

const PODS = mustResolve('pods');
const SERVICES = mustResolve('services');

export interface Backend {
  readonly pod: Stored<Pod>;
  readonly ip: string;
  readonly ready: boolean;
  readonly terminating: boolean;
  /** The pod's port for each Service port, by index; undefined where the pod has no such named port. */
  readonly ports: readonly (number | undefined)[];
}

export function hasSelector(svc: Service): boolean {
  return Object.keys(svc.spec?.selector ?? {}).length > 0;
}

/** `clusterIP: None`: DNS answers with the pods themselves. */
export function isHeadless(svc: Service): boolean {
  return svc.spec?.clusterIP === 'None';
}

/** The port a Service port reaches on a pod (podutil.FindPort). */
export function targetPortOn(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
  }
  return undefined;
}

function inEndpoints(pod: Pod): boolean {
  const phase = pod.status?.phase;
  const restart = pod.spec?.restartPolicy;
  if (!pod.status?.podIP) return false;
  if (restart === 'Never') return phase !== 'Failed' && phase !== 'Succeeded';
  if (restart === 'OnFailure') return phase !== 'Succeeded';
  return true;
}

/** Backends sorted by address (then uid), the order the Endpoints object lists them in. */
export function backendsOf(store: ApiStore, svc: Stored<Service>): Backend[] {
  const selector = fromLabels(svc.spec?.selector);
  const ports = svc.spec?.ports ?? [];
  const out: Backend[] = [];
  for (const pod of store.list<Pod>(PODS, { namespace: svc.metadata.namespace, selector })) {
    if (!inEndpoints(pod)) continue;
    out.push({
      pod, ip: pod.status!.podIP!, ready: isPodReady(pod), terminating: pod.metadata.deletionTimestamp !== undefined,
      ports: ports.map((sp) => targetPortOn(pod, sp)),
    });
  }
  return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.pod.metadata.uid < b.pod.metadata.uid ? -1 : 1));
}

/** Services of a namespace whose selector picks pods with these labels. */
export function servicesSelecting(store: ApiStore, namespace: string | undefined, labels: Readonly<Record<string, string>> | undefined): Stored<Service>[] {
  return store.list<Service>(SERVICES, { namespace: namespace ?? 'default' })
    .filter((svc) => hasSelector(svc) && matchesSelector(fromLabels(svc.spec?.selector), labels));
}

/** A pod change the endpoints need to see: its address, readiness, labels, phase or deletion. */
export function podChangeMatters(pod: Pod, previous: Pod | undefined): boolean {
  if (!previous) return true;
  return pod.status?.podIP !== previous.status?.podIP
    || isPodReady(pod) !== isPodReady(previous)
    || pod.status?.phase !== previous.status?.phase
    || pod.metadata?.deletionTimestamp !== previous.metadata?.deletionTimestamp
    || pod.spec?.nodeName !== previous.spec?.nodeName
    || JSON.stringify(pod.metadata?.labels) !== JSON.stringify(previous.metadata?.labels);
}

/** The pod as an endpoint's targetRef. */
export function podRef(pod: Stored<Pod>): { kind: string; namespace: string; name: string; uid: string } {
  return { kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, uid: pod.metadata.uid };
}

/** Pods that set `hostname` and a `subdomain` naming this Service get a DNS name of their own under it. */
export function hostnameFor(pod: Pod, svc: Stored<Service>): string | undefined {
  const spec = pod.spec;
  return spec?.hostname && spec.subdomain === svc.metadata.name ? spec.hostname : undefined;
}

/** Keys of the Services whose pods this pod change concerns, before and after it. */
export function serviceKeysForPod(store: ApiStore, pod: Stored<Pod>, previous: Stored<Pod> | undefined): string[] {
  const keys = new Set<string>();
  for (const p of previous ? [pod, previous] : [pod]) {
    for (const svc of servicesSelecting(store, p.metadata.namespace, p.metadata.labels)) keys.add(`${svc.metadata.namespace}/${svc.metadata.name}`);
  }
  return [...keys];
}
