/**
 * kube-controller-manager's endpointslice loop: for every Service with a selector, EndpointSlices
 * named `<service>-<5 random>`, owned by the Service, one per set of ports the pods serve, each
 * endpoint with its ready / serving / terminating conditions (terminating pods stay listed, not
 * ready, as v1.26+ does). A Service without pods keeps one empty placeholder slice.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import { mustResolve } from '../api/resources';
import type { Stored, WatchEvent } from '../api/types';
import type { ControllerContext } from '../controllers/context';
import { isOwnEcho, keyNamespace, nsKey, splitKey } from '../controllers/keys';
import { deepEqual } from '../util/json';
import { backendsOf, hasSelector, hostnameFor, podChangeMatters, podRef, serviceKeysForPod } from './backends';
import { endpointLabels, TRIGGER_TIME } from './endpointsController';
import { ControlLoop } from '../controllers/controlLoop';

const SERVICES = mustResolve('services');
const SLICES = mustResolve('endpointslices');
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const CONTROLLER = 'endpointslice-controller.k8s.io';

interface Group {
  readonly ports: EndpointPort[];
  readonly endpoints: Endpoint[];
}

function desiredGroups(ctx: ControllerContext, svc: Stored<Service>): Group[] {
  const publishAll = svc.spec?.publishNotReadyAddresses === true;
  const servicePorts = svc.spec?.ports ?? [];
  const groups = new Map<string, Group>();
  for (const b of backendsOf(ctx.store, svc)) {
    const ports: EndpointPort[] = [];
    servicePorts.forEach((sp, i) => {
      const port = b.ports[i];
      if (port !== undefined) ports.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
    });
    if (servicePorts.length > 0 && ports.length === 0) continue;
    const serving = publishAll || b.ready;
    const hostname = hostnameFor(b.pod, svc);
    const endpoint: Endpoint = {
      addresses: [b.ip],
      conditions: { ready: publishAll || (serving && !b.terminating), serving, terminating: b.terminating },
      ...(hostname ? { hostname } : {}),
      nodeName: b.pod.spec?.nodeName ?? '',
      targetRef: podRef(b.pod),
    };
    const key = JSON.stringify(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, endpoints: [] }));
    group.endpoints.push(endpoint);
  }
  return groups.size ? [...groups.values()] : [{ ports: [], endpoints: [] }];
}

export class EndpointSliceController extends ControlLoop {
  readonly name = 'controller:endpointslice';

  keysFor(event: WatchEvent): readonly string[] {
    const { object } = event;
    if (event.resource === 'services') return [nsKey(object.metadata.namespace, object.metadata.name)];
    if (event.resource === 'endpointslices.discovery.k8s.io') {
      const service = object.metadata.labels?.[SERVICE_NAME_LABEL];
      return service && object.metadata.labels?.[MANAGED_BY] === CONTROLLER && !isOwnEcho(event, this.name) && event.type !== 'ADDED'
        ? [nsKey(object.metadata.namespace, service)] : [];
    }
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
    const existing = store.list<EndpointSlice>(SLICES, { namespace, selector: [
      { key: SERVICE_NAME_LABEL, op: 'In', values: [name] }, { key: MANAGED_BY, op: 'In', values: [CONTROLLER] },
    ] });
    const groups = svc && hasSelector(svc) ? desiredGroups(this.ctx, svc) : [];
    const labels = svc ? { ...endpointLabels(svc), [MANAGED_BY]: CONTROLLER, [SERVICE_NAME_LABEL]: name } : {};
    const unused = [...existing];
    for (const group of groups) {
      // Reuse the slice that already serves these ports, else any spare one, else a new one.
      const i = Math.max(0, unused.findIndex((s) => deepEqual(s.ports ?? [], group.ports)));
      const slice = unused.splice(i, 1)[0];
      const body = { addressType: 'IPv4', endpoints: group.endpoints, ...(group.ports.length ? { ports: group.ports } : {}) };
      if (slice && deepEqual(slice.endpoints, body.endpoints) && deepEqual(slice.ports ?? [], group.ports) && deepEqual(slice.metadata.labels, labels)) continue;
      const annotations = { ...slice?.metadata.annotations, [TRIGGER_TIME]: store.timestamp() };
      if (slice) {
        const { ports: _dropped, ...rest } = slice;
        store.update<EndpointSlice>(SLICES, { ...rest, ...body, metadata: { ...slice.metadata, labels, annotations } }, this.name);
      } else if (svc) {
        store.create<EndpointSlice>(SLICES, {
          ...body,
          metadata: {
            generateName: `${name}-`, namespace, labels, annotations,
            ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }],
          },
        }, this.name);
      }
    }
    for (const slice of unused) store.delete(SLICES, namespace, slice.metadata.name, this.name);
  }
}
