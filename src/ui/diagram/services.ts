/**
 * Services as the diagram shows them: kubectl's TYPE, CLUSTER-IP and PORT(S) columns, and the pods
 * behind each one. The endpoints come from the Endpoints object when the snapshot carries them (the
 * endpoints controller's truth: ready `addresses` and `notReadyAddresses`, each with a targetRef to
 * its pod); a snapshot without Endpoints objects gets what that controller would compute: the pods
 * the selector picks that have an IP and are not terminating, ready when their Ready condition is.
 */
import type { ClusterSnapshot, Endpoints, Pod, Service, Stored } from '../../engine';

export interface EndpointView {
  readonly ip: string;
  /** The ports this address serves ("80", "53,9153"). */
  readonly ports: string;
  /** Listed in `addresses` (kube-proxy sends traffic there) rather than `notReadyAddresses`. */
  readonly ready: boolean;
  /** The diagram id of the pod that answers; undefined when no pod on the picture has that address. */
  readonly target: string | undefined;
}

export interface ServiceView {
  /** `svc/<namespace>/<name>`. */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  /** kubectl's TYPE: ClusterIP, NodePort, LoadBalancer, ExternalName. */
  readonly type: string;
  /** kubectl's CLUSTER-IP: an address, "None" (headless) or "<none>" (ExternalName). */
  readonly clusterIP: string;
  /** kubectl's PORT(S): "80/TCP", "80:31080/TCP", "<none>". */
  readonly ports: string;
  readonly externalName: string | undefined;
  readonly endpoints: readonly EndpointView[];
}

/** The parts of a cluster snapshot this module reads; `endpoints` once the snapshot lists them. */
export interface ServiceCluster {
  readonly services: ClusterSnapshot['services'];
  readonly pods: ClusterSnapshot['pods'];
  readonly controlPlaneHost?: string;
  readonly endpoints?: readonly Stored<Endpoints>[];
}

/** Where an address is on the picture. */
export interface AddressBook {
  /** A pod id by its pod IP (pods with their own IP, not hostNetwork ones). */
  readonly podByIp: ReadonlyMap<string, string>;
  readonly podIds: ReadonlySet<string>;
  /** The kube-apiserver static pod of the host with this IP, for the `kubernetes` Service's endpoint. */
  readonly apiServerByHostIp: ReadonlyMap<string, string>;
}

/** kube-apiserver's secure port, the `kubernetes` Service's target. */
const API_SERVER_PORT = 6443;

export function serviceId(namespace: string, name: string): string {
  return `svc/${namespace}/${name}`;
}

export function serviceViews(cluster: ServiceCluster, book: AddressBook): ServiceView[] {
  const endpointsByKey = cluster.endpoints === undefined
    ? undefined
    : new Map(cluster.endpoints.map((e) => [`${e.metadata.namespace ?? 'default'}/${e.metadata.name}`, e]));
  return cluster.services.map((svc) => {
    const namespace = svc.metadata.namespace ?? 'default';
    const name = svc.metadata.name;
    const type = svc.spec?.type ?? 'ClusterIP';
    const external = type === 'ExternalName' ? svc.spec?.externalName : undefined;
    const object = endpointsByKey?.get(`${namespace}/${name}`);
    const endpoints = type === 'ExternalName'
      ? []
      : endpointsByKey !== undefined
        ? fromEndpoints(object, book)
        : fromSelector(svc, cluster.pods, book);
    return {
      id: serviceId(namespace, name),
      namespace,
      name,
      type,
      clusterIP: clusterIpColumn(svc),
      ports: portsColumn(svc),
      externalName: external,
      endpoints,
    };
  });
}

/** kubectl get svc's CLUSTER-IP. */
export function clusterIpColumn(svc: Service): string {
  if (svc.spec?.type === 'ExternalName') return '<none>';
  const ip = svc.spec?.clusterIP;
  return ip === undefined || ip === '' ? '<none>' : ip;
}

/** kubectl get svc's PORT(S): `port[:nodePort]/protocol`, comma-separated. */
export function portsColumn(svc: Service): string {
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports.map((p) => `${p.port}${p.nodePort === undefined || p.nodePort === 0 ? '' : `:${p.nodePort}`}/${p.protocol ?? 'TCP'}`).join(',');
}

function fromEndpoints(object: Endpoints | undefined, book: AddressBook): EndpointView[] {
  const out: EndpointView[] = [];
  for (const subset of object?.subsets ?? []) {
    const ports = [...new Set((subset.ports ?? []).map((p) => String(p.port)))].join(',');
    const add = (ready: boolean) => (a: { ip: string; targetRef?: { kind?: string; namespace?: string; name?: string } }) => {
      const ref = a.targetRef;
      const byRef = ref?.kind === 'Pod' && ref.name !== undefined ? `pod/${ref.namespace ?? 'default'}/${ref.name}` : undefined;
      const target = byRef !== undefined && book.podIds.has(byRef) ? byRef : addressTarget(a.ip, subset.ports?.map((p) => p.port) ?? [], book);
      out.push({ ip: a.ip, ports, ready, target });
    };
    (subset.addresses ?? []).forEach(add(true));
    (subset.notReadyAddresses ?? []).forEach(add(false));
  }
  return out;
}

function addressTarget(ip: string, ports: readonly number[], book: AddressBook): string | undefined {
  const pod = book.podByIp.get(ip);
  if (pod !== undefined) return pod;
  // A node's own address (hostNetwork): many static pods share it, but only the API server listens on 6443.
  return ports.includes(API_SERVER_PORT) ? book.apiServerByHostIp.get(ip) : undefined;
}

function fromSelector(svc: Service, pods: readonly Stored<Pod>[], book: AddressBook): EndpointView[] {
  const selector = svc.spec?.selector;
  const namespace = svc.metadata?.namespace ?? 'default';
  if (selector === undefined || Object.keys(selector).length === 0) return [];
  const ports = [...new Set((svc.spec?.ports ?? []).map((p) => (typeof p.targetPort === 'number' ? String(p.targetPort) : String(p.port))))].join(',');
  const out: EndpointView[] = [];
  for (const pod of pods) {
    if ((pod.metadata.namespace ?? 'default') !== namespace) continue;
    const labels = pod.metadata.labels ?? {};
    if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) continue;
    const ip = pod.status?.podIP;
    // The endpoints controller leaves out pods without an IP and pods being deleted.
    if (ip === undefined || ip === '' || pod.metadata.deletionTimestamp !== undefined) continue;
    const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
    const id = `pod/${namespace}/${pod.metadata.name}`;
    out.push({ ip, ports, ready, target: book.podIds.has(id) ? id : undefined });
  }
  // Endpoints list addresses sorted by IP; a stable order keeps the picture still between frames.
  return out.sort((a, b) => Number(b.ready) - Number(a.ready) || compareIp(a.ip, b.ip));
}

function compareIp(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "6 endpoints", "2 endpoints, 1 not ready", "no endpoints". */
export function endpointSummary(svc: ServiceView): string {
  if (svc.type === 'ExternalName') return `alias of ${svc.externalName ?? '<none>'}`;
  const ready = svc.endpoints.filter((e) => e.ready).length;
  const notReady = svc.endpoints.length - ready;
  if (svc.endpoints.length === 0) return 'no endpoints';
  return `${ready} ${ready === 1 ? 'endpoint' : 'endpoints'}${notReady > 0 ? `, ${notReady} not ready` : ''}`;
}
