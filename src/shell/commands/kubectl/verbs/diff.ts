/**
 * kubectl diff -f: what apply would change. For each object it writes the live version and the
 * merged one (apply's three-way merge as the server would return it from a dry run: generation
 * moved when the spec changes, a new object with its uid and defaults) as YAML, and prints
 * `diff -u -N` of the LIVE and MERGED directories. Exit code 1 when something differs, 0 when
 * nothing does, more on errors, as kubectl diff does.
 */
import { ApiError, applyDefaults, deepClone, deepEqual, rfc3339, type KubeObject, type Stored } from '../../../../engine';
import { toYaml } from '../../../format/yaml';
import type { Program } from '../../../types';
import { kubectlRandom, type ApiConnection } from '../client';
import { flagBool, flagStrings } from '../flags';
import { connectOrReport, type Invocation, type Verb } from '../invocation';
import { readManifests } from '../manifests';
import { threeWayMerge } from '../merge';
import { LAST_APPLIED, lastAppliedOf, prepare, type Prepared } from './apply';
import { unifiedHunks } from './unifiedDiff';
import { apiErrorText } from './write';

type Obj = Record<string, unknown>;

const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob']);

/**
 * The object the server would hold after apply (a server-side dry run): a new one goes through the
 * API server's defaults and admission in dry-run mode, so a Service shows its ClusterIP, type,
 * sessionAffinity, ipFamilies and its ports' protocol and targetPort.
 */
function merged(inv: Invocation, conn: ApiConnection, p: Prepared, live: Stored | undefined): Obj | ApiError {
  let config = deepClone(p.object);
  const annotations = (config.metadata as Obj).annotations as Record<string, string> | undefined;
  (config.metadata as Obj).annotations = { ...annotations, [LAST_APPLIED]: lastAppliedOf(p.object) };
  if (!live) {
    const admitted = conn.store.createDryRun(p.type, { ...config, metadata: { ...(config.metadata as Obj), namespace: p.namespace } } as unknown as KubeObject);
    if (!admitted.ok) return admitted.error;
    config = admitted.value as unknown as Obj;
    if (!p.type.namespaced) delete (config.metadata as Obj).namespace;
    const meta = config.metadata as Obj;
    const rnd = kubectlRandom(inv.ctx.world);
    const h = rnd.hex(32);
    meta.uid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
    meta.creationTimestamp = rfc3339(inv.now());
    if (WORKLOADS.has(p.type.kind)) meta.generation = 1;
    return config;
  }
  const original = live.metadata.annotations?.[LAST_APPLIED];
  let parsed: unknown;
  try {
    parsed = original ? JSON.parse(original) : undefined;
  } catch {
    parsed = undefined;
  }
  const out = threeWayMerge(parsed, config, live) as Obj;
  applyDefaults(p.type.kind, out, 'update');
  // The server keeps its own metadata and ignores status written through the main resource.
  const outMeta = out.metadata as Obj;
  for (const k of ['uid', 'creationTimestamp', 'resourceVersion', 'generation'] as const) {
    if (live.metadata[k] !== undefined) outMeta[k] = live.metadata[k];
  }
  if ('status' in live) out.status = deepClone((live as unknown as Obj).status);
  else delete out.status;
  if (live.metadata.generation !== undefined && !deepEqual((out as KubeObject & { spec?: unknown }).spec, (live as KubeObject & { spec?: unknown }).spec)) {
    outMeta.generation = live.metadata.generation + 1;
  }
  return out;
}

/** kubectl's file name for an object: [group.]version.Kind.namespace.name */
function fileName(p: Prepared): string {
  return `${p.type.group ? `${p.type.group}.` : ''}${p.type.version}.${p.type.kind}.${p.namespace ?? ''}.${p.name}`;
}

/** A file's modification time as GNU diff prints it, nanoseconds included. */
function stamp(ms: number, nanos: string): string {
  return `${rfc3339(ms).replace('T', ' ').replace('Z', '')}.${nanos} +0000`;
}

function* run(inv: Invocation): Program {
  const files = flagStrings(inv.flags, 'filename');
  if (files.length === 0) {
    inv.err("error: one of -f or -k must be specified\nSee 'kubectl diff -h' for help and examples\n");
    return 1;
  }
  const read = yield* readManifests(inv, files, flagBool(inv.flags, 'recursive'));
  if (!read.ok) {
    inv.err(`error: ${read.error}\n`);
    return 1;
  }
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const rnd = kubectlRandom(inv.ctx.world);
  const liveDir = `/tmp/LIVE-${rnd.int(4_294_967_295)}`;
  const mergedDir = `/tmp/MERGED-${rnd.int(4_294_967_295)}`;
  const now = inv.now();
  let differs = false;
  for (const m of read.objects) {
    const p = prepare(inv, conn, m, 'creating');
    if (typeof p === 'string') {
      inv.err(`${p}\n`);
      return 1;
    }
    const live = conn.store.get(p.type, p.namespace, p.name);
    const before = live ? toYaml(live) : '';
    const result = merged(inv, conn, p, live);
    if (result instanceof ApiError) {
      inv.err(`${apiErrorText(result)}\n`);
      return 1;
    }
    const after = toYaml(result);
    const hunks = unifiedHunks(before, after);
    if (hunks === '') continue;
    differs = true;
    const name = fileName(p);
    const nanos = () => `${String(now % 1000).padStart(3, '0')}${String(rnd.int(1_000_000)).padStart(6, '0')}`;
    const liveStamp = live ? stamp(now, nanos()) : '1970-01-01 00:00:00.000000000 +0000';
    inv.out(`diff -u -N ${liveDir}/${name} ${mergedDir}/${name}\n`);
    inv.out(`--- ${liveDir}/${name}\t${liveStamp}\n+++ ${mergedDir}/${name}\t${stamp(now, nanos())}\n${hunks}`);
  }
  return differs ? 1 : 0;
}

export const diff: Verb = {
  name: 'diff',
  summary: 'Diff the live version against a would-be applied version',
  usage: 'kubectl diff -f FILENAME [options]',
  help: [
    'Compare what runs in the cluster with what `kubectl apply -f` would make of it.',
    '',
    ' The output is a unified diff: lines starting with - are in the live object, lines with + in the object after apply.',
    'Fields the server sets itself (status, defaults) stay unless the file changes them.',
    '',
    ' Exit status: 0 when there are no differences, 1 when there are some, more than 1 when kubectl or diff failed.',
    '',
    'Examples:',
    '  # See what applying web.yaml would change',
    '  kubectl diff -f web.yaml',
    '  ',
    '  # Edit, compare, then apply',
    '  sed -i "s/replicas: 3/replicas: 6/" web.yaml && kubectl diff -f web.yaml; kubectl apply -f web.yaml',
  ].join('\n'),
  flags: [
    { name: 'filename', short: 'f', kind: 'strings', description: 'Filename, directory, or URL to files contains the configuration to diff', defaultText: '[]' },
    { name: 'recursive', short: 'R', kind: 'bool', description: 'Process the directory used in -f, --filename recursively.', defaultText: 'false' },
    { name: 'validate', kind: 'string', description: "Must be one of: strict (or true), warn, ignore (or false).", defaultText: "'strict'" },
  ],
  run,
};
