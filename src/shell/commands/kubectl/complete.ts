/**
 * Tab completion for kubectl, as kubectl's bash completion offers: verbs, flags and their values
 * (-o formats), resource types (plural, singular, short names), object names from the cluster the
 * kubeconfig points at, namespaces after -n, contexts after --context, paths after -f. Completion
 * never prints anything: an unreachable cluster just yields no names.
 */
import { RESOURCE_TYPES, mustResolve, resolveResourceType, resolvePath, type ResourceType } from '../../../engine';
import type { CompletionRequest } from '../../types';
import { connect } from './client';
import { GLOBAL_FLAGS, takesValue, type FlagDef } from './flags';
import { COMMAND_GROUPS } from './help';
import { clientSettings, loadKubeconfig } from './kubeconfig';
import { VERBS } from './verbs';

const TYPE_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'explain', 'scale', 'rollout', 'patch', 'expose', 'logs', 'exec', 'cordon', 'uncordon', 'drain', 'taint', 'set', 'diff']);
const CONFIG_SUBCOMMANDS = ['current-context', 'delete-context', 'get-clusters', 'get-contexts', 'get-users', 'rename-context', 'set-context', 'use-context', 'view'];
/** Verbs whose first argument is a pod (or TYPE/NAME), as kubectl's completion offers pod names for them. */
const POD_VERBS = new Set(['logs', 'exec', 'port-forward', 'attach']);

function typeNames(): string[] {
  const names = new Set<string>();
  for (const t of RESOURCE_TYPES) {
    names.add(t.plural);
    names.add(t.singular);
    for (const s of t.shortNames) names.add(s);
  }
  return [...names].sort();
}

function flagNames(defs: readonly FlagDef[]): string[] {
  return defs.flatMap((d) => [`--${d.name}`, ...(d.short ? [`-${d.short}`] : [])]);
}

function valueOf(words: readonly string[], long: string, short: string | undefined): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith(`--${long}=`)) return w.slice(long.length + 3);
    if ((w === `--${long}` || (short && w === `-${short}`)) && i + 1 < words.length) return words[i + 1];
  }
  return undefined;
}

/** Names of objects of a type in the cluster this host's kubeconfig reaches, or none. */
function objectNames(req: CompletionRequest, type: ResourceType): string[] {
  const ctx = { host: req.host, env: req.env, cwd: req.cwd, world: req.world };
  const loaded = loadKubeconfig(ctx, { explicit: valueOf(req.words, 'kubeconfig', undefined) });
  if (!loaded.ok) return [];
  const settings = clientSettings(loaded.config, {
    context: valueOf(req.words, 'context', undefined), cluster: undefined, user: undefined, server: undefined,
    namespace: valueOf(req.words, 'namespace', 'n'), insecure: false,
  });
  if (!settings.ok) return [];
  const conn = connect({ ctx }, settings.settings);
  if (!conn.ok) return [];
  const allNs = req.words.includes('-A') || req.words.includes('--all-namespaces');
  return conn.conn.store.list(type, { namespace: type.namespaced && !allNs ? settings.settings.namespace : undefined }).map((o) => o.metadata.name);
}

function paths(req: CompletionRequest, partial: string): string[] {
  const slash = partial.lastIndexOf('/');
  const dirPart = slash >= 0 ? partial.slice(0, slash + 1) : '';
  const dir = resolvePath(dirPart || '.', req.cwd);
  const entries = req.host.fs.readdir(dir);
  if (!entries.ok) return [];
  return entries.value.map((e) => `${dirPart}${e}${req.host.fs.isDir(`${dir}/${e}`) ? '/' : ''}`);
}

export function completeKubectl(req: CompletionRequest): readonly string[] {
  const cur = req.current;
  const words = req.words.slice(1);
  const prev = words[words.length - 1];
  const match = (list: readonly string[]) => list.filter((c) => c.startsWith(cur));
  // The verb is the first word that is neither a flag nor a flag's value.
  let verb: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith('-')) {
      const def = VERBS.get(verb ?? '')?.flags.find((f) => `--${f.name}` === w || `-${f.short}` === w);
      if (takesValue(w) || (def && def.kind !== 'bool')) i++;
      continue;
    }
    if (verb === undefined) verb = w;
    else positional.push(w);
  }
  const verbDef = verb ? VERBS.get(verb) : undefined;
  const flags = [...GLOBAL_FLAGS, ...(verbDef?.flags ?? [])];
  if (prev === '-n' || prev === '--namespace') return match(objectNames(req, mustResolve('namespaces')));
  if (prev === '--context') {
    const loaded = loadKubeconfig(req, { explicit: undefined });
    return loaded.ok ? match(loaded.config.contexts.map((c) => c.name)) : [];
  }
  if (prev === '-f' || prev === '--filename' || prev === '--kubeconfig') return match(paths(req, cur));
  const prevFlag = flags.find((f) => prev === `--${f.name}` || (f.short && prev === `-${f.short}`));
  if (prevFlag && prevFlag.kind !== 'bool') return match(prevFlag.values ?? []);
  if (cur.startsWith('-')) {
    const eq = cur.indexOf('=');
    if (eq > 0) {
      const def = flags.find((f) => `--${f.name}` === cur.slice(0, eq));
      return match((def?.values ?? []).map((v) => `${cur.slice(0, eq + 1)}${v}`));
    }
    return match(flagNames(flags));
  }
  if (verb === undefined) return match(COMMAND_GROUPS.flatMap((g) => g.commands.map((c) => c.name)));
  if (verb === 'config') return positional.length === 0 ? match(CONFIG_SUBCOMMANDS) : [];
  if (verbDef?.subcommands) {
    // rollout status TYPE..., set image TYPE...; create's subcommands take a new NAME instead.
    if (positional.length === 0) return match(verbDef.subcommands);
    if (verb === 'create') return positional.length === 1 && ['service', 'svc'].includes(positional[0]!) ? match(['clusterip', 'loadbalancer', 'nodeport']) : [];
    positional.shift();
  }
  if (POD_VERBS.has(verb) && !cur.includes('/')) return positional.length === 0 ? match(objectNames(req, mustResolve('pods'))) : [];
  if (!TYPE_VERBS.has(verb) && !POD_VERBS.has(verb)) return [];
  if (cur.includes('/')) {
    const type = resolveResourceType(cur.slice(0, cur.indexOf('/')));
    return type ? match(objectNames(req, type).map((n) => `${cur.slice(0, cur.indexOf('/'))}/${n}`)) : [];
  }
  if (positional.length === 0) return match(typeNames());
  const type = resolveResourceType(positional[0]!.split(',')[0]!);
  return type ? match(objectNames(req, type)) : [];
}
