/**
 * kubectl set image and kubectl set env: change the containers of a pod or of a workload's pod
 * template (`deployment.apps/worker image updated`, `... env updated`); nothing is printed when
 * nothing changes, as kubectl skips an empty patch. A deployment's new template starts a rollout.
 */
import { deepClone, type Container, type Stored } from '../../../../engine';
import { sleep, type Program } from '../../../types';
import { flagBool, flagString, flagStrings } from '../flags';
import { connectOrReport, done, fail, type Invocation, type Verb } from '../invocation';
import { parseResourceArgs } from '../resources';
import { findTargets, NO_RESOURCES, resourcesAndPairs } from './targets';
import { apiErrorText, badOutput, dryRunOf, DRY_RUN_FLAG, printWritten, WRITE_OUTPUT_FLAG } from './write';

interface PodSpecLike {
  containers?: Container[];
  initContainers?: Container[];
}

/** The pod spec inside an object (pods, workloads' templates, cron jobs' job templates). */
export function podSpecOf(obj: Record<string, unknown>): PodSpecLike | undefined {
  const spec = obj.spec as Record<string, unknown> | undefined;
  switch (obj.kind) {
    case 'Pod': return spec as PodSpecLike | undefined;
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
    case 'ReplicationController':
      return (spec?.template as { spec?: PodSpecLike } | undefined)?.spec;
    case 'CronJob':
      return ((spec?.jobTemplate as { spec?: { template?: { spec?: PodSpecLike } } } | undefined)?.spec?.template)?.spec;
    default:
      return undefined;
  }
}

type Change = (spec: PodSpecLike, obj: Stored) => string | undefined;

/** Applies a change to a copy of each object's pod spec and writes the objects that changed. */
function* update(inv: Invocation, resources: readonly string[], change: Change, operation: string): Program {
  const dryRun = dryRunOf(inv);
  if (typeof dryRun !== 'string') return fail(inv, dryRun.error);
  const badO = badOutput(inv);
  if (badO) return fail(inv, badO);
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const found = yield* findTargets(inv, conn, resources);
  if (!found.ok) return fail(inv, found.error);
  let failed = found.errors.length > 0;
  const record = flagBool(inv.flags, 'record') ? changeCause(inv) : undefined;
  /** The change on a copy of the object; a string is the error. */
  const apply = (draft: Record<string, unknown>, obj: Stored): string | undefined => {
    const spec = podSpecOf(draft);
    if (!spec) return `the object is not a pod or does not have a pod template: *v1.${obj.kind}`;
    const problem = change(spec, obj);
    if (problem) return problem;
    if (record) {
      const meta = draft.metadata as { annotations?: Record<string, string> };
      meta.annotations = { ...meta.annotations, 'kubernetes.io/change-cause': record };
    }
    return undefined;
  };
  for (const { type, obj } of found.targets) {
    const copy = deepClone(obj) as unknown as Record<string, unknown>;
    const problem = apply(copy, obj);
    if (problem) return fail(inv, problem);
    if (podSpecUnchanged(copy, obj)) continue;
    yield sleep(3);
    // A strategic merge patch: applied to the object as the server holds it when the request arrives.
    const r = dryRun !== 'none' ? { ok: true as const, value: copy as unknown as Stored }
      : conn.store.mutate(type, obj.metadata.namespace, obj.metadata.name, 'user:kubectl', (d) => void apply(d as unknown as Record<string, unknown>, obj));
    if (!r.ok) {
      inv.err(`${apiErrorText(r.error)}\n`);
      failed = true;
      continue;
    }
    printWritten(inv, type, r.value, operation, dryRun);
  }
  for (const e of found.errors) inv.err(`${e}\n`);
  return failed ? 1 : 0;
}

function podSpecUnchanged(copy: Record<string, unknown>, obj: Stored): boolean {
  return JSON.stringify(podSpecOf(copy)) === JSON.stringify(podSpecOf(obj as unknown as Record<string, unknown>));
}

/** What --record writes: the command line, with the flags as --name=value. */
export function changeCause(inv: Invocation): string {
  const flags = [...inv.flags.values].filter(([k]) => k !== 'record').map(([k, v]) => `--${k}=${Array.isArray(v) ? v.join(',') : String(v)}`);
  return ['kubectl', inv.verb, ...inv.args, ...flags, '--record=true'].join(' ');
}

function* setImage(inv: Invocation, args: readonly string[]): Program {
  const split = resourcesAndPairs(args, 'image');
  if (typeof split === 'string') return fail(inv, split);
  // set image builds its object list before it validates: with nothing to find, builder's error comes first.
  if (split.resources.length === 0 && flagStrings(inv.flags, 'filename').length === 0) return fail(inv, NO_RESOURCES);
  const resources = parseResourceArgs(split.resources, false);
  if (!resources.ok) return fail(inv, resources.error);
  if (split.pairs.length === 0) return fail(inv, 'at least one image update is required');
  const images = new Map<string, string>();
  for (const p of split.pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) return fail(inv, `invalid image update: ${p}`);
    images.set(p.slice(0, eq), p.slice(eq + 1));
  }
  if (flagBool(inv.flags, 'record')) inv.err('Flag --record has been deprecated, --record will be removed in the future\n');
  return yield* update(inv, split.resources, (spec) => {
    const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
    for (const [name, image] of images) {
      const matches = name === '*' ? all : all.filter((c) => c.name === name);
      if (matches.length === 0) return `unable to find container named "${name}"`;
      for (const c of matches) c.image = image;
    }
    return undefined;
  }, 'image updated');
}

function* setEnv(inv: Invocation, args: readonly string[]): Program {
  const split = resourcesAndPairs(args, 'env');
  if (typeof split === 'string') return fail(inv, split);
  // set env's Validate checks the resources first, in its own words.
  if (split.resources.length === 0 && flagStrings(inv.flags, 'filename').length === 0) {
    return fail(inv, 'one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  const pairs = [...split.pairs, ...flagStrings(inv.flags, 'env')];
  const only = flagString(inv.flags, 'containers') ?? '*';
  const pick = (spec: PodSpecLike) => (spec.containers ?? []).filter((c) => only === '*' || c.name === only);
  if (flagBool(inv.flags, 'list')) {
    const conn = yield* connectOrReport(inv);
    if (typeof conn === 'number') return conn;
    const found = yield* findTargets(inv, conn, split.resources);
    if (!found.ok) return fail(inv, found.error);
    for (const { obj } of found.targets) {
      for (const c of pick(podSpecOf(obj as unknown as Record<string, unknown>) ?? {})) {
        inv.out(`# ${obj.kind} ${obj.metadata.name}, container ${c.name}\n`);
        for (const e of c.env ?? []) inv.out(e.valueFrom ? `# ${e.name} from a source\n` : `${e.name}=${e.value ?? ''}\n`);
      }
    }
    for (const e of found.errors) inv.err(`${e}\n`);
    return found.errors.length > 0 ? 1 : 0;
  }
  if (pairs.length === 0) return fail(inv, 'at least one environment variable must be provided');
  return yield* update(inv, split.resources, (spec) => {
    const containers = pick(spec);
    if (containers.length === 0) return `unable to find container named ${only}`;
    for (const c of containers) {
      for (const p of pairs) {
        const eq = p.indexOf('=');
        const name = eq >= 0 ? p.slice(0, eq) : p.slice(0, -1);
        const rest = (c.env ?? []).filter((e) => e.name !== name);
        const at = (c.env ?? []).findIndex((e) => e.name === name);
        if (eq < 0) {
          if (rest.length > 0) c.env = rest;
          else delete c.env;
        } else if (at >= 0) {
          c.env![at] = { name, value: p.slice(eq + 1) };
        } else {
          c.env = [...(c.env ?? []), { name, value: p.slice(eq + 1) }];
        }
      }
    }
    return undefined;
  }, 'env updated');
}

const SET_HELP = [
  'Configure application resources.',
  '',
  ' These subcommands change existing objects that run containers.',
  '',
  'Available Commands:',
  '  env              Update environment variables on a pod template',
  '  image            Update the image of a pod template',
].join('\n');

function run(inv: Invocation): Program {
  const [sub, ...rest] = inv.args;
  const subInv = { ...inv, verb: `set ${sub ?? ''}`.trim(), args: rest };
  switch (sub) {
    case 'image': return setImage(subInv, rest);
    case 'env': return setEnv(subInv, rest);
    case undefined:
      inv.out(`${SET_HELP}\n\nUsage:\n  kubectl set SUBCOMMAND [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`);
      return done(1);
    default:
      inv.err(`error: unknown command "${sub}"\nSee 'kubectl set -h' for help and examples\n`);
      return done(1);
  }
}

export const set: Verb = {
  name: 'set',
  summary: 'Set specific features on objects',
  usage: 'kubectl set SUBCOMMAND [options]',
  help: [
    SET_HELP,
    '',
    'Examples:',
    '  # Run version 0.2 of the worker image in the worker deployment',
    '  kubectl set image deployment/worker worker=dockercoins/worker:v0.2',
    '  ',
    '  # Every container of the pod template gets the same image',
    '  kubectl set image deploy/web \'*=nginx:1.25\'',
    '  ',
    '  # Add an environment variable, then list them',
    '  kubectl set env deployment/web COLOR=blue',
    '  kubectl set env deployment/web --list',
  ].join('\n'),
  subcommands: ['env', 'image'],
  flags: [
    { name: 'all', kind: 'bool', description: 'Select all resources, in the namespace of the specified resource types', defaultText: 'false' },
    { name: 'selector', short: 'l', kind: 'string', description: 'Selector (label query) to filter on.', defaultText: "''" },
    { name: 'filename', short: 'f', kind: 'strings', description: 'Filename, directory, or URL to files identifying the resource to update', defaultText: '[]' },
    { name: 'recursive', short: 'R', kind: 'bool', description: 'Process the directory used in -f, --filename recursively.', defaultText: 'false' },
    { name: 'record', kind: 'bool', description: 'Record current kubectl command in the resource annotation (deprecated).', defaultText: 'false' },
    { name: 'env', short: 'e', kind: 'strings', description: 'Specify a key-value pair for an environment variable to set into each container (set env).', defaultText: '[]' },
    { name: 'list', kind: 'bool', description: 'If true, display the environment and any changes in the standard format (set env).', defaultText: 'false' },
    { name: 'containers', short: 'c', kind: 'string', description: 'The names of containers in the selected pod templates to change - may use wildcards (set env).', defaultText: "'*'" },
    DRY_RUN_FLAG,
    WRITE_OUTPUT_FLAG,
  ],
  run,
};
