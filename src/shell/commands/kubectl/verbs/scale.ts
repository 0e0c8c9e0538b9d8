/**
 * kubectl scale: sets spec.replicas through the scale subresource of deployments, replica sets,
 * stateful sets and replication controllers (`deployment.apps/worker scaled`); --current-replicas
 * and --resource-version are preconditions. Other kinds have no scale subresource: NotFound.
 */
import { conflict, type Stored } from '../../../../engine';
import { sleep, type Program } from '../../../types';
import { flagInt, flagString } from '../flags';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';
import { resourceKey } from '../resources';
import { findTargets } from './targets';
import { apiErrorText, badOutput, dryRunOf, DRY_RUN_FLAG, printWritten, WRITE_OUTPUT_FLAG } from './write';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

function* run(inv: Invocation): Program {
  const replicas = flagInt(inv.flags, 'replicas');
  if (replicas === undefined) return fail(inv, 'required flag(s) "replicas" not set');
  if (replicas < 0) return fail(inv, 'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const dryRun = dryRunOf(inv);
  if (typeof dryRun !== 'string') return fail(inv, dryRun.error);
  const badO = badOutput(inv);
  if (badO) return fail(inv, badO);
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const found = yield* findTargets(inv, conn, inv.args);
  if (!found.ok) return fail(inv, found.error);
  if (found.errors.length > 0) {
    inv.err(`${found.errors[0]}\n`);
    return 1;
  }
  if (found.targets.length === 0) return fail(inv, 'no objects passed to scale');
  const current = flagInt(inv.flags, 'current-replicas') ?? -1;
  const version = flagString(inv.flags, 'resource-version');
  let failed = false;
  for (const { type, obj } of found.targets) {
    if (!SCALABLE.has(obj.kind)) {
      inv.err('Error from server (NotFound): the server could not find the requested resource\n');
      failed = true;
      continue;
    }
    const spec = (obj as Stored & { spec?: { replicas?: number } }).spec;
    const now = spec?.replicas ?? 1;
    if (current >= 0 && current !== now) return fail(inv, `Expected replicas to be ${current}, was ${now}`);
    if (version && version !== obj.metadata.resourceVersion) {
      inv.err(`${conflict(resourceKey(type), obj.metadata.name).toKubectl()}\n`);
      failed = true;
      continue;
    }
    yield sleep(3);
    if (dryRun === 'none') {
      const r = conn.store.mutate(type, obj.metadata.namespace, obj.metadata.name, 'user:kubectl', (d) => {
        (d as unknown as { spec: { replicas: number } }).spec.replicas = replicas;
      });
      if (!r.ok) {
        inv.err(`${apiErrorText(r.error)}\n`);
        failed = true;
        continue;
      }
      printWritten(inv, type, r.value, 'scaled', dryRun);
    } else {
      printWritten(inv, type, obj, 'scaled', dryRun);
    }
  }
  return failed ? 1 : 0;
}

export const scale: Verb = {
  name: 'scale',
  summary: 'Set a new size for a deployment, replica set, or replication controller',
  usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  help: [
    'Set a new size for a deployment, replica set, replication controller, or stateful set.',
    '',
    ' Scale changes only the number of replicas the controller keeps; it creates or deletes pods to match. With',
    '--current-replicas or --resource-version, nothing changes unless the object is still as you expect.',
    '',
    'Examples:',
    '  # Run ten workers',
    '  kubectl scale deployment worker --replicas=10',
    '  ',
    '  # Scale only if there are still 3 replicas',
    '  kubectl scale --current-replicas=3 --replicas=5 deploy/web',
    '  ',
    '  # Scale every deployment labelled app=web',
    '  kubectl scale deploy -l app=web --replicas=2',
  ].join('\n'),
  flags: [
    { name: 'replicas', kind: 'int', description: 'The new desired number of replicas. Required.', defaultText: '0' },
    { name: 'current-replicas', kind: 'int', description: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.', defaultText: '-1' },
    { name: 'resource-version', kind: 'string', description: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.', defaultText: "''" },
    { name: 'all', kind: 'bool', description: 'Select all resources in the namespace of the specified resource types', defaultText: 'false' },
    { name: 'selector', short: 'l', kind: 'string', description: 'Selector (label query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. -l key1=value1,key2=value2).', defaultText: "''" },
    { name: 'filename', short: 'f', kind: 'strings', description: 'Filename, directory, or URL to files identifying the resource to set a new size', defaultText: '[]' },
    { name: 'recursive', short: 'R', kind: 'bool', description: 'Process the directory used in -f, --filename recursively.', defaultText: 'false' },
    DRY_RUN_FLAG,
    WRITE_OUTPUT_FLAG,
  ],
  run,
};
