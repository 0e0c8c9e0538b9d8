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

export type DialResult<S = unknown> =
  | { readonly ok: true; readonly listener: Listener<S> }
  | { readonly ok: false; readonly reason: 'refused' | 'unreachable' };

export class Network {
  private readonly listeners = new Set<Listener>();
  private readonly hostIps = new Map<string, string[]>();

  /** Declares an address of a host (node IPs now, pod IPs when the overlay gives them out). */
  addAddress(host: string, ip: string): void {
    const ips = this.hostIps.get(host) ?? [];
    if (!ips.includes(ip)) ips.push(ip);
    this.hostIps.set(host, ips);
  }

  removeAddress(host: string, ip: string): void {
    const ips = this.hostIps.get(host);
    if (ips) this.hostIps.set(host, ips.filter((x) => x !== ip));
  }

  hostOf(ip: string): string | undefined {
    for (const [host, ips] of this.hostIps) if (ips.includes(ip)) return host;
    return undefined;
  }

  listen<S>(listener: Listener<S>): Unsubscribe {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  isListening(host: string, port: number, protocol: Protocol = 'TCP'): boolean {
    return [...this.listeners].some((l) => l.host === host && l.port === port && l.protocol === protocol);
  }

  /** What a process on `from` reaches at ip:port. */
  dial<S = unknown>(from: string, ip: string, port: number, protocol: Protocol = 'TCP'): DialResult<S> {
    const loopback = ip === 'localhost' || ip.startsWith('127.') || ip === '::1';
    const target = loopback ? from : this.hostOf(ip);
    if (target === undefined) return { ok: false, reason: 'unreachable' };
    for (const l of this.listeners) {
      if (l.host !== target || l.port !== port || l.protocol !== protocol) continue;
      if (l.address === '0.0.0.0' || l.address === ip || (loopback && l.address.startsWith('127.'))) {
        return { ok: true, listener: l as Listener<S> };
      }
    }
    return { ok: false, reason: 'refused' };
  }

  all(): readonly Listener[] {
    return [...this.listeners];
  }
}
