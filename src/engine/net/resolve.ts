/**
 * Name resolution as a node's libc does it (and PWK's session network): IPv4 literals, then the
 * node's /etc/hosts, then the other nodes of the session by name. Names of the outside world are
 * the Internet table's business (world.internet); containers resolve through their sandbox.
 */
import type { World } from '../world';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function isIpv4(text: string): boolean {
  const m = IPV4.exec(text);
  return m !== null && m.slice(1).every((part) => Number(part) <= 255);
}

/** The address `name` has on `node`, or undefined (curl: "Could not resolve host"). */
export function resolveOnNode(world: World, node: string, name: string): string | undefined {
  if (isIpv4(name)) return name;
  const lower = name.toLowerCase();
  const hosts = world.host(node)?.fs.readFile('/etc/hosts');
  if (hosts?.ok) {
    for (const line of hosts.value.split('\n')) {
      const fields = line.replace(/#.*/, '').trim().split(/\s+/);
      const ip = fields[0];
      if (ip && isIpv4(ip) && fields.slice(1).some((n) => n.toLowerCase() === lower)) return ip;
    }
  }
  return world.hosts.find((h) => h.name === lower)?.ip;
}

/**
 * The address a name has for the page's browser, which reaches the nodes through PWK's proxy:
 * node names and addresses. "localhost" is the learner's own machine, where nothing listens.
 */
export function resolveForBrowser(world: World, name: string): string | undefined {
  if (isIpv4(name)) return name.startsWith('127.') ? undefined : name;
  return world.hosts.find((h) => h.name === name.toLowerCase())?.ip;
}
