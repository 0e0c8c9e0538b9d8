/**
 * The network between hosts: who listens on which address and port, and what a connection
 * attempt finds there. "Connection refused" and "no route to host" come from here, so kubectl
 * pointed at a stopped API server fails the way the real one does.
 */
import type { Unsubscribe } from '../emitter';

export type Protocol = 'TCP' | 'UDP';

export interface Listener<S = unknown> {
  /** Name of the host the process runs on. */
  readonly host: string;
  /** "0.0.0.0" listens on every address of the host, loopback included. */
  readonly address: string;
  readonly port: number;
  readonly protocol: Protocol;
  /** Who listens, for `ss`/`netstat`-like views: "kube-apiserver", "dockercoins_rng_1"... */
  readonly process: string;
  /** What a client talks to once connected. */
  readonly service: S;
}

/**
 * A listener that hands connections on to another address, as docker-proxy does for a published
 * port (host 0.0.0.0:8001 → container 172.18.0.3:80) and kube-proxy for a NodePort. dial() follows
 * it, from the host the forwarder runs on.
 */
export interface ForwardService {
  readonly kind: 'forward';
  readonly ip: string;
  readonly port: number;
}

export function isForward(service: unknown): service is ForwardService {
  return typeof service === 'object' && service !== null && (service as { kind?: unknown }).kind === 'forward';
}

/** Global addresses are reachable from every host; host-local ones (a docker bridge) only from their host. */
export type AddressScope = 'global' | 'host-local';

export type DialResult<S = unknown> =
  | { readonly ok: true; readonly listener: Listener<S> }
  | { readonly ok: false; readonly reason: 'refused' | 'unreachable' };

/**
 * What a router does with a connection: rewrite its destination (kube-proxy's DNAT to an endpoint,
 * done on host `at` — a NodePort's node — or where it started), or end it (REJECT: refused; no
 * rule matches a virtual address: unreachable).
 */
export type Redirect =
  | { readonly ip: string; readonly port: number; readonly at?: string }
  | { readonly fail: 'refused' | 'unreachable' };

/**
 * Looks at a connection before any listener does, as netfilter's nat table sees a packet before a
 * socket: undefined lets it through untouched. kube-proxy's Service rules are routers.
 */
export type Router = (from: string, ip: string, port: number, protocol: Protocol) => Redirect | undefined;

/**
 * Told of each connection that reached a listener: the host of its last hop (where a router or a
 * forwarder sent it on, or the client's own host), the client's address when the caller gave it,
 * and the listener. The service network meters pod traffic crossing the overlay with it.
 */
export type ConnectObserver = (from: string, source: string | undefined, listener: Listener) => void;

const NO_LISTENERS: readonly Listener[] = [];

export class Network {
  private readonly listeners = new Set<Listener>();
  /**
   * The same listeners by port, each list in the order they started listening: connect() runs on
   * every request and only cares about one port, not every socket of both nodes.
   */
  private readonly byPort = new Map<number, Listener[]>();
  private readonly hostIps = new Map<string, string[]>();
  private readonly localIps = new Map<string, string[]>();
  /**
   * hostOf()'s answers (undefined included) until an address is added or removed: every
   * connection asks it, and scanning each host's addresses allocated an entry per host.
   */
  private readonly owners = new Map<string, string | undefined>();
  /** kube-proxy's rules (the world's service network installs them): asked before any listener. */
  router: Router | undefined;
  /** Told of every connection that reached a listener. */
  observer: ConnectObserver | undefined;

  /**
   * Declares an address of a host: node IPs and pod IPs are global; a container's address on a
   * docker bridge is host-local (two nodes may both have a 172.18.0.2).
   */
  addAddress(host: string, ip: string, scope: AddressScope = 'global'): void {
    this.owners.clear();
    const table = scope === 'global' ? this.hostIps : this.localIps;
    const ips = table.get(host) ?? [];
    if (!ips.includes(ip)) ips.push(ip);
    table.set(host, ips);
  }

  removeAddress(host: string, ip: string): void {
    this.owners.clear();
    for (const table of [this.hostIps, this.localIps]) {
      const ips = table.get(host);
      if (ips) table.set(host, ips.filter((x) => x !== ip));
    }
  }

  /** The host that owns a global address. */
  hostOf(ip: string): string | undefined {
    if (this.owners.has(ip)) return this.owners.get(ip);
    let owner: string | undefined;
    for (const [host, ips] of this.hostIps) {
      if (ips.includes(ip)) {
        owner = host;
        break;
      }
    }
    // Bounded: addresses asked about are the cluster's own, but a user may try any.
    if (this.owners.size >= 1024) this.owners.clear();
    this.owners.set(ip, owner);
    return owner;
  }

  /** Where a packet from `from` to `ip` ends up: itself for loopback and its bridges, else the owner. */
  routeFrom(from: string, ip: string): string | undefined {
    if (ip === 'localhost' || ip.startsWith('127.') || ip === '::1') return from;
    if (this.localIps.get(from)?.includes(ip)) return from;
    return this.hostOf(ip);
  }

  listen<S>(listener: Listener<S>): Unsubscribe {
    if (!this.listeners.has(listener)) {
      this.listeners.add(listener);
      const list = this.byPort.get(listener.port);
      if (list) list.push(listener);
      else this.byPort.set(listener.port, [listener]);
    }
    return () => {
      if (!this.listeners.delete(listener)) return;
      const list = this.byPort.get(listener.port);
      const i = list ? list.indexOf(listener) : -1;
      if (i >= 0) list!.splice(i, 1);
      if (list && list.length === 0) this.byPort.delete(listener.port);
    };
  }

  isListening(host: string, port: number, protocol: Protocol = 'TCP'): boolean {
    return [...this.listeners].some((l) => l.host === host && l.port === port && l.protocol === protocol);
  }

  /**
   * What a process on `from` reaches at ip:port, following routers (kube-proxy) and forwarders
   * (docker-proxy). `source` is the client's own address (a pod's IP), for the observers.
   */
  dial<S = unknown>(from: string, ip: string, port: number, protocol: Protocol = 'TCP', source?: string): DialResult<S> {
    return this.connect<S>(from, ip, port, protocol, source, 0);
  }

  private connect<S>(from: string, ip: string, port: number, protocol: Protocol, source: string | undefined, hops: number): DialResult<S> {
    const to = this.router?.(from, ip, port, protocol);
    if (to) {
      if ('fail' in to) return { ok: false, reason: to.fail };
      return hops < 4 ? this.connect<S>(to.at ?? from, to.ip, to.port, protocol, source, hops + 1) : { ok: false, reason: 'refused' };
    }
    const loopback = ip === 'localhost' || ip.startsWith('127.') || ip === '::1';
    const target = this.routeFrom(from, ip);
    if (target === undefined) return { ok: false, reason: 'unreachable' };
    for (const l of this.byPort.get(port) ?? NO_LISTENERS) {
      if (l.host !== target || l.port !== port || l.protocol !== protocol) continue;
      if (l.address === '0.0.0.0' || l.address === ip || (loopback && l.address.startsWith('127.'))) {
        if (isForward(l.service)) {
          // A forwarder whose backend is gone resets the connection, which clients report as refused.
          return hops < 4 ? this.connect<S>(l.host, l.service.ip, l.service.port, protocol, source, hops + 1) : { ok: false, reason: 'refused' };
        }
        this.observer?.(from, source, l);
        return { ok: true, listener: l as Listener<S> };
      }
    }
    return { ok: false, reason: 'refused' };
  }

  all(): readonly Listener[] {
    return [...this.listeners];
  }
}

