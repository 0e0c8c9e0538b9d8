/**
 * The subcommands of `kubectl create` that generate an object from flags: deployment, namespace,
 * service (clusterip, nodeport, loadbalancer), configmap, secret generic, job. Each returns the
 * object and how kubectl words a failed POST for it ("failed to create deployment: ...").
 */
import { base64Encode, mustResolve, resolvePath, type KubeObject, type ResourceType } from '../../../../engine';
import { flagInt, flagString, flagStrings } from '../flags';
import type { Invocation } from '../invocation';
import { configMap, container, containerNameFor, deployment, job, namespace, secret, service, type ServicePortInput } from './generators';

export interface Generated {
  readonly type: ResourceType;
  readonly object: KubeObject;
  /** How a server error is printed: a prefix for errors.Wrap-style messages, or cmdutil.CheckErr's form. */
  readonly failurePrefix: string | undefined;
  /** Extra lines printed on stderr first (warnings). */
  readonly warnings?: readonly string[];
}

/** A usage error (`See 'kubectl create X -h'`), a plain error, or a group's help (exit code 1). */
export type GenerateError = { readonly usage: string } | { readonly error: string } | { readonly help: string };

function groupHelp(what: string, commands: readonly (readonly [string, string])[]): { help: string } {
  return {
    help: [
      `Create a ${what} of the kind the subcommand names.`, '', 'Available Commands:',
      ...commands.map(([name, summary]) => `  ${name.padEnd(15)}${summary}`), '', 'Usage:', `  kubectl create ${what} [flags] [options]`, '',
      'Use "kubectl <command> --help" for more information about a given command.',
      'Use "kubectl options" for a list of global command-line options (applies to all commands).', '',
    ].join('\n'),
  };
}

const T = (r: string) => mustResolve(r);

/** Sub-subcommands, for help and completion. */
export const CREATE_SUBCOMMANDS = ['configmap', 'deployment', 'job', 'namespace', 'secret', 'service'];
export const SERVICE_TYPES: Readonly<Record<string, string>> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer' };

export function generate(inv: Invocation, args: readonly string[]): Generated | GenerateError {
  const [kind, ...rest] = args;
  switch (kind) {
    case 'namespace':
    case 'ns':
      return oneName(rest, 'namespace', (name) => ({ type: T('namespaces'), object: namespace(name), failurePrefix: undefined }));
    case 'deployment':
    case 'deploy':
      return oneName(rest, 'deployment', (name) => createDeployment(inv, name));
    case 'job':
      return oneName(rest, 'job', (name) => createJob(inv, name));
    case 'configmap':
    case 'cm':
      return oneName(rest, 'configmap', (name) => createData(inv, name, false));
    case 'secret': {
      const [sub, ...names] = rest;
      if (sub === undefined) return groupHelp('secret', [['generic', 'Create a secret from a local file, directory, or literal value']]);
      if (sub === 'tls' || sub === 'docker-registry') return { error: `"kubectl create secret ${sub}" is not available in this playground yet` };
      if (sub !== 'generic') return { error: `unknown command "${rest.join(' ')}"\nSee 'kubectl create secret -h' for help and examples` };
      return oneName(names, 'secret generic', (name) => createData(inv, name, true));
    }
    case 'service':
    case 'svc': {
      const [sub, ...names] = rest;
      const type = sub !== undefined ? SERVICE_TYPES[sub] : undefined;
      if (sub === undefined) {
        return groupHelp('service', [['clusterip', 'Create a ClusterIP service'], ['loadbalancer', 'Create a LoadBalancer service'], ['nodeport', 'Create a NodePort service']]);
      }
      if (sub === 'externalname') return { error: '"kubectl create service externalname" is not available in this playground yet' };
      if (!type) return { error: `unknown command "${rest.join(' ')}"\nSee 'kubectl create service -h' for help and examples` };
      return oneName(names, `service ${sub}`, (name) => createService(inv, name, type));
    }
    default:
      return { error: `"kubectl create ${kind}" is not available in this playground yet` };
  }
}

function oneName(names: readonly string[], what: string, build: (name: string) => Generated | GenerateError): Generated | GenerateError {
  if (names.length !== 1) return { usage: `exactly one NAME is required, got ${names.length}\nSee 'kubectl create ${what} -h' for help and examples` };
  return build(names[0]!);
}

function createDeployment(inv: Invocation, name: string): Generated | GenerateError {
  const images = flagStrings(inv.flags, 'image');
  if (images.length === 0) return { error: 'required flag(s) "image" not set' };
  const command = inv.flags.afterDash ?? [];
  if (command.length > 0 && images.length > 1) return { error: 'cannot specify multiple --image options and command' };
  const port = flagInt(inv.flags, 'port') ?? -1;
  const containers = images.map((image) => container({ name: containerNameFor(image), image, command, ...(port >= 0 ? { port } : {}) }));
  return { type: T('deployments'), object: deployment(name, flagInt(inv.flags, 'replicas') ?? 1, containers), failurePrefix: 'failed to create deployment: ' };
}

function createJob(inv: Invocation, name: string): Generated | GenerateError {
  const image = flagStrings(inv.flags, 'image').at(-1);
  if (flagString(inv.flags, 'from') !== undefined) return { error: 'creating a job from a cronjob is not available in this playground yet' };
  if (!image) return { error: 'either --image or --from must be specified' };
  return { type: T('jobs'), object: job(name, { name, image, command: inv.flags.afterDash ?? [] }), failurePrefix: 'failed to create job: ' };
}

function createService(inv: Invocation, name: string, type: string): Generated | GenerateError {
  const clusterIP = flagString(inv.flags, 'clusterip');
  const specs = flagStrings(inv.flags, 'tcp');
  if (specs.length === 0 && clusterIP !== 'None') return { error: 'at least one tcp port specifier must be provided' };
  const nodePort = flagInt(inv.flags, 'node-port') ?? 0;
  const ports: ServicePortInput[] = [];
  for (const spec of specs) {
    const [portText, targetText] = spec.split(':') as [string, string | undefined];
    if (!/^\d+$/.test(portText)) return { error: `strconv.ParseUint: parsing "${portText}": invalid syntax` };
    const port = Number(portText);
    const target = targetText === undefined ? port : /^\d+$/.test(targetText) ? Number(targetText) : targetText;
    ports.push({ name: targetText === undefined ? portText : `${portText}-${targetText}`, protocol: 'TCP', port, targetPort: target, ...(nodePort > 0 ? { nodePort } : {}) });
  }
  const labels = { app: name };
  const svc = service({ name, labels, ports, selector: labels, ...(clusterIP !== undefined ? { clusterIP } : {}), type });
  return { type: T('services'), object: svc, failurePrefix: `failed to create ${type} service: ` };
}

/** configmap and secret generic: --from-literal, --from-file ([key=]path, or a directory), --from-env-file. */
function createData(inv: Invocation, name: string, isSecret: boolean): Generated | GenerateError {
  const kind = isSecret ? 'Secret' : 'ConfigMap';
  const data: Record<string, string> = {};
  const literals = flagStrings(inv.flags, 'from-literal');
  const files = flagStrings(inv.flags, 'from-file');
  const envFiles = flagStrings(inv.flags, 'from-env-file');
  if (envFiles.length > 0 && (literals.length > 0 || files.length > 0)) return { error: 'from-env-file cannot be combined with from-file or from-literal' };
  const add = (key: string, value: string): GenerateError | undefined => {
    if (!/^[-._a-zA-Z0-9]+$/.test(key)) {
      return { error: `"${key}" is not a valid key name for a ${kind}: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')` };
    }
    if (key in data) return { error: `cannot add key "${key}", another key by that name already exists in Data for ${kind} "${name}"` };
    data[key] = isSecret ? base64Encode(value) : value;
    return undefined;
  };
  const fs = inv.ctx.host.fs;
  for (const spec of files) {
    const eq = spec.indexOf('=');
    const key = eq > 0 ? spec.slice(0, eq) : undefined;
    const path = eq > 0 ? spec.slice(eq + 1) : spec;
    const abs = resolvePath(path, inv.ctx.cwd);
    if (fs.isDir(abs)) {
      if (key !== undefined) return { error: 'cannot give a key name for a directory path' };
      const entries = fs.readdir(abs);
      for (const entry of entries.ok ? entries.value : []) {
        const file = fs.readFile(`${abs}/${entry}`);
        if (!file.ok) continue;
        const problem = add(entry, file.value);
        if (problem) return problem;
      }
      continue;
    }
    const file = fs.readFile(abs);
    if (!file.ok) return { error: `error reading ${path}: no such file or directory` };
    const problem = add(key ?? path.split('/').pop()!, file.value);
    if (problem) return problem;
  }
  for (const lit of literals) {
    const eq = lit.indexOf('=');
    if (eq <= 0) return { error: `invalid literal source ${lit}, expected key=value` };
    const problem = add(lit.slice(0, eq), lit.slice(eq + 1));
    if (problem) return problem;
  }
  for (const path of envFiles) {
    const file = fs.readFile(resolvePath(path, inv.ctx.cwd));
    if (!file.ok) return { error: `error reading ${path}: no such file or directory` };
    for (const raw of file.value.split('\n')) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const eq = line.indexOf('=');
      const problem = eq > 0 ? add(line.slice(0, eq), line.slice(eq + 1)) : add(line, inv.ctx.env.get(line) ?? '');
      if (problem) return problem;
    }
  }
  if (isSecret) {
    return { type: T('secrets'), object: secret(name, data, flagString(inv.flags, 'type')), failurePrefix: 'failed to create secret ' };
  }
  return { type: T('configmaps'), object: configMap(name, data), failurePrefix: 'failed to create configmap: ' };
}
