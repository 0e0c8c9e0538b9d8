/**
 * What the API server answers through `kubectl proxy`: discovery (/api, /apis, /version,
 * /healthz), objects and lists from the store as the REST API shapes them (pretty-printed JSON,
 * as the server does for curl; typed lists whose items carry no kind), Status objects for errors,
 * a pod's log (`.../pods/NAME/log?container=...`, with the server's "a container name must be
 * specified" error), and the proxy subresources of services and pods, which reach the pod.
 */
import {
  RESOURCE_TYPES, apiVersionOf, mustResolve, podLogs, resourceKey, rfc3339Nano, type Endpoints, type HttpExchange, type Pod, type ResourceType, type Service, type Stored, type World,
} from '../../../engine';
import { toGoJson } from '../../format/json';
import type { ApiConnection } from './client';
import { kubectlRandom } from './client';
import { forwardHttp, textResponse } from './forwarding';
import { SERVER_VERSION } from './versionInfo';

type Obj = Record<string, unknown>;

/** decodeURIComponent that keeps malformed escapes as typed (a bad URL must not throw in a server). */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `a=1&b=x%20y` → its parameters (the first value of each). */
function queryParams(query: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const part of query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = decode((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
    if (!out.has(key)) out.set(key, eq < 0 ? '' : decode(part.slice(eq + 1).replace(/\+/g, ' ')));
  }
  return out;
}

const META_ORDER = ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers'];

function ordered(obj: Obj, first: readonly string[]): Obj {
  const keys = [...first.filter((k) => k in obj), ...Object.keys(obj).filter((k) => !first.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, obj[k]]));
}

/** An object as the REST API writes it: kind, apiVersion, metadata (Go's field order), then the rest. */
function restObject(obj: Stored, inList: boolean): Obj {
  const o = ordered({ ...obj, metadata: ordered({ ...obj.metadata }, META_ORDER) } as Obj, ['kind', 'apiVersion', 'metadata', 'spec', 'status']);
  if (inList) {
    delete o.kind;
    delete o.apiVersion;
  }
  return o;
}

function json(world: World, status: number, body: unknown): ReturnType<typeof textResponse> {
  return textResponse(world, status, toGoJson(body, { indent: '  ', sortKeys: false }), 'application/json');
}

function statusObject(code: number, reason: string, message: string, details?: Obj): Obj {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

const NOT_FOUND_PATH = statusObject(404, 'NotFound', 'the server could not find the requested resource', {});

interface Route {
  readonly type: ResourceType;
  readonly namespace: string | undefined;
  readonly name: string | undefined;
  readonly sub: string | undefined;
  readonly rest: string;
}

/** `/api/v1/...` or `/apis/<group>/<version>/...` → what it names. */
function route(path: string): Route | 'discovery' | undefined {
  const parts = path.split('/').filter(Boolean);
  let i: number;
  let group: string;
  if (parts[0] === 'api' && parts[1] === 'v1') {
    group = '';
    i = 2;
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1]!;
    i = 3;
  } else return undefined;
  if (parts.length === i) return 'discovery';
  let namespace: string | undefined;
  if (parts[i] === 'namespaces' && parts.length > i + 2) {
    namespace = decode(parts[i + 1]!);
    i += 2;
  }
  const plural = parts[i];
  const type = RESOURCE_TYPES.find((t) => t.plural === plural && t.group === group);
  if (!type) return undefined;
  const name = parts[i + 1] === undefined ? undefined : decode(parts[i + 1]!);
  return { type, namespace, name, sub: parts[i + 2], rest: parts.slice(i + 3).join('/') };
}

function discovery(group: string): Obj {
  const resources = RESOURCE_TYPES.filter((t) => t.group === group).map((t) => ({
    name: t.plural, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: t.verbs, ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
  }));
  const version = RESOURCE_TYPES.find((t) => t.group === group)?.version ?? 'v1';
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : 'v1', resources };
}

export interface ProxyContext {
  readonly world: World;
  readonly conn: ApiConnection;
}

/** Answers one request that reached `kubectl proxy` (the API prefix already removed). */
export function answerApiRequest(p: ProxyContext, exchange: HttpExchange): void {
  const { world, conn } = p;
  const [rawPath, query = ''] = exchange.request.path.split('?', 2) as [string, string?];
  const params = queryParams(query);
  const path = rawPath.replace(/\/+$/, '') || '/';
  const reply = (status: number, body: unknown) => exchange.respond(json(world, status, body));
  if (path === '/healthz' || path === '/livez' || path === '/readyz') return exchange.respond(textResponse(world, 200, 'ok'));
  if (path === '/version') return reply(200, SERVER_VERSION);
  if (path === '/') return reply(200, { paths: ['/api', '/api/v1', '/apis', '/healthz', '/livez', '/readyz', '/version'] });
  if (path === '/api') return reply(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `${conn.cluster.advertiseAddress}:6443` }] });
  if (path === '/apis') {
    const groups = [...new Set(RESOURCE_TYPES.filter((t) => t.group).map((t) => `${t.group}/${t.version}`))].map((gv) => {
      const [name, version] = gv.split('/') as [string, string];
      return { name, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } };
    });
    return reply(200, { kind: 'APIGroupList', apiVersion: 'v1', groups });
  }
  const r = route(path);
  if (r === 'discovery') return reply(200, discovery(path.startsWith('/apis/') ? path.split('/')[2]! : ''));
  if (!r) return reply(404, NOT_FOUND_PATH);
  const namespaced = r.type.namespaced;
  if (r.name === undefined) {
    const items = conn.store.list(r.type, { namespace: namespaced ? r.namespace : undefined });
    const rv = String(Math.max(0, ...items.map((o) => Number(o.metadata.resourceVersion) || 0)));
    return reply(200, { kind: `${r.type.kind}List`, apiVersion: apiVersionOf(r.type), metadata: { resourceVersion: rv }, items: items.map((o) => restObject(o, true)) });
  }
  const [name, port] = r.name.split(':', 2) as [string, string?];
  const obj = conn.store.get(r.type, namespaced ? r.namespace ?? 'default' : undefined, r.sub === 'proxy' ? name : r.name);
  if (!obj) return reply(404, statusObject(404, 'NotFound', `${resourceKey(r.type)} "${r.sub === 'proxy' ? name : r.name}" not found`, { name: r.sub === 'proxy' ? name : r.name, kind: r.type.plural }));
  if (r.sub === undefined) return reply(200, restObject(obj, false));
  if (r.sub === 'log' && r.type.kind === 'Pod') return answerLog(p, exchange, obj as Stored<Pod>, params);
  if (r.sub === 'proxy' && (r.type.kind === 'Service' || r.type.kind === 'Pod')) {
    const target = r.type.kind === 'Service' ? serviceTarget(p, obj as Stored<Service>, port) : podTarget(obj as Stored<Pod>, port);
    if ('error' in target) return reply(target.code, statusObject(target.code, target.code === 503 ? 'ServiceUnavailable' : 'BadRequest', target.error));
    const path2 = `/${r.rest}${query ? `?${query}` : ''}`;
    return forwardHttp(world, exchange, target, (message) => {
      exchange.respond(json(world, 503, statusObject(503, 'ServiceUnavailable', `error trying to reach service: ${message}`)));
    }, path2);
  }
  return reply(404, NOT_FOUND_PATH);
}

function answerLog(p: ProxyContext, exchange: HttpExchange, pod: Stored<Pod>, params: ReadonlyMap<string, string>): void {
  const { world, conn } = p;
  const container = params.get('container') || undefined;
  const found = podLogs(conn.cluster, pod.metadata.namespace ?? 'default', pod.metadata.name, { ...(container ? { container } : {}), previous: params.get('previous') === 'true' });
  if (!found.ok) {
    exchange.respond(json(world, found.status, statusObject(found.status, found.reason, found.message)));
    return;
  }
  const tail = params.has('tailLines') ? Number(params.get('tailLines')) : undefined;
  const stamps = params.get('timestamps') === 'true';
  const text = found.log.entries(tail !== undefined && tail >= 0 ? { tail } : {}).map((e) => `${stamps ? `${rfc3339Nano(e)} ` : ''}${e.line}\n`).join('');
  exchange.respond(textResponse(world, 200, text));
}

type Target = { readonly node: string; readonly ip: string; readonly port: number } | { readonly error: string; readonly code: number };

function podTarget(pod: Stored<Pod>, port: string | undefined): Target {
  if (pod.status?.phase !== 'Running' || !pod.status.podIP) return { error: `pod is not running`, code: 400 };
  let n = port === undefined || port === '' ? 80 : Number(port);
  if (Number.isNaN(n)) {
    const named = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []).find((x) => x.name === port);
    if (!named) return { error: `no such port "${port}"`, code: 400 };
    n = named.containerPort;
  }
  return { node: pod.spec?.nodeName ?? '', ip: pod.status.podIP, port: n };
}

/** The API server's service proxy: one ready endpoint, picked at random, and the port it maps to. */
function serviceTarget(p: ProxyContext, svc: Stored<Service>, port: string | undefined): Target {
  const ports = svc.spec?.ports ?? [];
  const sp = port === undefined || port === '' ? (ports.length === 1 ? ports[0] : ports.find((x) => !x.name)) : ports.find((x) => x.name === port || String(x.port) === port);
  if (!sp) return { error: `no endpoints available for service "${svc.metadata.name}"`, code: 503 };
  const ep = p.conn.store.get<Endpoints>(mustResolve('endpoints'), svc.metadata.namespace, svc.metadata.name);
  const subsets = (ep?.subsets ?? []).flatMap((s) => {
    const epPort = (s.ports ?? []).find((x) => (x.name ?? '') === (sp.name ?? '')) ?? s.ports?.[0];
    return (s.addresses ?? []).map((a) => ({ ip: a.ip, port: epPort?.port, pod: a.targetRef?.name }));
  });
  if (subsets.length === 0) return { error: `no endpoints available for service "${svc.metadata.name}"`, code: 503 };
  const pick = subsets[kubectlRandom(p.world).int(subsets.length)]!;
  const pod = pick.pod ? p.conn.store.get<Pod>(mustResolve('pods'), svc.metadata.namespace, pick.pod) : undefined;
  const node = pod?.spec?.nodeName ?? p.world.network.hostOf(pick.ip) ?? '';
  const tp = typeof sp.targetPort === 'number' ? sp.targetPort : Number(sp.targetPort ?? sp.port);
  return { node, ip: pick.ip, port: pick.port ?? (Number.isNaN(tp) ? sp.port : tp) };
}
