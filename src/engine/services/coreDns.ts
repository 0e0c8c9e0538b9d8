/**
 * CoreDNS as kubeadm v1.27 configures it (the `coredns` ConfigMap's Corefile): the `kubernetes`
 * plugin answers the cluster.local zone (Services, headless pods, ExternalName aliases, `pods
 * insecure` dashed-IP names, reverse names), `forward . /etc/resolv.conf` sends everything else to
 * the node's resolver — on PWK, the session's DNS, which knows the nodes by name and the outside
 * world. And a pod's resolver in front of it: `search <ns>.svc.cluster.local svc.cluster.local
 * cluster.local`, `options ndots:5`, as the kubelet writes a ClusterFirst pod's resolv.conf.
 */
import { DNS_DOMAIN, DNS_SERVICE_IP } from '../cluster/constants';
import { isIpv4 } from '../net/resolve';
import type { World } from '../world';
import type { ClusterNet } from './clusterNet';

/** resolv.conf's defaults: 5 s per try, 2 tries per server. */
export const DNS_TIMEOUT_MS = 5000;
export const DNS_ATTEMPTS = 2;
export const NDOTS = 5;

/** `pods insecure` names: <dashed IP>.<namespace>.pod.cluster.local. */
const POD_NAME = /^(\d+-\d+-\d+-\d+)\.[^.]+\.pod\.cluster\.local$/;

export type DnsAnswer =
  /** The name exists: its addresses (none for a headless Service without ready pods), via an alias maybe. */
  | { readonly status: 'ok'; readonly name: string; readonly addresses: readonly string[]; readonly cname?: string }
  | { readonly status: 'nxdomain'; readonly name: string }
  /** Outside the cluster and the session: a name of the Internet, which the world reaches by URL, not by address. */
  | { readonly status: 'external'; readonly name: string };

export function searchDomains(namespace: string): string[] {
  return [`${namespace}.svc.${DNS_DOMAIN}`, `svc.${DNS_DOMAIN}`, DNS_DOMAIN];
}

/** A ClusterFirst pod's /etc/resolv.conf, as the kubelet writes it. */
export function podResolvConf(namespace: string): string {
  return `search ${searchDomains(namespace).join(' ')}\nnameserver ${DNS_SERVICE_IP}\noptions ndots:${NDOTS}\n`;
}

/** The names a resolver tries for `name`, in order (absolute names only as they are). */
export function candidates(name: string, namespace: string): string[] {
  const bare = name.toLowerCase().replace(/\.$/, '');
  if (name.endsWith('.')) return [bare];
  const expanded = searchDomains(namespace).map((d) => `${bare}.${d}`);
  return bare.split('.').length - 1 >= NDOTS ? [bare, ...expanded] : [...expanded, bare];
}

function upstream(world: World, name: string): DnsAnswer {
  const node = world.hosts.find((h) => h.name === name);
  if (node) return { status: 'ok', name, addresses: [node.ip] };
  return world.internet.knows(name) ? { status: 'external', name } : { status: 'nxdomain', name };
}

/** What CoreDNS answers for one fully qualified name. */
export function answer(world: World, net: ClusterNet, fqdn: string, depth = 0): DnsAnswer {
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  if (name !== DNS_DOMAIN && !name.endsWith(`.${DNS_DOMAIN}`)) return upstream(world, name);
  const record = net.dns().names.get(name);
  if (record && 'cname' in record) {
    const target = depth < 4 ? answer(world, net, record.cname, depth + 1) : undefined;
    return { status: 'ok', name, addresses: target?.status === 'ok' ? target.addresses : [], cname: record.cname };
  }
  if (record) return { status: 'ok', name, addresses: record.addresses };
  // `pods insecure`: 10-44-0-3.default.pod.cluster.local is 10.44.0.3, whoever has it.
  const pod = POD_NAME.exec(name);
  const ip = pod?.[1]!.replace(/-/g, '.');
  return ip && isIpv4(ip) ? { status: 'ok', name, addresses: [ip] } : { status: 'nxdomain', name };
}

/** A pod's resolver walking its search list: the first name that exists, and every answer on the way. */
export function resolveFromPod(world: World, net: ClusterNet, namespace: string, name: string): { readonly answer: DnsAnswer; readonly tried: readonly DnsAnswer[] } {
  const tried: DnsAnswer[] = [];
  for (const candidate of candidates(name, namespace)) {
    const a = answer(world, net, candidate);
    tried.push(a);
    if (a.status !== 'nxdomain') return { answer: a, tried };
  }
  return { answer: tried[tried.length - 1]!, tried };
}

/** The PTR name of a Service or endpoint address (`nslookup 10.96.0.10` → kube-dns.kube-system.svc.cluster.local). */
export function reverseName(net: ClusterNet, ip: string): string | undefined {
  return net.dns().reverse.get(ip);
}
