/**
 * A container's environment as the kubelet and the runtime build it: the image's PATH, HOSTNAME,
 * the image's other variables, then `envFrom` and `env` (values, `$(VAR)` references, the
 * downward API, ConfigMap and Secret keys), then the service variables the service network
 * provides, then HOME. A reference to a missing ConfigMap, Secret or key is the kubelet's
 * CreateContainerConfigError, with its message.
 */
import type { ConfigMap, Container, Pod, Secret } from 'kubernetes-types/core/v1';
import { mustResolve } from '../api/resources';
import type { ApiStore } from '../api/store';
import { base64Decode } from '../util/base64';
import type { PodImage } from './images';

const CONFIGMAPS = mustResolve('configmaps');
const SECRETS = mustResolve('secrets');

export type EnvPairs = readonly (readonly [string, string])[];
export type EnvResult = { readonly ok: true; readonly env: EnvPairs } | { readonly ok: false; readonly message: string };

export interface PodFacts {
  readonly pod: Pod;
  readonly hostname: string;
  readonly nodeName: string;
  readonly hostIp: string;
  readonly podIp: string;
}

/** `$(NAME)` from the variables defined so far; `$$(NAME)` stays literal, unknown names too. */
export function expandRefs(text: string, vars: ReadonlyMap<string, string>): string {
  return text.replace(/\$(\$)?\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, escaped: string | undefined, name: string) => {
    if (escaped) return m.slice(1);
    return vars.get(name) ?? m;
  });
}

function fieldValue(path: string, facts: PodFacts): string | undefined {
  const meta = facts.pod.metadata ?? {};
  const keyed = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (keyed) return (keyed[1] === 'labels' ? meta.labels : meta.annotations)?.[keyed[2]!] ?? '';
  switch (path) {
    case 'metadata.name': return meta.name;
    case 'metadata.namespace': return meta.namespace;
    case 'metadata.uid': return meta.uid;
    case 'spec.nodeName': return facts.nodeName;
    case 'spec.serviceAccountName': return facts.pod.spec?.serviceAccountName ?? 'default';
    case 'status.hostIP': return facts.hostIp;
    case 'status.podIP':
    case 'status.podIPs': return facts.podIp;
    default: return undefined;
  }
}

export function containerEnv(
  store: ApiStore | undefined, facts: PodFacts, container: Container, image: PodImage, serviceEnv: EnvPairs,
): EnvResult {
  const namespace = facts.pod.metadata?.namespace ?? 'default';
  const vars = new Map<string, string>();
  const order: string[] = [];
  const set = (k: string, v: string): void => {
    if (!vars.has(k)) order.push(k);
    vars.set(k, v);
  };
  const path = image.env.find((e) => e.startsWith('PATH='));
  if (path) set('PATH', path.slice(5));
  set('HOSTNAME', facts.hostname);
  for (const e of image.env) {
    const eq = e.indexOf('=');
    if (eq > 0 && !e.startsWith('PATH=')) set(e.slice(0, eq), e.slice(eq + 1));
  }
  const configMap = (name: string): ConfigMap | undefined => store?.get<ConfigMap>(CONFIGMAPS, namespace, name);
  const secret = (name: string): Secret | undefined => store?.get<Secret>(SECRETS, namespace, name);
  const secretData = (s: Secret): Record<string, string> => {
    const out: Record<string, string> = { ...(s.stringData ?? {}) };
    for (const [k, v] of Object.entries(s.data ?? {})) out[k] = base64Decode(v) ?? '';
    return out;
  };
  const defined = new Map<string, string>();
  const define = (k: string, v: string): void => {
    defined.set(k, v);
    set(k, v);
  };
  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ?? '';
    if (from.configMapRef) {
      const cm = configMap(from.configMapRef.name ?? '');
      if (!cm) {
        if (from.configMapRef.optional) continue;
        return { ok: false, message: `configmap "${from.configMapRef.name}" not found` };
      }
      for (const [k, v] of Object.entries({ ...(cm.data ?? {}) })) define(prefix + k, v);
    } else if (from.secretRef) {
      const s = secret(from.secretRef.name ?? '');
      if (!s) {
        if (from.secretRef.optional) continue;
        return { ok: false, message: `secret "${from.secretRef.name}" not found` };
      }
      for (const [k, v] of Object.entries(secretData(s))) define(prefix + k, v);
    }
  }
  for (const e of container.env ?? []) {
    if (e.valueFrom === undefined) {
      define(e.name, expandRefs(e.value ?? '', defined));
      continue;
    }
    const from = e.valueFrom;
    if (from.fieldRef) {
      define(e.name, fieldValue(from.fieldRef.fieldPath, facts) ?? '');
    } else if (from.resourceFieldRef) {
      // No limits set: the node's allocatable (8 CPUs, its memory), as the downward API reports.
      define(e.name, from.resourceFieldRef.resource.includes('cpu') ? '8' : '33563185152');
    } else if (from.configMapKeyRef) {
      const ref = from.configMapKeyRef;
      const cm = configMap(ref.name ?? '');
      const value = cm?.data?.[ref.key];
      if (value === undefined) {
        if (ref.optional) continue;
        return { ok: false, message: cm ? `couldn't find key ${ref.key} in ConfigMap ${namespace}/${ref.name}` : `configmap "${ref.name}" not found` };
      }
      define(e.name, value);
    } else if (from.secretKeyRef) {
      const ref = from.secretKeyRef;
      const s = secret(ref.name ?? '');
      const value = s ? secretData(s)[ref.key] : undefined;
      if (value === undefined) {
        if (ref.optional) continue;
        return { ok: false, message: s ? `couldn't find key ${ref.key} in Secret ${namespace}/${ref.name}` : `secret "${ref.name}" not found` };
      }
      define(e.name, value);
    }
  }
  for (const [k, v] of serviceEnv) if (!defined.has(k)) set(k, v);
  if (!vars.has('HOME')) set('HOME', '/root');
  return { ok: true, env: order.map((k) => [k, vars.get(k)!] as const) };
}
