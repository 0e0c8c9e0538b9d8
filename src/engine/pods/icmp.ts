/**
 * Echo replies, for `ping` in pods (and on nodes): who answers and how long it takes. Addresses
 * on the session's network (nodes, pods) answer with TTL 64 — Weave's overlay bridges at layer 2,
 * so crossing nodes adds time, not hops; a Service's ClusterIP never answers (kube-proxy's
 * iptables rules only translate the ports it serves); private addresses nobody holds stay silent;
 * public addresses answer as hosts on the Internet would from a datacenter: 1.1.1.1 and 8.8.8.8
 * about a millisecond away, others further, each with its own round-trip time and hop count.
 */
import { isIpv4 } from '../net/resolve';
import type { Random } from '../random';
import { fnv32a } from '../api/names';
import type { World } from '../world';
import { podNetworkHooks } from './hooks';

export type EchoReply = { readonly reply: true; readonly rttMs: number; readonly ttl: number } | { readonly reply: false };

const PRIVATE = [/^10\./, /^172\.(1[6-9]|2\d|3[01])\./, /^192\.168\./, /^169\.254\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./, /^0\./, /^2(2[4-9]|[3-5]\d)\./];
/** kubeadm's default service CIDR, 10.96.0.0/12. */
const SERVICE_CIDR = /^10\.(9[6-9]|10[0-9]|11[01])\./;

/** The reply to one echo request from `from` (a node, or a pod's address on it) to `target` (an IPv4 address). */
export function icmpEcho(world: World, from: { readonly node: string; readonly ip: string }, target: string, random: Random): EchoReply {
  if (!isIpv4(target)) return { reply: false };
  const jitter = (base: number, spread: number): number => base + random.next() * spread;
  if (target.startsWith('127.') || target === from.ip) return { reply: true, rttMs: jitter(0.03, 0.05), ttl: 64 };
  if (!PRIVATE.some((re) => re.test(target))) {
    const h = fnv32a(target);
    const anycast = target === '1.1.1.1' || target === '8.8.8.8' || target === '1.0.0.1' || target === '8.8.4.4';
    const base = anycast ? 1.0 : 2 + (h % 38);
    return { reply: true, rttMs: jitter(base, anycast ? 0.35 : base * 0.12), ttl: anycast ? 57 : 64 - (6 + (h >>> 8) % 12) };
  }
  const hook = podNetworkHooks(world).echo;
  if (hook ? !hook(from.node, from.ip, target).ok : SERVICE_CIDR.test(target)) return { reply: false };
  const owner = world.network.routeFrom(from.node, target);
  if (owner === undefined) return { reply: false };
  return owner === from.node ? { reply: true, rttMs: jitter(0.05, 0.08), ttl: 64 } : { reply: true, rttMs: jitter(0.38, 0.5), ttl: 64 };
}
