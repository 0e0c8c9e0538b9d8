/**
 * The API server's Service allocators: ClusterIPs from 10.96.0.0/12 and NodePorts from
 * 30000–32767. What is taken is read from the stored Services (the real ones keep a bitmap in
 * etcd; deriving it means nothing leaks when a Service goes away). Dynamic picks are random, as
 * the bitmap allocator's random scan is: a random offset, then the first free one after it.
 * Since v1.26 (ServiceIPStaticSubrange) dynamic ClusterIPs come from above the first 256
 * addresses of the range, keeping the low ones (10.96.0.1, 10.96.0.10) for static assignment.
 * NodePorts got the same treatment only in v1.28, so v1.27 picks from the whole range.
 */
import { intToIp, ipToInt } from '../cluster/podNetwork';
import { SERVICE_SUBNET } from '../cluster/constants';
import type { Random } from '../random';

export const NODE_PORT_FIRST = 30000;
export const NODE_PORT_LAST = 32767;

const [NET, BITS] = SERVICE_SUBNET.split('/') as [string, string];
const BASE = ipToInt(NET);
/** Addresses between the network address and the broadcast one. */
const SIZE = 2 ** (32 - Number(BITS)) - 2;
const STATIC_BAND = 256;

export type Allocation = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

/** Checks a requested ClusterIP, with the allocator's own words for what is wrong. */
export function claimClusterIp(ip: string, used: ReadonlySet<string>): string | undefined {
  const offset = ipToInt(ip) - BASE - 1;
  if (offset < 0 || offset >= SIZE) {
    return `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_SUBNET}`;
  }
  return used.has(ip) ? `failed to allocate IP ${ip}: provided IP is already allocated` : undefined;
}

export function nextClusterIp(used: ReadonlySet<string>, random: Random): Allocation {
  const pick = (from: number, to: number): string | undefined => {
    const start = from + random.int(to - from);
    for (let i = 0; i < to - from; i++) {
      const ip = intToIp(BASE + 1 + from + ((start - from + i) % (to - from)));
      if (!used.has(ip)) return ip;
    }
    return undefined;
  };
  const ip = pick(STATIC_BAND, SIZE) ?? pick(0, STATIC_BAND);
  return ip ? { ok: true, value: ip } : { ok: false, message: 'failed to allocate a serviceIP: range is full' };
}

export function claimNodePort(port: number, used: ReadonlySet<number>): string | undefined {
  if (port < NODE_PORT_FIRST || port > NODE_PORT_LAST) {
    return `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_FIRST}-${NODE_PORT_LAST}`;
  }
  return used.has(port) ? 'provided port is already allocated' : undefined;
}

export function nextNodePort(used: ReadonlySet<number>, random: Random): number | undefined {
  const size = NODE_PORT_LAST - NODE_PORT_FIRST + 1;
  const start = random.int(size);
  for (let i = 0; i < size; i++) {
    const port = NODE_PORT_FIRST + ((start + i) % size);
    if (!used.has(port)) return port;
  }
  return undefined;
}
