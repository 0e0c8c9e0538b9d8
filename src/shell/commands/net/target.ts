/**
 * URLs as curl and httping take them ("localhost:8001/32", "http://node1:8000", "https://…"), and
 * where a name leads from a node: an address in the playground (the engine's Network) or a site of
 * the outside world (world.internet), or nowhere.
 */
import { isIpv4, registerPublicSites, resolveOnNode, type World } from '../../../engine';

export type Scheme = 'http' | 'https' | 'file';

export interface Target {
  readonly scheme: Scheme;
  /** As typed, lowercase: "localhost". */
  readonly host: string;
  readonly port: number;
  /** Path and query: "/32". */
  readonly path: string;
  /** "localhost:8001", or the bare host on the scheme's default port. */
  readonly hostHeader: string;
  /** The whole URL as curl normalizes it: "http://localhost:8001/32". */
  readonly url: string;
}

export type TargetParse =
  | { readonly ok: true; readonly target: Target }
  | { readonly ok: false; readonly code: number; readonly message: string };

const DEFAULT_PORTS: Readonly<Record<Scheme, number>> = { http: 80, https: 443, file: 0 };

/** curl's reading of a URL; a missing scheme means http. */
export function parseTarget(raw: string): TargetParse {
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(raw);
  const scheme = (schemeMatch?.[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'file') {
    return { ok: false, code: 1, message: `Protocol ${scheme} not supported or disabled in libcurl` };
  }
  const rest = schemeMatch ? raw.slice(schemeMatch[0].length) : raw;
  if (scheme === 'file') {
    const path = rest.startsWith('/') ? rest : rest.slice(rest.indexOf('/') >= 0 ? rest.indexOf('/') : rest.length) || '/';
    return { ok: true, target: { scheme, host: '', port: 0, path, hostHeader: '', url: `file://${rest}` } };
  }
  const m = /^([^/?#:]*)(?::([^/?#]*))?([^#]*)/.exec(rest)!;
  const host = m[1]!.toLowerCase();
  if (host === '') return { ok: false, code: 3, message: '<url> malformed' };
  let port = DEFAULT_PORTS[scheme];
  if (m[2] !== undefined && m[2] !== '') {
    if (!/^\d+$/.test(m[2]) || Number(m[2]) > 65535) return { ok: false, code: 3, message: `Port number ended with '${m[2].replace(/^\d+/, '')[0] ?? m[2]}'` };
    port = Number(m[2]);
  }
  let path = m[3] ?? '';
  if (path === '' || path.startsWith('?')) path = `/${path}`;
  const hostHeader = port === DEFAULT_PORTS[scheme] ? host : `${host}:${port}`;
  return { ok: true, target: { scheme, host, port, path, hostHeader, url: `${scheme}://${hostHeader}${path}` } };
}

export type Destination =
  | { readonly kind: 'playground'; readonly ip: string }
  | { readonly kind: 'internet' }
  | { readonly kind: 'unresolved' };

/** Where `host` leads from `node`: the node's resolver first, then the outside world's sites. */
export function destinationOf(world: World, node: string, host: string): Destination {
  const ip = resolveOnNode(world, node, host);
  if (ip !== undefined) return { kind: 'playground', ip };
  registerPublicSites(world.internet);
  if (world.internet.knows(host)) return { kind: 'internet' };
  return { kind: 'unresolved' };
}

/** A stable public-looking address for a site of the outside world, for curl -v's "Trying" line. */
export function internetAddress(host: string): string {
  let h = 2166136261;
  for (let i = 0; i < host.length; i++) h = Math.imul(h ^ host.charCodeAt(i), 16777619) >>> 0;
  return `${[104, 151, 185, 199][h & 3]}.${(h >>> 8) & 255}.${(h >>> 16) & 255}.${1 + ((h >>> 24) % 253)}`;
}

export { isIpv4 };
