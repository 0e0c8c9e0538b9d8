/**
 * kube-controller-manager's endpoints loop: for every Service with a selector, an Endpoints object
 * of the same name listing its pods — ready ones in `addresses`, the others in
 * `notReadyAddresses`, terminating ones left out (unless publishNotReadyAddresses) — grouped into
 * subsets by the ports they serve, as RepackSubsets does. Rewritten only when its content changes,
 * with the `last-change-trigger-time` annotation; deleted with its Service. Services without a
 * selector (`kubernetes`, hand-made Endpoints) are left alone.
 */
import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Pod, Service } from 'kubernetes-types/core/v1';
import { mustResolve } from '../api/resources';
import type { Stored, WatchEvent } from '../api/types';
import type { ControllerContext } from '../controllers/context';
import { isOwnEcho, keyNamespace, nsKey, splitKey } from '../controllers/keys';
import { deepEqual } from '../util/json';
import { backendsOf, hasSelector, hostnameFor, isHeadless, podChangeMatters, podRef, serviceKeysForPod } from './backends';
import { ControlLoop } from '../controllers/controlLoop';

const SERVICES = mustResolve('services');
const ENDPOINTS = mustResolve('endpoints');
export const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

/** The Service's labels, marked headless when it has no ClusterIP (both controllers label so). */
export function endpointLabels(svc: Stored<Service>): Record<string, string> {
  const labels: Record<string, string> = { ...svc.metadata.labels };
  if (isHeadless(svc)) labels[HEADLESS_LABEL] = '';
  return labels;
}

/** The subsets a Service's Endpoints should hold now. */
export function desiredSubsets(ctx: ControllerContext, svc: Stored<Service>): EndpointSubset[] {
  const publishAll = svc.spec?.publishNotReadyAddresses === true;
  const servicePorts = svc.spec?.ports ?? [];
  const groups = new Map<string, { ports: EndpointPort[]; addresses: EndpointAddress[]; notReadyAddresses: EndpointAddress[] }>();
  for (const b of backendsOf(ctx.store, svc)) {
    if (b.terminating && !publishAll) continue;
    const ports: EndpointPort[] = [];
    servicePorts.forEach((sp, i) => {
      const port = b.ports[i];
      if (port !== undefined) ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
    });
    // A pod that serves none of the Service's ports is no endpoint of it (a headless Service without ports takes every pod).
    if (servicePorts.length > 0 && ports.length === 0) continue;
    const hostname = hostnameFor(b.pod, svc);
    const address: EndpointAddress = { ...(hostname ? { hostname } : {}), ip: b.ip, nodeName: b.pod.spec?.nodeName ?? '', targetRef: podRef(b.pod) };
    const key = JSON.stringify(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, addresses: [], notReadyAddresses: [] }));
    (b.ready || publishAll ? group.addresses : group.notReadyAddresses).push(address);
  }
  return [...groups.values()].map((g) => ({
    ...(g.addresses.length ? { addresses: g.addresses } : {}),
    ...(g.notReadyAddresses.length ? { notReadyAddresses: g.notReadyAddresses } : {}),
    ...(g.ports.length ? { ports: g.ports } : {}),
  }));
}

export class EndpointsController extends ControlLoop {
  readonly name = 'controller:endpoint';

  keysFor(event: WatchEvent): readonly string[] {
    const { object } = event;
    if (event.resource === 'services') return [nsKey(object.metadata.namespace, object.metadata.name)];
    if (event.resource === 'endpoints') return isOwnEcho(event, this.name) || event.type === 'ADDED' ? [] : [nsKey(object.metadata.namespace, object.metadata.name)];
    if (event.resource !== 'pods') return [];
    if (event.type === 'MODIFIED' && !podChangeMatters(object as Pod, event.previous as Pod | undefined)) return [];
    return serviceKeysForPod(this.ctx.store, object as Stored<Pod>, event.previous as Stored<Pod> | undefined);
  }

  resync(): readonly string[] {
    return this.ctx.store.list(SERVICES).map((s) => nsKey(s.metadata.namespace, s.metadata.name));
  }

  reconcile(key: string): void {
    const { store } = this.ctx;
    const { name } = splitKey(key);
    const namespace = keyNamespace(key);
    const svc = store.get<Service>(SERVICES, namespace, name);
    const current = store.get<Endpoints>(ENDPOINTS, namespace, name);
    if (!svc) {
      if (current) store.delete(ENDPOINTS, namespace, name, this.name);
      return;
    }
    if (!hasSelector(svc)) return;
    const subsets = desiredSubsets(this.ctx, svc);
    const labels = endpointLabels(svc);
    if (current && deepEqual(current.subsets ?? [], subsets) && deepEqual(current.metadata.labels ?? {}, labels)) return;
    const { labels: _old, ...kept } = current?.metadata ?? {};
    const metadata = {
      ...kept, name, namespace, ...(Object.keys(labels).length ? { labels } : {}),
      annotations: { ...current?.metadata.annotations, [TRIGGER_TIME]: store.timestamp() },
    };
    const desired: Endpoints = { metadata, ...(subsets.length ? { subsets } : {}) };
    if (current) store.update(ENDPOINTS, desired, this.name);
    else store.create(ENDPOINTS, desired, this.name);
  }
}
