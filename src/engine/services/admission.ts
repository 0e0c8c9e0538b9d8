/**
 * What kube-apiserver does to a Service before storing it, in its order: defaults
 * (SetDefaults_Service), the values an update left out copied from the stored object
 * (patchAllocatedValues) and fields a type change leaves behind dropped (dropTypeDependentFields),
 * then ClusterIP and NodePort allocation, then validation. Installed on every cluster's store, so a
 * Service gets its address the moment `kubectl expose` creates it, whoever writes it.
 */
import type { Service, ServicePort, ServiceSpec } from 'kubernetes-types/core/v1';
import type { ApiStore } from '../api/store';
import { invalid, type ApiError } from '../api/errors';
import { mustResolve } from '../api/resources';
import type { Stored } from '../api/types';
import type { Random } from '../random';
import type { Draft } from '../util/json';
import { isIpv4 } from '../net/resolve';
import { claimClusterIp, claimNodePort, nextClusterIp, nextNodePort } from './allocators';
import { validateService } from './validation';

const SERVICES = mustResolve('services');

type Spec = Draft<ServiceSpec>;

const needsNodePorts = (spec: ServiceSpec): boolean =>
  spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
const needsClusterIp = (spec: ServiceSpec): boolean => spec.type !== 'ExternalName';

export function installServiceAdmission(store: ApiStore, random: Random): void {
  const ips = random.fork('service-cluster-ips');
  const ports = random.fork('service-node-ports');
  store.admit((type, draft, current, dryRun) => (type.kind !== 'Service' ? undefined
    // A dry run draws from forks: it shows an address without moving what the next real Service gets.
    : dryRun ? admitService(store, draft as Draft<Service>, current as Stored<Service> | undefined, ips.fork('dry-run'), ports.fork('dry-run'))
      : admitService(store, draft as Draft<Service>, current as Stored<Service> | undefined, ips, ports)));
}

function admitService(store: ApiStore, svc: Draft<Service>, current: Stored<Service> | undefined, ips: Random, ports: Random): ApiError | undefined {
  const spec = (svc.spec ??= {}) as Spec;
  const name = svc.metadata?.name ?? '';
  const old = current?.spec ?? {};
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (current) keepAllocated(spec, old);
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  if (!spec.clusterIP && spec.clusterIPs?.length) spec.clusterIP = spec.clusterIPs[0]!;
  if (needsClusterIp(spec)) {
    spec.internalTrafficPolicy ??= 'Cluster';
    // A headless Service without a selector is family-agnostic: it may list endpoints of any family.
    spec.ipFamilyPolicy ??= spec.clusterIP === 'None' && !Object.keys(spec.selector ?? {}).length ? 'RequireDualStack' : 'SingleStack';
    spec.ipFamilies ??= ['IPv4'];
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  svc.status ??= { loadBalancer: {} };
  const others = store.list<Service>(SERVICES).filter((s) => s.metadata.name !== name || s.metadata.namespace !== (svc.metadata?.namespace ?? 'default'));
  const failed = allocateClusterIp(spec, others, ips) ?? allocateNodePorts(spec, others, ports);
  if (failed) return invalid('Service', name, [failed]);
  const causes = validateService(svc as Service, current);
  return causes.length ? invalid('Service', name, causes) : undefined;
}

/** patchAllocatedValues and dropTypeDependentFields: an update keeps what was allocated, unless the type no longer needs it. */
function keepAllocated(spec: Spec, old: ServiceSpec): void {
  if (needsClusterIp(old) && needsClusterIp(spec) && !spec.clusterIP && !spec.clusterIPs?.length && old.clusterIP) {
    spec.clusterIP = old.clusterIP;
    spec.clusterIPs = [...(old.clusterIPs ?? [old.clusterIP])];
  }
  const newPorts = spec.ports ?? [];
  if (needsNodePorts(old) && needsNodePorts(spec)) {
    const kept = new Set(newPorts.map((p) => p.nodePort).filter((n) => n));
    const byName = new Map((old.ports ?? []).map((p) => [p.name ?? '', p.nodePort]));
    for (const p of newPorts) {
      const previous = byName.get(p.name ?? '');
      if (!p.nodePort && previous && !kept.has(previous)) p.nodePort = previous;
    }
  }
  const oldPorts = old.ports ?? [];
  const sameNodePorts = oldPorts.length === newPorts.length && oldPorts.every((p, i) => p.nodePort === newPorts[i]!.nodePort);
  if (needsNodePorts(old) && !needsNodePorts(spec) && sameNodePorts) for (const p of newPorts) delete p.nodePort;
  if (spec.type === 'ExternalName' && needsClusterIp(old) && spec.clusterIP === old.clusterIP) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
    delete spec.internalTrafficPolicy;
  }
  if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer' && spec.externalTrafficPolicy === old.externalTrafficPolicy) delete spec.externalTrafficPolicy;
}

function allocateClusterIp(spec: Spec, others: readonly Stored<Service>[], random: Random): string | undefined {
  if (!needsClusterIp(spec) || spec.clusterIP === 'None') return undefined;
  const used = new Set<string>();
  for (const s of others) if (s.spec?.clusterIP) used.add(s.spec.clusterIP);
  if (spec.clusterIP) {
    // Malformed addresses are validation's to report.
    const refused = isIpv4(spec.clusterIP) ? claimClusterIp(spec.clusterIP, used) : undefined;
    return refused && `spec.clusterIPs: Invalid value: []string{"${spec.clusterIP}"}: ${refused}`;
  }
  const next = nextClusterIp(used, random);
  if (!next.ok) return `spec.clusterIPs: Invalid value: []string{}: ${next.message}`;
  spec.clusterIP = next.value;
  spec.clusterIPs = [next.value];
  return undefined;
}

/** initNodePorts: requested ports are claimed, the others drawn; ports of one number share a NodePort across protocols. */
function allocateNodePorts(spec: Spec, others: readonly Stored<Service>[], random: Random): string | undefined {
  if (!needsNodePorts(spec) || spec.type === 'ExternalName') return undefined;
  const used = new Set<number>();
  for (const s of others) for (const p of s.spec?.ports ?? []) if (p.nodePort) used.add(p.nodePort);
  const ports: Draft<ServicePort>[] = spec.ports ?? [];
  const byPort = new Map<number, number>();
  for (const [i, p] of ports.entries()) {
    const shared = byPort.get(p.port);
    if (shared !== undefined && (!p.nodePort || p.nodePort === shared)) {
      p.nodePort = shared;
      continue;
    }
    const requested = p.nodePort ?? ports.find((q) => q.port === p.port && q.nodePort)?.nodePort;
    if (requested) {
      const refused = claimNodePort(requested, used);
      if (refused) return `spec.ports[${i}].nodePort: Invalid value: ${requested}: ${refused}`;
      p.nodePort = requested;
    } else {
      const next = nextNodePort(used, random);
      if (next === undefined) return `spec.ports[${i}].nodePort: Invalid value: 0: range is full`;
      p.nodePort = next;
    }
    used.add(p.nodePort);
    byPort.set(p.port, p.nodePort);
  }
  return undefined;
}
