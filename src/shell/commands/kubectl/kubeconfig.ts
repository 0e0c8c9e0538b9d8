/**
 * Kubeconfig loading as client-go's loading rules do it: `--kubeconfig` (must exist), else the
 * colon-separated `$KUBECONFIG` list (missing files skipped, first definition of a name wins),
 * else `$HOME/.kube/config`. The file kubeadm writes (admin.conf) has clusters, contexts, users and
 * current-context `kubernetes-admin@kubernetes`.
 */
import { loadYamlDocuments, resolvePath } from '../../../engine';
import { goYamlError } from '../../format/yamlErrors';
import type { CommandContext } from '../../types';

export interface NamedCluster {
  readonly name: string;
  readonly server: string | undefined;
  readonly certificateAuthorityData: string | undefined;
  readonly certificateAuthority: string | undefined;
  readonly insecureSkipTlsVerify: boolean;
}

export interface NamedContext {
  readonly name: string;
  readonly cluster: string;
  readonly user: string;
  readonly namespace: string | undefined;
}

export interface NamedUser {
  readonly name: string;
  readonly hasCredentials: boolean;
}

export interface Kubeconfig {
  /** Files that were read, in precedence order. */
  readonly files: readonly string[];
  readonly clusters: readonly NamedCluster[];
  readonly contexts: readonly NamedContext[];
  readonly users: readonly NamedUser[];
  readonly currentContext: string;
  /** The merged document as YAML data (for `config view`). */
  readonly raw: Readonly<Record<string, unknown>>;
}

export type KubeconfigLoad = { readonly ok: true; readonly config: Kubeconfig } | { readonly ok: false; readonly error: string };

export interface KubeconfigSources {
  readonly explicit: string | undefined;
}

/** Reads and merges the kubeconfig files; an empty config when there are none, as kubectl has. */
export function loadKubeconfig(ctx: Pick<CommandContext, 'host' | 'env' | 'cwd'>, sources: KubeconfigSources): KubeconfigLoad {
  const fs = ctx.host.fs;
  const home = ctx.env.get('HOME') ?? '/root';
  let paths: string[];
  if (sources.explicit !== undefined) {
    const path = resolvePath(sources.explicit, ctx.cwd);
    if (!fs.exists(path)) return { ok: false, error: `stat ${sources.explicit}: no such file or directory` };
    paths = [path];
  } else {
    const env = ctx.env.get('KUBECONFIG');
    paths = env ? env.split(':').filter((p) => p !== '').map((p) => resolvePath(p, ctx.cwd)) : [`${home}/.kube/config`];
  }
  const docs: { path: string; doc: Record<string, unknown> }[] = [];
  for (const path of paths) {
    if (!fs.isFile(path)) continue;
    const text = fs.readFile(path);
    if (!text.ok) continue;
    // client-go reads the file's first document with go-yaml, then decodes its JSON.
    const read = loadYamlDocuments(text.value, 'kubernetes');
    if (!read.ok) return { ok: false, error: `error loading config file "${path}": ${goYamlError(text.value, read.problem)}` };
    const doc = read.value[0] ?? {};
    if (typeof doc !== 'object' || Array.isArray(doc)) {
      const type = Array.isArray(doc) ? 'array' : typeof doc === 'boolean' ? 'bool' : typeof doc;
      return { ok: false, error: `error loading config file "${path}": couldn't get version/kind; json parse error: json: cannot unmarshal ${type} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }` };
    }
    docs.push({ path, doc: doc as Record<string, unknown> });
  }
  return { ok: true, config: merge(docs) };
}

function merge(docs: readonly { path: string; doc: Record<string, unknown> }[]): Kubeconfig {
  const clusters = new Map<string, Record<string, unknown>>();
  const contexts = new Map<string, Record<string, unknown>>();
  const users = new Map<string, Record<string, unknown>>();
  let currentContext = '';
  let preferences: unknown = {};
  for (const { doc } of docs) {
    for (const [list, target] of [[doc.clusters, clusters], [doc.contexts, contexts], [doc.users, users]] as const) {
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        const name = entry && typeof entry === 'object' ? (entry as { name?: unknown }).name : undefined;
        if (typeof name === 'string' && !target.has(name)) target.set(name, entry as Record<string, unknown>);
      }
    }
    if (!currentContext && typeof doc['current-context'] === 'string') currentContext = doc['current-context'];
    if (doc.preferences && typeof doc.preferences === 'object') preferences = doc.preferences;
  }
  const field = (entry: Record<string, unknown>, key: string): Record<string, unknown> => {
    const v = entry[key];
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  };
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  // client-go holds these as maps: kubectl prints them sorted by name.
  const sorted = (m: Map<string, Record<string, unknown>>) => new Map([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  for (const m of [clusters, contexts, users]) {
    const s = sorted(m);
    m.clear();
    for (const [k, v] of s) m.set(k, v);
  }
  const raw: Record<string, unknown> = {
    apiVersion: 'v1',
    clusters: clusters.size ? [...clusters.values()] : null,
    contexts: contexts.size ? [...contexts.values()] : null,
    'current-context': currentContext,
    kind: 'Config',
    preferences,
    users: users.size ? [...users.values()] : null,
  };
  return {
    files: docs.map((d) => d.path),
    clusters: [...clusters.entries()].map(([name, e]) => {
      const c = field(e, 'cluster');
      return {
        name,
        server: str(c.server),
        certificateAuthorityData: str(c['certificate-authority-data']),
        certificateAuthority: str(c['certificate-authority']),
        insecureSkipTlsVerify: c['insecure-skip-tls-verify'] === true,
      };
    }),
    contexts: [...contexts.entries()].map(([name, e]) => {
      const c = field(e, 'context');
      return { name, cluster: str(c.cluster) ?? '', user: str(c.user) ?? '', namespace: str(c.namespace) };
    }),
    users: [...users.entries()].map(([name, e]) => {
      const u = field(e, 'user');
      const creds = ['client-certificate-data', 'client-certificate', 'token', 'tokenFile', 'username', 'exec', 'auth-provider'];
      return { name, hasCredentials: creds.some((k) => u[k] !== undefined) };
    }),
    currentContext,
    raw,
  };
}

export interface ClientSettings {
  /** "https://192.168.0.8:6443", or kubectl's built-in default "http://localhost:8080". */
  readonly server: string;
  readonly cluster: NamedCluster | undefined;
  readonly user: NamedUser | undefined;
  readonly namespace: string;
  readonly namespaceExplicit: boolean;
  readonly contextName: string;
}

export interface Overrides {
  readonly context: string | undefined;
  readonly cluster: string | undefined;
  readonly user: string | undefined;
  readonly server: string | undefined;
  readonly namespace: string | undefined;
  readonly insecure: boolean;
}

export type SettingsResult = { readonly ok: true; readonly settings: ClientSettings } | { readonly ok: false; readonly error: string };

/** The effective client settings: overrides first, then the selected context. */
export function clientSettings(config: Kubeconfig, o: Overrides): SettingsResult {
  const contextName = o.context ?? config.currentContext;
  const context = config.contexts.find((c) => c.name === contextName);
  if (o.context !== undefined && !context) return { ok: false, error: `context "${o.context}" does not exist` };
  if (contextName && !context && o.server === undefined) {
    return { ok: false, error: `Error in configuration: context was not found for specified context: ${contextName}` };
  }
  const clusterName = o.cluster ?? context?.cluster;
  let cluster = config.clusters.find((c) => c.name === clusterName);
  const user = config.users.find((u) => u.name === (o.user ?? context?.user));
  if (cluster && o.insecure) cluster = { ...cluster, insecureSkipTlsVerify: true };
  const server = o.server ?? cluster?.server ?? 'http://localhost:8080';
  return {
    ok: true,
    settings: {
      server: /^[a-z]+:\/\//i.test(server) ? server : `https://${server}`,
      cluster,
      user,
      namespace: o.namespace ?? context?.namespace ?? 'default',
      namespaceExplicit: o.namespace !== undefined,
      contextName,
    },
  };
}
