/**
 * The Service variables the kubelet puts in every container's environment (pkg/kubelet/envvars):
 * for each Service with a ClusterIP, `<NAME>_SERVICE_HOST`, `<NAME>_SERVICE_PORT` (+ one per named
 * port) and Docker-link style `<NAME>_PORT…` variables. A pod sees the Services of its namespace
 * (unless `enableServiceLinks: false`) and always the `kubernetes` Service. The kubelet builds them
 * in a Go map, so their real order varies; we give `kubernetes` first, then the others by name.
 */
import type { Service } from 'kubernetes-types/core/v1';
import { mustResolve } from '../api/resources';
import type { Stored } from '../api/types';
import type { Cluster } from '../cluster/cluster';

const SERVICES = mustResolve('services');

const envName = (name: string) => name.replace(/-/g, '_').toUpperCase();

function variables(svc: Stored<Service>): [string, string][] {
  const ip = svc.spec?.clusterIP;
  const ports = svc.spec?.ports ?? [];
  if (!ip || ip === 'None' || ports.length === 0) return [];
  const prefix = envName(svc.metadata.name);
  const out: [string, string][] = [[`${prefix}_SERVICE_HOST`, ip], [`${prefix}_SERVICE_PORT`, String(ports[0]!.port)]];
  for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
  ports.forEach((p, i) => {
    const proto = (p.protocol ?? 'TCP').toLowerCase();
    const url = `${proto}://${ip}:${p.port}`;
    if (i === 0) out.push([`${prefix}_PORT`, url]);
    const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    out.push([pp, url], [`${pp}_PROTO`, proto], [`${pp}_PORT`, String(p.port)], [`${pp}_ADDR`, ip]);
  });
  return out;
}

export function serviceEnv(cluster: Cluster, namespace: string, enableServiceLinks: boolean): [string, string][] {
  const kubernetes = cluster.store.get<Service>(SERVICES, 'default', 'kubernetes');
  const out = kubernetes ? variables(kubernetes) : [];
  if (!enableServiceLinks) return out;
  for (const svc of cluster.store.list<Service>(SERVICES, { namespace })) {
    if (svc !== kubernetes) out.push(...variables(svc));
  }
  return out;
}
