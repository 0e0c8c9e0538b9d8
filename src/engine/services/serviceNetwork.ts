/**
 * The service network of a world, installed once (by kubeadm init): kube-proxy's rules as a router
 * on the world's Network, so every client — curl and wget on a node or in a pod, DockerCoins'
 * programs, the page's browser on a NodePort — reaches Services through `network.dial`; CoreDNS
 * for pods; pod traffic crossing the overlay, counted for the diagram; ICMP echo for `ping`.
 *
 * kube-proxy in iptables mode: a ClusterIP:port is DNATed, on the client's node, to one of the
 * Service's ready endpoints picked at random for each connection (the `statistic --mode random`
 * rules; seeded per node here); a NodePort the same on any node address, on the node it reached;
 * a Service without endpoints REJECTs ("Connection refused"); a node without a running kube-proxy
 * has no rules, so a ClusterIP leads nowhere there.
 */
import type { Cluster } from '../cluster/cluster';
import { DNS_SERVICE_IP } from '../cluster/constants';
import type { Listener, Protocol, Redirect } from '../host/network';
import { setPodNetworkHooks } from '../pods/hooks';
import type { Random } from '../random';
import type { World } from '../world';
import { NODE_PORT_FIRST, NODE_PORT_LAST } from './allocators';
import { ClusterNet, type ProxyBackend } from './clusterNet';
import { answer, resolveFromPod, reverseName, type DnsAnswer } from './coreDns';
import { setPacketProbe, type OverlayPacket } from './packetProbe';
import { serviceEnv } from './serviceEnv';

/** How many recent overlay packets are kept for the snapshot, and for how long. */
export const PACKET_LOG_SIZE = 64;
export const PACKET_WINDOW_MS = 2000;
/**
 * One packet per client, server and kind per this long is enough to draw a flow (the diagram shows
 * one dot a second per pair); a busy flow must not push the quieter ones out of the log.
 */
export const PACKET_SAMPLE_MS = 500;

const REFUSED: Redirect = { fail: 'refused' };
const NOWHERE: Redirect = { fail: 'unreachable' };

export interface PodDnsQuery {
  readonly cluster: Cluster;
  /** The node the query leaves from (the asking pod's node). */
  readonly node: string;
  /** The asking pod's namespace (its first search domain). */
  readonly namespace: string;
  readonly name: string;
  /** Ask for the name as given, without the pod's search list (a node's `nslookup web.default.svc.cluster.local 10.96.0.10`). */
  readonly absolute?: boolean;
}

export type PodDnsResult =
  | { readonly outcome: 'answered'; readonly server: string; readonly answer: DnsAnswer; readonly tried: readonly DnsAnswer[] }
  /** No route to the DNS Service (kube-proxy down on the node) or its pods stopped answering. */
  | { readonly outcome: 'timeout'; readonly server: string }
  /** The DNS Service has no ready endpoints: kube-proxy's REJECT, an ICMP port unreachable. */
  | { readonly outcome: 'refused'; readonly server: string };

export type EchoResult =
  | { readonly ok: true; readonly host: string }
  /** No reply (a ClusterIP: kube-proxy only forwards its Service ports) or no host owns the address. */
  | { readonly ok: false; readonly reason: 'lost' | 'unreachable' };

const networks = new WeakMap<World, ServiceNetwork>();

/** The world's service network, installed on first use. */
export function serviceNetworkOf(world: World): ServiceNetwork {
  let net = networks.get(world);
  if (!net) networks.set(world, (net = new ServiceNetwork(world)));
  return net;
}

export class ServiceNetwork {
  private nets: ClusterNet[] = [];
  private readonly randoms = new Map<string, Random>();
  private readonly packets: OverlayPacket[] = [];
  /** client → server → kind → when a packet of that flow was last logged. */
  private readonly lastLogged = new Map<string, Map<string, Map<string, number>>>();
  private seq = 0;

  constructor(private readonly world: World) {
    world.network.router = (from, ip, port, protocol) => this.route(from, ip, port, protocol);
    world.network.observer = (from, source, listener) => this.observed(from, source, listener, listener.protocol, kindOf(listener), listener.port);
    setPacketProbe(world, (now) => {
      const start = Math.max(0, this.packets.length - PACKET_LOG_SIZE);
      const out: OverlayPacket[] = [];
      for (let i = start; i < this.packets.length; i++) if (this.packets[i]!.at > now - PACKET_WINDOW_MS) out.push(this.packets[i]!);
      return out;
    });
    setPodNetworkHooks(world, {
      resolve: (q) => {
        const r = this.lookup(q);
        return r.outcome === 'answered' && r.answer.status === 'ok' ? r.answer.addresses[0] : undefined;
      },
      serviceEnv,
      echo: (node, source, ip) => this.echo(node, source, ip),
    });
  }

  /** The per-cluster state, following the world's clusters (a reset and a new init replace one). */
  clusterNet(cluster: Cluster): ClusterNet | undefined {
    // A loop, not find(): asked on every DNS lookup (each request of every DockerCoins program).
    for (const net of this.current()) if (net.cluster === cluster) return net;
    return undefined;
  }

  /** A pod's DNS query, through kube-proxy to the cluster DNS Service, then CoreDNS. */
  lookup(q: PodDnsQuery): PodDnsResult {
    const server = DNS_SERVICE_IP;
    const net = this.clusterNet(q.cluster);
    const backends = net && this.backendsFor(net, q.node, server, 53, 'UDP');
    if (!net || !backends) return { outcome: 'timeout', server };
    if (backends.length === 0) return { outcome: 'refused', server };
    if (q.absolute) {
      return net.cached('', q.name, (): PodDnsResult => {
        const a = answer(this.world, net, q.name);
        return { outcome: 'answered', server, answer: a, tried: [a] };
      });
    }
    // Programs resolve the same names on every request: an answer already given needs no closure.
    const known = net.known<PodDnsResult>(q.namespace, q.name);
    if (known !== undefined) return known;
    return net.cached(q.namespace, q.name, (): PodDnsResult => ({ outcome: 'answered', server, ...resolveFromPod(this.world, net, q.namespace, q.name) }));
  }

  /** The name CoreDNS gives an address (a Service's or an endpoint's), for nslookup's reverse lines. */
  reverse(cluster: Cluster, ip: string): string | undefined {
    const net = this.clusterNet(cluster);
    return net && reverseName(net, ip);
  }

  /** An ICMP echo from `from` (`source` being the sender's address, a pod's IP) to `ip`. */
  echo(from: string, source: string | undefined, ip: string): EchoResult {
    for (const net of this.current()) if (net.rules().byClusterIp.has(ip)) return { ok: false, reason: 'lost' };
    const host = this.world.network.routeFrom(from, ip);
    if (host === undefined) return { ok: false, reason: 'unreachable' };
    this.observed(from, source, { host, address: ip }, 'ICMP', 'icmp', undefined);
    return { ok: true, host };
  }

  private current(): ClusterNet[] {
    const clusters = this.world.clusters;
    // Asked several times per connection (route, observe, DNS): a plain loop, no closure to allocate.
    let same = clusters.length === this.nets.length;
    for (let i = 0; same && i < clusters.length; i++) same = this.nets[i]!.cluster === clusters[i];
    if (!same) {
      for (const net of this.nets) if (!clusters.includes(net.cluster)) net.dispose();
      this.nets = clusters.map((c) => this.nets.find((n) => n.cluster === c) ?? new ClusterNet(c));
    }
    return this.nets;
  }

  /** The endpoints a node's kube-proxy has for ip:port, [] when it REJECTs, undefined when it has no rule. */
  private backendsFor(net: ClusterNet, node: string, ip: string, port: number, protocol: Protocol): ProxyBackend[] | undefined {
    const rules = net.rules();
    return rules.nodes.has(node) ? rules.byClusterIp.get(ip)?.[protocol].get(port) : undefined;
  }

  private route(from: string, ip: string, port: number, protocol: Protocol): Redirect | undefined {
    const nets = this.current();
    for (const net of nets) {
      const rules = net.rules();
      const service = rules.nodes.has(from) ? rules.byClusterIp.get(ip) : undefined;
      // A Service port with no rule: the packet follows the default route into nothing.
      if (service) return this.pick(from, service[protocol].get(port)) ?? NOWHERE;
    }
    if (port < NODE_PORT_FIRST || port > NODE_PORT_LAST) return undefined;
    const node = this.world.network.routeFrom(from, ip);
    if (node === undefined || (ip !== this.world.host(node)?.ip && !ip.startsWith('127.') && ip !== 'localhost')) return undefined;
    for (const net of nets) {
      const rules = net.rules();
      const backends = rules.nodes.has(node) ? rules.nodePorts[protocol].get(port) : undefined;
      const to = backends && this.pick(node, backends);
      if (to) return 'fail' in to ? to : { ip: to.ip, port: to.port, at: node };
    }
    return undefined;
  }

  private pick(node: string, backends: readonly ProxyBackend[] | undefined): ProxyBackend | Redirect | undefined {
    if (!backends) return undefined;
    if (backends.length <= 1) return backends[0] ?? REFUSED;
    let random = this.randoms.get(node);
    if (!random) this.randoms.set(node, (random = this.world.random.fork(`kube-proxy/${node}`)));
    return backends[random.int(backends.length)];
  }

  /** Counts a connection (or echo) between nodes in which a pod takes part: it crossed the overlay. */
  private observed(
    from: string, source: string | undefined, to: Pick<Listener, 'host' | 'address'>, protocol: OverlayPacket['protocol'], kind: string, port: number | undefined,
  ): void {
    if (to.host === from || from === 'browser') return;
    let fromPod: string | undefined;
    let toPod: string | undefined;
    for (const net of this.current()) {
      fromPod ??= source === undefined ? undefined : net.podsByIp.get(source);
      toPod ??= net.podsByIp.get(to.address);
    }
    if (!fromPod && !toPod) return;
    const client = fromPod ?? source ?? this.world.host(from)?.ip ?? from;
    const server = toPod ?? to.address;
    const now = this.world.now();
    if (this.lastLogged.size > 512) this.lastLogged.clear();
    let byServer = this.lastLogged.get(client);
    if (!byServer) this.lastLogged.set(client, (byServer = new Map()));
    let byKind = byServer.get(server);
    if (!byKind) byServer.set(server, (byKind = new Map()));
    if (now - (byKind.get(kind) ?? -Infinity) < PACKET_SAMPLE_MS) return;
    byKind.set(kind, now);
    // The log is the newest PACKET_LOG_SIZE entries; busy flows log tens of packets a second, so
    // the array grows to twice that and drops its older half at once instead of shift()ing each time.
    if (this.packets.length >= 2 * PACKET_LOG_SIZE) this.packets.splice(0, this.packets.length - PACKET_LOG_SIZE + 1);
    // Fields assigned in the order the spread literal gave them (the snapshot's JSON shows it),
    // without a throw-away object per optional field.
    const packet = { at: now, seq: ++this.seq, from: client, to: server, fromNode: from, toNode: to.host } as { -readonly [K in keyof OverlayPacket]: OverlayPacket[K] };
    if (fromPod) packet.fromPod = fromPod;
    if (toPod) packet.toPod = toPod;
    packet.protocol = protocol;
    packet.kind = kind;
    if (port !== undefined) packet.port = port;
    this.packets.push(packet);
  }
}

/** The application protocol of a listener's service ("http", "redis"), else its transport's. */
function kindOf(listener: Listener): string {
  const kind = (listener.service as { kind?: unknown } | null)?.kind;
  return kind === 'http' || kind === 'redis' ? kind : listener.protocol.toLowerCase();
}
