/**
 * Where a network tool runs and how it resolves names. On a node: the node's address, its
 * /etc/hosts, the session's DNS (PWK's nodes are containers on a Docker network: `nameserver
 * 127.0.0.11`), which knows the other nodes and the outside world. Inside a container (kubectl exec):
 * the pod's address on its node, and its /etc/resolv.conf — cluster DNS (10.96.0.10, through
 * kube-proxy to CoreDNS) with the pod's search domains, or the node's resolver for pods that do not
 * use the cluster's DNS.
 */
import {
  DNS_ATTEMPTS, DNS_SERVICE_IP, DNS_TIMEOUT_MS, isIpv4, registerPublicSites, resolveOnNode, serviceNetworkOf, type Cluster, type NetClient, type World,
} from '../../../engine';
import { containerOf } from '../../container/containerHost';
import type { CommandContext } from '../../types';
import { internetAddress } from '../net/target';

/** The session's DNS server as a node's /etc/resolv.conf names it (Docker's embedded DNS). */
export const NODE_NAMESERVER = '127.0.0.11';

export interface Vantage {
  readonly world: World;
  /** Which userland's wording: the node's (iputils, bind-utils, GNU wget) or busybox's in a container. */
  readonly flavour: 'node' | 'busybox';
  /** The host whose network stack sends (a pod's node). */
  readonly node: string;
  /** The sender's address. */
  readonly ip: string;
  readonly client: NetClient;
  /** nameserver and search list, as /etc/resolv.conf says. */
  readonly nameserver: string;
  readonly search: readonly string[];
  readonly ndots: number;
  /** The cluster whose DNS the nameserver is, when it is the cluster's. */
  readonly cluster: Cluster | undefined;
  /** Names from /etc/hosts (a pod's own name, localhost). */
  hostsEntry(name: string): string | undefined;
}

export function vantageOf(ctx: CommandContext): Vantage {
  const world = ctx.world;
  const target = containerOf(ctx.host);
  const conf = parseResolvConf(ctx.host.fs.readFile('/etc/resolv.conf'));
  const hostsFile = ctx.host.fs.readFile('/etc/hosts');
  const hostsEntry = (name: string): string | undefined => {
    if (!hostsFile.ok) return undefined;
    for (const line of hostsFile.value.split('\n')) {
      const fields = line.replace(/#.*/, '').trim().split(/\s+/);
      if (fields[0] && isIpv4(fields[0]) && fields.slice(1).some((n) => n.toLowerCase() === name.toLowerCase())) return fields[0];
    }
    return undefined;
  };
  const node = target?.node ?? ctx.host.name;
  const nameserver = conf.nameserver ?? (target ? DNS_SERVICE_IP : NODE_NAMESERVER);
  return {
    world,
    flavour: target ? 'busybox' : 'node',
    node,
    ip: target?.ip ?? ctx.host.ip,
    client: target ? { node, ip: target.ip, name: `${node}/${target.hostname}` } : { node, ip: ctx.host.ip, name: node },
    nameserver,
    search: conf.search,
    ndots: conf.ndots,
    cluster: nameserver === DNS_SERVICE_IP ? clusterOf(world, node) : undefined,
    hostsEntry,
  };
}

interface ResolvConf {
  readonly nameserver: string | undefined;
  readonly search: readonly string[];
  readonly ndots: number;
}

function parseResolvConf(file: { ok: true; value: string } | { ok: false }): ResolvConf {
  let nameserver: string | undefined;
  let search: string[] = [];
  let ndots = 1;
  if (file.ok) {
    for (const line of file.value.split('\n')) {
      const [key, ...rest] = line.trim().split(/\s+/);
      if (key === 'nameserver' && nameserver === undefined && rest[0]) nameserver = rest[0];
      else if (key === 'search' || key === 'domain') search = rest;
      else if (key === 'options') for (const o of rest) if (o.startsWith('ndots:')) ndots = Number(o.slice(6)) || 0;
    }
  }
  return { nameserver, search, ndots };
}

function clusterOf(world: World, node: string): Cluster | undefined {
  return world.clusters.find((c) => c.kubelets.has(node)) ?? world.clusters[0];
}

export type Lookup =
  | { readonly kind: 'found'; readonly name: string; readonly ip: string; readonly addresses: readonly string[]; readonly external: boolean; readonly cname?: string }
  | { readonly kind: 'nxdomain'; readonly name: string }
  /** Nobody answered (kube-proxy has no rule to the DNS Service, CoreDNS down): after the resolver's retries. */
  | { readonly kind: 'timeout' }
  /** The DNS Service has no endpoints: kube-proxy REJECTs, the port is unreachable. */
  | { readonly kind: 'refused' };

/** How long a resolver waits before giving up on a silent server (2 tries of 5 s). */
export const RESOLVER_GIVE_UP_MS = DNS_TIMEOUT_MS * DNS_ATTEMPTS;

/** Well-known names of the outside world and their real addresses; other known sites get a stable one. */
const WELL_KNOWN: Readonly<Record<string, string>> = {
  'one.one.one.one': '1.1.1.1',
  'dns.google': '8.8.8.8',
  'google.com': '142.250.185.78',
  'www.google.com': '142.250.185.68',
  'cloudflare.com': '104.16.132.229',
  'kubernetes.io': '147.75.40.148',
  'docker.io': '44.219.3.189',
};

/** A name of the Internet the session's DNS knows: well-known ones, and every site the world serves. */
export function internetIp(world: World, name: string): string | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const known = WELL_KNOWN[lower];
  if (known) return known;
  registerPublicSites(world.internet);
  return world.internet.knows(lower) ? internetAddress(lower) : undefined;
}

/** The session's DNS (what a node asks): the nodes by name, and the outside world. */
function sessionDns(v: Vantage, name: string): Lookup {
  const bare = name.toLowerCase().replace(/\.$/, '');
  const node = resolveOnNode(v.world, v.node, bare);
  if (node !== undefined && v.world.hosts.some((h) => h.name === bare)) return { kind: 'found', name: bare, ip: node, addresses: [node], external: false };
  const outside = internetIp(v.world, bare);
  return outside !== undefined ? { kind: 'found', name: bare, ip: outside, addresses: [outside], external: true } : { kind: 'nxdomain', name: bare };
}

/** The names a resolver tries, in order, for its search list and ndots. */
export function searchCandidates(v: Vantage, name: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const expanded = v.search.map((d) => `${name}.${d}`);
  return name.split('.').length - 1 >= v.ndots ? [name, ...expanded] : [...expanded, name];
}

/**
 * Asks `server` (the vantage's nameserver by default) for `name`, walking the search list unless
 * the name is absolute. The cluster's DNS is reached through kube-proxy (timeouts and refusals
 * come from there); any other server is the session's DNS.
 */
export function lookup(v: Vantage, name: string, server: string = v.nameserver): Lookup {
  const cluster = server === DNS_SERVICE_IP ? (v.cluster ?? clusterOf(v.world, v.node)) : undefined;
  const names = server === v.nameserver ? searchCandidates(v, name) : [name.replace(/\.$/, '')];
  if (server === DNS_SERVICE_IP && !cluster) return { kind: 'timeout' };
  let last: Lookup = { kind: 'nxdomain', name: names[names.length - 1] ?? name };
  for (const candidate of names) {
    if (!cluster) {
      last = sessionDns(v, candidate);
      if (last.kind === 'found') return last;
      continue;
    }
    const r = serviceNetworkOf(v.world).lookup({ cluster, node: v.node, namespace: 'default', name: `${candidate}.` });
    if (r.outcome === 'timeout') return { kind: 'timeout' };
    if (r.outcome === 'refused') return { kind: 'refused' };
    const a = r.answer;
    if (a.status === 'ok') {
      if (a.addresses.length > 0) return { kind: 'found', name: a.name, ip: a.addresses[0]!, addresses: a.addresses, external: false, ...(a.cname ? { cname: a.cname } : {}) };
      last = { kind: 'nxdomain', name: a.name };
      continue;
    }
    if (a.status === 'external') {
      // CoreDNS forwards the rest to the node's resolver, the session's DNS.
      const outside = sessionDns(v, a.name);
      if (outside.kind === 'found') return outside;
    }
    last = { kind: 'nxdomain', name: a.name };
  }
  return last;
}

/** What a program's resolver (libc, busybox) gets for a name: an address, or why not. */
export function resolveHost(v: Vantage, name: string): Lookup {
  if (isIpv4(name)) return { kind: 'found', name, ip: name, addresses: [name], external: false };
  const local = v.hostsEntry(name);
  if (local !== undefined) return { kind: 'found', name, ip: local, addresses: [local], external: false };
  return lookup(v, name);
}

/** The name a DNS server gives an address (PTR), for nslookup and ping's reply lines. */
export function reverseName(v: Vantage, ip: string, server: string = v.nameserver): string | undefined {
  if (server === DNS_SERVICE_IP) {
    const cluster = v.cluster ?? clusterOf(v.world, v.node);
    return cluster ? serviceNetworkOf(v.world).reverse(cluster, ip) : undefined;
  }
  return v.world.hosts.find((h) => h.ip === ip)?.name;
}
