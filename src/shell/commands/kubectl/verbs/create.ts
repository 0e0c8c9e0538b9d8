/**
 * kubectl create: `-f` manifests (created as they are, no last-applied annotation), and the
 * generators `create namespace NAME` and `create deployment NAME --image=...` whose
 * `--dry-run=client -o yaml` output matches kubectl's.
 */
import { mustResolve, type KubeObject } from '../../../../engine';
import { toGoJson } from '../../../format/json';
import { toYaml } from '../../../format/yaml';
import { sleep, type Program } from '../../../types';
import { flagInt, flagString, flagStrings } from '../flags';
import { connectOrReport, fail, usageError, type Invocation, type Verb } from '../invocation';
import { readManifests } from '../manifests';
import { kindPrefix } from '../resources';
import { FILENAME_FLAG, prepare } from './apply';

/** The container name kubectl derives from an image: its last path part, without tag or digest. */
export function containerNameFor(image: string): string {
  const last = image.split('/').pop() ?? image;
  return last.split('@')[0]!.split(':')[0]!.replace(/[^a-z0-9-]/g, '-');
}

function generated(inv: Invocation, kind: string, name: string): KubeObject | string {
  switch (kind) {
    case 'namespace':
    case 'ns':
      return { kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null } as never, spec: {}, status: {} } as KubeObject;
    case 'deployment':
    case 'deploy': {
      const images = flagStrings(inv.flags, 'image');
      if (images.length === 0) return 'required flag(s) "image" not set';
      const port = flagInt(inv.flags, 'port');
      // Fields in the Go structs' order: `-o json` of a generated object prints them that way.
      const containers = images.map((image) => ({
        name: containerNameFor(image), image, ...(port !== undefined && port >= 0 ? { ports: [{ containerPort: port }] } : {}), resources: {},
      }));
      const labels = { app: name };
      return {
        kind: 'Deployment', apiVersion: 'apps/v1',
        metadata: { name, creationTimestamp: null, labels } as never,
        spec: {
          replicas: flagInt(inv.flags, 'replicas') ?? 1, selector: { matchLabels: labels },
          template: { metadata: { creationTimestamp: null, labels }, spec: { containers } }, strategy: {},
        },
        status: {},
      } as KubeObject;
    }
    default:
      return `"kubectl create ${kind}" is not available in this playground yet`;
  }
}

function* run(inv: Invocation): Program {
  const files = flagStrings(inv.flags, 'filename');
  const dryRun = flagString(inv.flags, 'dry-run') ?? 'none';
  const output = flagString(inv.flags, 'output');
  if (files.length > 0) {
    const read = yield* readManifests(inv, files, false);
    if (!read.ok) return fail(inv, read.error);
    const conn = yield* connectOrReport(inv);
    if (typeof conn === 'number') return conn;
    let errors = 0;
    for (const m of read.objects) {
      const p = prepare(inv, conn, m, 'creating');
      if (typeof p === 'string') {
        inv.err(`${p}\n`);
        errors++;
        continue;
      }
      yield sleep(4);
      const created = conn.store.create(p.type, p.object, 'user:kubectl');
      if (!created.ok) {
        inv.err(`Error from server (${created.error.reason}): error when creating "${m.source}": ${created.error.message}\n`);
        errors++;
      } else {
        inv.out(`${kindPrefix(p.type)}/${created.value.metadata.name} created\n`);
      }
    }
    return errors > 0 ? 1 : 0;
  }
  const [kind, name] = inv.args;
  if (!kind) return fail(inv, 'must specify one of -f and -k');
  if (!name) return usageError(inv, 'exactly one NAME is required, got 0');
  const obj = generated(inv, kind, name);
  if (typeof obj === 'string') return fail(inv, obj);
  if (dryRun === 'client') {
    if (output === 'yaml') inv.out(toYaml(obj));
    else if (output === 'json') inv.out(toGoJson(obj, { indent: '    ', sortKeys: false }));
    else inv.out(`${kindPrefix(mustResolve(obj.kind!))}/${name} created (dry run)\n`);
    return 0;
  }
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const type = mustResolve(obj.kind!);
  const input = { ...obj, metadata: { name, ...(type.namespaced ? { namespace: conn.settings.namespace } : {}), ...(obj.metadata?.labels ? { labels: obj.metadata.labels } : {}) } };
  delete (input as { status?: unknown }).status;
  yield sleep(4);
  const created = conn.store.create(type, input, 'user:kubectl');
  if (!created.ok) {
    inv.err(`${created.error.toKubectl()}\n`);
    return 1;
  }
  if (output === 'yaml') inv.out(toYaml(created.value));
  else if (output === 'json') inv.out(toGoJson(created.value));
  else inv.out(`${kindPrefix(type)}/${name} created\n`);
  return 0;
}

export const create: Verb = {
  name: 'create',
  summary: 'Create a resource from a file or from stdin',
  usage: 'kubectl create -f FILENAME [options]',
  help: [
    'Create a resource from a file or from stdin.',
    '',
    ' JSON and YAML formats are accepted.',
    '',
    'Examples:',
    '  # Create the objects of a manifest',
    '  kubectl create -f ./pod.yaml',
    '  ',
    '  # Create a namespace',
    '  kubectl create namespace blue',
    '  ',
    '  # Create a deployment running one image, or just print it',
    '  kubectl create deployment rng --image=dockercoins/rng:v0.1 --dry-run=client -o yaml',
    '',
    'Available Commands:',
    '  deployment            Create a deployment with the specified name',
    '  namespace             Create a namespace with the specified name',
  ].join('\n'),
  flags: [
    FILENAME_FLAG,
    { name: 'dry-run', kind: 'string', description: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent.', defaultText: "'none'" },
    { name: 'output', short: 'o', kind: 'string', description: 'Output format. One of: (json, yaml).', defaultText: "''", values: ['json', 'yaml'] },
    { name: 'image', kind: 'strings', description: 'Image names to run (create deployment).', defaultText: '[]' },
    { name: 'replicas', short: 'r', kind: 'int', description: 'Number of replicas to create (create deployment).', defaultText: '1' },
    { name: 'port', kind: 'int', description: 'The containerPort this deployment exposes (create deployment).', defaultText: '-1' },
    { name: 'save-config', kind: 'bool', description: 'If true, the configuration of current object will be saved in its annotation.', defaultText: 'false' },
    { name: 'validate', kind: 'string', description: 'Must be one of: strict (or true), warn, ignore (or false).', defaultText: "'strict'" },
  ],
  run,
};

