/**
 * One cluster's service network as its components program it: kube-proxy's rules (which nodes run
 * kube-proxy, each ClusterIP:port and NodePort with the endpoints behind it) and CoreDNS's records
 * (`<svc>.<ns>.svc.cluster.local`, headless pods, ExternalName aliases, reverse names), plus an
 * index of pod addresses for traffic accounting. All derived from API objects, rebuilt lazily
 * after a change to Services, Endpoints or kube-proxy's pods, so a connection costs map lookups.
 */
import type { Endpoints, Pod, Service } from 'kubernetes-types/core/v1';
import { mustResolve } from '../api/resources';
import type { Stored, WatchEvent } from '../api/types';
import type { Cluster } from '../cluster/cluster';
import { DNS_DOMAIN } from '../cluster/constants';
import type { Unsubscribe } from '../emitter';
import { isHeadless } from './backends';

const SERVICES = mustResolve('services');
const ENDPOINTS = mustResolve('endpoints');
const PODS = mustResolve('pods');

export interface ProxyBackend {
  readonly ip: string;
  readonly port: number;
}

/** Endpoints by Service port, per protocol; an empty list is a Service without ready endpoints. */
export interface PortTable {
  readonly TCP: Map<number, ProxyBackend[]>;
  readonly UDP: Map<number, ProxyBackend[]>;
}

export interface ProxyRules {
  /** Nodes where a kube-proxy pod runs. */
  readonly nodes: ReadonlySet<string>;
  readonly byClusterIp: ReadonlyMap<string, PortTable>;
  readonly nodePorts: PortTable;
}

/** An A answer (addresses, maybe none) or an ExternalName's alias. */
export type DnsRecord = { readonly addresses: readonly string[] } | { readonly cname: string };

export interface DnsZone {
  readonly names: ReadonlyMap<string, DnsRecord>;
  /** in-addr.arpa: Service and endpoint addresses back to their names. */
  readonly reverse: ReadonlyMap<string, string>;
}

const table = (): PortTable => ({ TCP: new Map(), UDP: new Map() });
const dashed = (ip: string) => ip.replace(/\./g, '-');

export function isKubeProxyPod(pod: Pod | undefined): boolean {
  return pod?.metadata?.namespace === 'kube-system' && pod.metadata.labels?.['k8s-app'] === 'kube-proxy';
}

export class ClusterNet {
  /** Pod IP → `namespace/name`, for pods with an address of their own (not hostNetwork). */
  readonly podsByIp = new Map<string, string>();
  private proxyRules: ProxyRules | undefined;
  private zone: DnsZone | undefined;
  /** Answers already given, by namespace then name: a program resolves the same names on every request. */
  private readonly answers = new Map<string, Map<string, unknown>>();
  private readonly unwatch: Unsubscribe;

  constructor(readonly cluster: Cluster) {
    for (const pod of cluster.store.list<Pod>(PODS)) this.indexPod(pod, true);
    this.unwatch = cluster.store.watch((e) => this.onEvent(e));
  }

  dispose(): void {
    this.unwatch();
  }

  rules(): ProxyRules {
    return (this.proxyRules ??= this.buildRules());
  }

  dns(): DnsZone {
    return (this.zone ??= this.buildZone());
  }

  /** The answer cached() holds for `name` asked from `namespace`, if any (computes nothing). */
  known<T>(namespace: string, name: string): T | undefined {
    const byName = this.answers.get(namespace);
    // Over the limit cached() starts afresh, so there is nothing to reuse.
    return byName && byName.size <= 512 ? (byName.get(name) as T | undefined) : undefined;
  }

  /** A resolver's answer for `name` asked from `namespace`, computed once per state of the zone. */
  cached<T>(namespace: string, name: string, compute: () => T): T {
    let byName = this.answers.get(namespace);
    if (!byName || byName.size > 512) this.answers.set(namespace, (byName = new Map()));
    if (!byName.has(name)) byName.set(name, compute());
    return byName.get(name) as T;
  }

  private onEvent(e: WatchEvent): void {
    if (e.resource === 'services' || e.resource === 'endpoints') {
      this.proxyRules = undefined;
      this.zone = undefined;
      this.answers.clear();
    } else if (e.resource === 'pods') {
      const pod = e.object as Stored<Pod>;
      const previous = e.previous as Stored<Pod> | undefined;
      if (previous) this.indexPod(previous, false);
      if (e.type !== 'DELETED') this.indexPod(pod, true);
      if (isKubeProxyPod(pod) && running(pod) !== running(previous)) this.proxyRules = undefined;
    }
  }

  private indexPod(pod: Pod, add: boolean): void {
    const ip = pod.status?.podIP;
    if (!ip || pod.spec?.hostNetwork) return;
    const key = `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
    if (add) this.podsByIp.set(ip, key);
    else if (this.podsByIp.get(ip) === key) this.podsByIp.delete(ip);
  }

  private buildRules(): ProxyRules {
    const { store } = this.cluster;
    const nodes = new Set<string>();
    for (const pod of store.list<Pod>(PODS, { namespace: 'kube-system' })) {
      if (isKubeProxyPod(pod) && running(pod) && pod.spec?.nodeName) nodes.add(pod.spec.nodeName);
    }
    const byClusterIp = new Map<string, PortTable>();
    const nodePorts = table();
    for (const svc of store.list<Service>(SERVICES)) {
      const ip = svc.spec?.clusterIP;
      if (!ip || ip === 'None') continue;
      const ports = table();
      byClusterIp.set(ip, ports);
      const ep = store.get<Endpoints>(ENDPOINTS, svc.metadata.namespace, svc.metadata.name);
      for (const sp of svc.spec?.ports ?? []) {
        const backends: ProxyBackend[] = [];
        for (const subset of ep?.subsets ?? []) {
          const port = subset.ports?.find((p) => (p.name ?? '') === (sp.name ?? '') && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP'));
          if (port) for (const a of subset.addresses ?? []) backends.push({ ip: a.ip, port: port.port });
        }
        const protocol = sp.protocol === 'UDP' ? 'UDP' : 'TCP';
        ports[protocol].set(sp.port, backends);
        if (sp.nodePort) nodePorts[protocol].set(sp.nodePort, backends);
      }
    }
    return { nodes, byClusterIp, nodePorts };
  }

  private buildZone(): DnsZone {
    const { store } = this.cluster;
    const names = new Map<string, DnsRecord>();
    const reverse = new Map<string, string>();
    for (const svc of store.list<Service>(SERVICES)) {
      const fqdn = `${svc.metadata.name}.${svc.metadata.namespace}.svc.${DNS_DOMAIN}`;
      if (svc.spec?.type === 'ExternalName') {
        names.set(fqdn, { cname: (svc.spec.externalName ?? '').replace(/\.$/, '') });
        continue;
      }
      const ep = store.get<Endpoints>(ENDPOINTS, svc.metadata.namespace, svc.metadata.name);
      const ready = (ep?.subsets ?? []).flatMap((s) => s.addresses ?? []);
      for (const a of ready) if (!reverse.has(a.ip)) reverse.set(a.ip, `${a.hostname ?? dashed(a.ip)}.${fqdn}`);
      if (!isHeadless(svc)) {
        if (svc.spec?.clusterIP) {
          names.set(fqdn, { addresses: [svc.spec.clusterIP] });
          reverse.set(svc.spec.clusterIP, fqdn);
        }
        continue;
      }
      // A headless Service answers with its pods, and each pod with a name under it.
      names.set(fqdn, { addresses: [...new Set(ready.map((a) => a.ip))] });
      for (const a of ready) {
        names.set(`${dashed(a.ip)}.${fqdn}`, { addresses: [a.ip] });
        if (a.hostname) names.set(`${a.hostname}.${fqdn}`, { addresses: [a.ip] });
      }
    }
    return { names, reverse };
  }
}

function running(pod: Pod | undefined): boolean {
  return pod?.status?.phase === 'Running' && (pod.status.containerStatuses ?? []).some((c) => c.state?.running !== undefined);
}
