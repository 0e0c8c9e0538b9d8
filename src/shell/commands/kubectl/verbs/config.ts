/**
 * kubectl config: view (secrets shown as DATA+OMITTED / REDACTED unless --raw; --minify keeps the
 * current context only), current-context, get-contexts, get-clusters, get-users, and use-context,
 * set-context, rename-context and delete-context (which rewrite the kubeconfig file as kubectl
 * does). `set-context --current --namespace=x` is how a learner changes the namespace every verb
 * uses.
 */
import { deepClone, resolvePath } from '../../../../engine';
import { toGoJson } from '../../../format/json';
import { formatTable } from '../../../format/table';
import { toYaml } from '../../../format/yaml';
import type { Program } from '../../../types';
import { flagBool, flagString } from '../flags';
import { done, fail, loadConfig, type Invocation, type Verb } from '../invocation';
import { parseOutput, printJsonpath } from '../printers/output';

type Obj = Record<string, unknown>;

const REDACT_DATA = ['certificate-authority-data', 'client-certificate-data', 'client-key-data'];

function redact(raw: Obj): Obj {
  const copy = deepClone(raw);
  for (const [list, field] of [['clusters', 'cluster'], ['users', 'user']] as const) {
    for (const entry of (copy[list] as Obj[] | null) ?? []) {
      const inner = entry[field] as Obj | undefined;
      if (!inner) continue;
      for (const key of REDACT_DATA) if (key in inner) inner[key] = 'DATA+OMITTED';
      if ('token' in inner) inner.token = 'REDACTED';
      if ('password' in inner) inner.password = 'REDACTED';
    }
  }
  return copy;
}

function view(inv: Invocation): number {
  const loaded = loadConfig(inv);
  if (!loaded.ok) return fail(inv, loaded.error);
  let raw: Obj = { ...loaded.config.raw };
  if (flagBool(inv.flags, 'minify')) {
    const current = flagString(inv.flags, 'context') ?? loaded.config.currentContext;
    const ctx = loaded.config.contexts.find((c) => c.name === current);
    if (!current || !ctx) return fail(inv, 'current-context must exist in order to minify');
    const pick = (list: unknown, name: string) => ((list as Obj[] | null) ?? []).filter((e) => e.name === name);
    raw = { ...raw, 'current-context': current, contexts: pick(raw.contexts, current), clusters: pick(raw.clusters, ctx.cluster), users: pick(raw.users, ctx.user) };
  }
  if (!flagBool(inv.flags, 'raw')) raw = redact(raw);
  const output = flagString(inv.flags, 'output') ?? 'yaml';
  if (output === 'json') inv.out(toGoJson(structOrder(raw), { indent: '    ', sortKeys: false }));
  else if (output === 'yaml') inv.out(toYaml(raw));
  else if (output.startsWith('jsonpath')) {
    // `kubectl config view --minify -o jsonpath='{..namespace}'`: the idiom for "which namespace am I in".
    const printer = parseOutput(output, () => undefined);
    if (!printer.ok) return fail(inv, printer.error);
    if (printer.spec.kind !== 'jsonpath') return fail(inv, `unable to match a printer suitable for the output format "${output}"`);
    const printed = printJsonpath(printer.spec, structOrder(raw));
    inv.out(printed.text);
    if (printed.error !== undefined) return fail(inv, printed.error);
  } else return fail(inv, `unable to match a printer suitable for the output format "${output}", allowed formats are: json,jsonpath,yaml`);
  return 0;
}

/** `config view -o json` prints clientcmd's v1 structs, so fields come in their declaration order. */
const ORDER: Readonly<Record<string, readonly string[]>> = {
  config: ['kind', 'apiVersion', 'preferences', 'clusters', 'users', 'contexts', 'current-context', 'extensions'],
  cluster: ['server', 'tls-server-name', 'insecure-skip-tls-verify', 'certificate-authority', 'certificate-authority-data', 'proxy-url', 'disable-compression', 'extensions'],
  context: ['cluster', 'user', 'namespace', 'extensions'],
  user: ['client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'username', 'password', 'auth-provider', 'exec', 'extensions'],
};

function ordered(obj: Obj, order: readonly string[]): Obj {
  const keys = [...order.filter((k) => k in obj), ...Object.keys(obj).filter((k) => !order.includes(k)).sort()];
  return Object.fromEntries(keys.map((k) => [k, obj[k]]));
}

function structOrder(raw: Obj): Obj {
  const named = (list: unknown, field: string) => ((list as Obj[] | null) ?? []).map((e) => ({ name: e.name, [field]: ordered((e[field] as Obj | undefined) ?? {}, ORDER[field]!) }));
  return ordered({ ...raw, clusters: named(raw.clusters, 'cluster'), users: named(raw.users, 'user'), contexts: named(raw.contexts, 'context') }, ORDER.config!);
}

function currentContext(inv: Invocation): number {
  const loaded = loadConfig(inv);
  if (!loaded.ok) return fail(inv, loaded.error);
  if (!loaded.config.currentContext) return fail(inv, 'current-context is not set');
  inv.out(`${loaded.config.currentContext}\n`);
  return 0;
}

function getContexts(inv: Invocation, names: readonly string[]): number {
  const loaded = loadConfig(inv);
  if (!loaded.ok) return fail(inv, loaded.error);
  const config = loaded.config;
  const missing = names.filter((n) => !config.contexts.some((c) => c.name === n));
  const contexts = names.length ? config.contexts.filter((c) => names.includes(c.name)) : config.contexts;
  if (flagString(inv.flags, 'output') === 'name') {
    for (const c of contexts) inv.out(`${c.name}\n`);
  } else {
    const rows = contexts.map((c) => [c.name === config.currentContext ? '*' : '', c.name, c.cluster, c.user, c.namespace ?? '']);
    // AUTHINFO is tab-terminated, so a context without a namespace leaves trailing spaces, as kubectl's does.
    inv.out(formatTable(['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], rows));
  }
  for (const n of missing) inv.err(`error: context ${n} not found\n`);
  return missing.length ? 1 : 0;
}

/** Rewrites the first kubeconfig file with a change, as kubectl config's modifying commands do. */
function rewrite(inv: Invocation, change: (doc: Obj) => string | undefined): number {
  const loaded = loadConfig(inv);
  if (!loaded.ok) return fail(inv, loaded.error);
  const home = inv.ctx.env.get('HOME') ?? '/root';
  const file = loaded.config.files[0] ?? resolvePath(`${home}/.kube/config`);
  const doc = deepClone(loaded.config.raw) as Obj;
  const error = change(doc);
  if (error) return fail(inv, error);
  for (const key of ['clusters', 'contexts', 'users']) if (doc[key] === null) doc[key] = [];
  const written = inv.ctx.host.fs.writeFile(file, toYaml(doc));
  if (!written.ok) return fail(inv, `open ${file}: no such file or directory`);
  return 0;
}

function useContext(inv: Invocation, name: string | undefined): number {
  if (!name) return fail(inv, 'Unexpected args: []');
  const code = rewrite(inv, (doc) => {
    if (!((doc.contexts as Obj[] | null) ?? []).some((c) => c.name === name)) return `no context exists with the name: "${name}"`;
    doc['current-context'] = name;
    return undefined;
  });
  if (code === 0) inv.out(`Switched to context "${name}".\n`);
  return code;
}

function setContext(inv: Invocation, name: string | undefined): number {
  const current = flagBool(inv.flags, 'current');
  let target = name;
  const code = rewrite(inv, (doc) => {
    if (current) target = String(doc['current-context'] ?? '');
    if (!target) return current ? 'no current context is set' : 'you must specify a non-empty context name or --current';
    const contexts = ((doc.contexts as Obj[] | null) ?? []);
    let entry = contexts.find((c) => c.name === target);
    const created = !entry;
    if (!entry) {
      entry = { context: {}, name: target };
      contexts.push(entry);
      doc.contexts = contexts;
    }
    const ctx = (entry.context ??= {}) as Obj;
    for (const [flag, key] of [['namespace', 'namespace'], ['cluster', 'cluster'], ['user', 'user']] as const) {
      const v = flagString(inv.flags, flag);
      if (v !== undefined) ctx[key] = v;
    }
    inv.out(`Context "${target}" ${created ? 'created' : 'modified'}.\n`);
    return undefined;
  });
  return code;
}

function getNames(inv: Invocation, list: 'clusters' | 'users'): number {
  const loaded = loadConfig(inv);
  if (!loaded.ok) return fail(inv, loaded.error);
  const entries = ((loaded.config.raw[list] as Obj[] | null) ?? []).map((e) => String(e.name ?? ''));
  inv.out(`NAME\n${entries.map((n) => `${n}\n`).join('')}`);
  return 0;
}

/** The file a modifying subcommand changes, as kubectl names it in its messages. */
function configFile(inv: Invocation): string {
  const loaded = loadConfig(inv);
  const home = inv.ctx.env.get('HOME') ?? '/root';
  return (loaded.ok ? loaded.config.files[0] : undefined) ?? resolvePath(`${home}/.kube/config`);
}

function renameContext(inv: Invocation, from: string | undefined, to: string | undefined): number {
  if (from === undefined || to === undefined) return fail(inv, 'Unexpected args: ' + `[${inv.args.slice(1).join(' ')}]`);
  const file = configFile(inv);
  const code = rewrite(inv, (doc) => {
    const contexts = (doc.contexts as Obj[] | null) ?? [];
    const entry = contexts.find((c) => c.name === from);
    if (!entry) return `cannot rename the context "${from}", it's not in ${file}`;
    if (contexts.some((c) => c.name === to)) return `cannot rename the context "${from}", the context "${to}" already exists in ${file}`;
    entry.name = to;
    if (doc['current-context'] === from) doc['current-context'] = to;
    return undefined;
  });
  if (code === 0) inv.out(`Context "${from}" renamed to "${to}".\n`);
  return code;
}

function deleteContext(inv: Invocation, name: string | undefined): number {
  if (name === undefined) return fail(inv, 'Unexpected args: []');
  const file = configFile(inv);
  let wasCurrent = false;
  const code = rewrite(inv, (doc) => {
    const contexts = (doc.contexts as Obj[] | null) ?? [];
    if (!contexts.some((c) => c.name === name)) return `cannot delete context ${name}, not in ${file}`;
    doc.contexts = contexts.filter((c) => c.name !== name);
    wasCurrent = doc['current-context'] === name;
    return undefined;
  });
  if (code === 0) {
    if (wasCurrent) inv.err('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
    inv.out(`deleted context ${name} from ${file}\n`);
  }
  return code;
}

function run(inv: Invocation): Program {
  const [sub, ...rest] = inv.args;
  switch (sub) {
    case 'view': return done(view(inv));
    case 'current-context': return done(currentContext(inv));
    case 'get-contexts': return done(getContexts(inv, rest));
    case 'use-context':
    case 'use': return done(useContext(inv, rest[0]));
    case 'set-context': return done(setContext(inv, rest[0]));
    case 'get-clusters': return done(getNames(inv, 'clusters'));
    case 'get-users': return done(getNames(inv, 'users'));
    case 'rename-context': return done(renameContext(inv, rest[0], rest[1]));
    case 'delete-context': return done(deleteContext(inv, rest[0]));
    case undefined:
      inv.out(CONFIG_HELP);
      return done(0);
    default:
      inv.err(`error: unknown command "${sub}" for "kubectl config"\nRun 'kubectl config --help' for usage.\n`);
      return done(1);
  }
}

const CONFIG_HELP = [
  'Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".',
  '',
  ' The file is --kubeconfig if given, else the first file of $KUBECONFIG, else ${HOME}/.kube/config.',
  '',
  'Available Commands:',
  '  current-context   Display the current-context',
  '  delete-context    Delete the specified context from the kubeconfig',
  '  get-clusters      Display clusters defined in the kubeconfig',
  '  get-contexts      Describe one or many contexts',
  '  get-users         Display users defined in the kubeconfig',
  '  rename-context    Rename a context from the kubeconfig file',
  '  set-context       Set a context entry in kubeconfig',
  '  use-context       Set the current-context in a kubeconfig file',
  '  view              Display merged kubeconfig settings or a specified kubeconfig file',
  '',
  'Usage:',
  '  kubectl config SUBCOMMAND [options]',
  '',
  'Use "kubectl <command> --help" for more information about a given command.',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
  '',
].join('\n');

export const config: Verb = {
  name: 'config',
  summary: 'Modify kubeconfig files',
  usage: 'kubectl config SUBCOMMAND [options]',
  help: CONFIG_HELP.split('\n\nUsage:')[0]!,
  flags: [
    { name: 'raw', kind: 'bool', description: 'Display raw byte data and sensitive data (config view).', defaultText: 'false' },
    { name: 'minify', kind: 'bool', description: 'Remove all information not used by current-context from the output (config view).', defaultText: 'false' },
    { name: 'flatten', kind: 'bool', description: 'Flatten the resulting kubeconfig file into self-contained output (config view).', defaultText: 'false' },
    { name: 'output', short: 'o', kind: 'string', description: 'Output format. One of: (json, yaml, name).', defaultText: "'yaml'", values: ['json', 'yaml'] },
    { name: 'current', kind: 'bool', description: 'Modify the current context (set-context).', defaultText: 'false' },
  ],
  run,
};
