/**
 * kubectl create: `-f` manifests (created as they are, no last-applied annotation), and the
 * generators (deployment, namespace, service clusterip|nodeport|loadbalancer, configmap, secret
 * generic, job) whose `--dry-run=client -o yaml` output matches kubectl's.
 */
import { sleep, type Program } from '../../../types';
import { flagStrings } from '../flags';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';
import { readManifests } from '../manifests';
import { kindPrefix } from '../resources';
import { FILENAME_FLAG, prepare } from './apply';
import { CREATE_SUBCOMMANDS, generate } from './createGenerators';
import { apiErrorText, badOutput, createOnServer, dryRunOf, DRY_RUN_FLAG, printWritten, WRITE_OUTPUT_FLAG } from './write';

function* run(inv: Invocation): Program {
  const files = flagStrings(inv.flags, 'filename');
  if (files.length > 0) {
    const read = yield* readManifests(inv, files, false);
    if (!read.ok) return fail(inv, read.error);
    const conn = yield* connectOrReport(inv);
    if (typeof conn === 'number') return conn;
    // As apply: the visitor goes on after an error, and the errors are printed at the end.
    const errors: string[] = [];
    for (const m of read.objects) {
      const p = prepare(inv, conn, m, 'creating');
      if (typeof p === 'string') {
        errors.push(p);
        continue;
      }
      yield sleep(4);
      const created = conn.store.create(p.type, p.object, 'user:kubectl');
      if (!created.ok) errors.push(created.error.reason === 'Invalid' ? apiErrorText(created.error) : `Error from server (${created.error.reason}): error when creating "${m.source}": ${created.error.message}`);
      else inv.out(`${kindPrefix(p.type)}/${created.value.metadata.name} created\n`);
    }
    for (const e of errors) inv.err(`${e}\n`);
    return errors.length > 0 ? 1 : 0;
  }
  if (inv.args.length === 0) return fail(inv, 'must specify one of -f and -k');
  const dryRun = dryRunOf(inv);
  if (typeof dryRun !== 'string') return fail(inv, dryRun.error);
  const badO = badOutput(inv);
  if (badO) return fail(inv, badO);
  const gen = generate(inv, inv.args);
  if ('help' in gen) {
    inv.out(gen.help);
    return 1;
  }
  if ('usage' in gen) return fail(inv, gen.usage);
  if ('error' in gen) return fail(inv, gen.error);
  if (dryRun === 'client') {
    printWritten(inv, gen.type, gen.object, 'created', dryRun);
    return 0;
  }
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  yield sleep(4);
  const created = createOnServer(conn, gen.type, gen.object, dryRun);
  if (!created.ok) {
    inv.err(gen.failurePrefix === undefined ? `${apiErrorText(created.error)}\n` : `error: ${gen.failurePrefix}${created.error.message}\n`);
    return 1;
  }
  printWritten(inv, gen.type, created.value, 'created', dryRun);
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
    '  ',
    '  # A service of type NodePort sending port 80 to the pods\' 8080',
    '  kubectl create service nodeport web --tcp=80:8080',
    '  ',
    '  # A config map with two keys',
    '  kubectl create configmap settings --from-literal=color=blue --from-file=./index.html',
    '',
    'Available Commands:',
    '  configmap             Create a config map from a local file, directory or literal value',
    '  deployment            Create a deployment with the specified name',
    '  job                   Create a job with the specified name',
    '  namespace             Create a namespace with the specified name',
    '  secret                Create a secret using specified subcommand',
    '  service               Create a service using a specified subcommand',
  ].join('\n'),
  subcommands: CREATE_SUBCOMMANDS,
  flags: [
    FILENAME_FLAG,
    DRY_RUN_FLAG,
    WRITE_OUTPUT_FLAG,
    { name: 'image', kind: 'strings', description: 'Image names to run (deployment, job).', defaultText: '[]' },
    { name: 'replicas', short: 'r', kind: 'int', description: 'Number of replicas to create (deployment).', defaultText: '1' },
    { name: 'port', kind: 'int', description: 'The containerPort this deployment exposes (deployment).', defaultText: '-1' },
    { name: 'tcp', kind: 'strings', description: 'Port pairs can be specified as \'<port>:<targetPort>\' (service).', defaultText: '[]' },
    { name: 'node-port', kind: 'int', description: 'Port used to expose the service on each node in a cluster (service nodeport).', defaultText: '0' },
    { name: 'clusterip', kind: 'string', description: 'Assign your own ClusterIP or set to \'None\' for a \'headless\' service (service clusterip).', defaultText: "''" },
    { name: 'from-literal', kind: 'strings', description: 'Specify a key and literal value to insert (i.e. mykey=somevalue) (configmap, secret).', defaultText: '[]' },
    { name: 'from-file', kind: 'strings', description: 'Key files can be specified using their file path, or a directory to take every file in it (configmap, secret).', defaultText: '[]' },
    { name: 'from-env-file', kind: 'strings', description: 'Specify the path to a file to read lines of key=val pairs (configmap, secret).', defaultText: '[]' },
    { name: 'type', kind: 'string', description: 'The type of secret to create (secret generic).', defaultText: "''" },
    { name: 'from', kind: 'string', description: 'The name of the resource to create a Job from (only cronjob is supported) (job).', defaultText: "''" },
    { name: 'save-config', kind: 'bool', description: 'If true, the configuration of current object will be saved in its annotation.', defaultText: 'false' },
    { name: 'validate', kind: 'string', description: 'Must be one of: strict (or true), warn, ignore (or false).', defaultText: "'strict'" },
  ],
  run,
};

