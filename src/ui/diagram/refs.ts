/**
 * Names the engine gives the ends of a request or a packet, turned into diagram ids. The traffic
 * meter names a compose container "node1/dockercoins_rng_1", a pod "node2/default/rng-…"
 * (`<node>/<namespace>/<pod>`), a node's shell "node1", the page's browser "browser"; packets name
 * pods "<namespace>/<pod>"; diagram ids ("pod/default/web-…", "svc/default/web") and bare IPs are
 * understood too. Unknown names give undefined: the picture leaves out what it cannot place.
 */
export interface RefIndex {
  readonly hosts: ReadonlySet<string>;
  readonly hostByIp: ReadonlyMap<string, string>;
  readonly podIds: ReadonlySet<string>;
  readonly podByIp: ReadonlyMap<string, string>;
  readonly serviceIds: ReadonlySet<string>;
  readonly serviceByIp: ReadonlyMap<string, string>;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function resolveRef(ref: string, index: RefIndex): string | undefined {
  const slash = ref.indexOf('/');
  if (slash < 0) {
    if (IPV4.test(ref)) return index.podByIp.get(ref) ?? index.serviceByIp.get(ref) ?? hostId(index.hostByIp.get(ref));
    return index.hosts.has(ref) ? `node/${ref}` : undefined;
  }
  const head = ref.slice(0, slash);
  switch (head) {
    case 'pod':
      return index.podIds.has(ref) ? ref : undefined;
    case 'svc':
      return index.serviceIds.has(ref) ? ref : undefined;
    case 'node':
      return index.hosts.has(ref.slice(slash + 1)) ? ref : undefined;
    case 'container':
      return ref;
  }
  if (index.hosts.has(head)) {
    const rest = ref.slice(slash + 1);
    return rest.includes('/') ? (index.podIds.has(`pod/${rest}`) ? `pod/${rest}` : undefined) : `container/${ref}`;
  }
  const pod = `pod/${ref}`;
  return index.podIds.has(pod) ? pod : undefined;
}

function hostId(name: string | undefined): string | undefined {
  return name === undefined ? undefined : `node/${name}`;
}
