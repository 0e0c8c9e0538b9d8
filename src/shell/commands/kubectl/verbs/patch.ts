/**
 * kubectl patch: a strategic merge patch (the default: lists of containers, ports, env... merge
 * by their key), a JSON merge patch (--type merge: lists are replaced) or a JSON patch (--type
 * json: add/remove/replace/test operations). The patch may be JSON or YAML, as kubectl converts
 * it. Prints `deployment.apps/worker patched`, or `patched (no change)`. The patched object goes
 * through the API server's update validation, as apply's and edit's do (`The Deployment "web" is
 * invalid: spec.replicas: ...`, an immutable selector); a client dry run is not sent, so not checked.
 */
import { deepClone, deepEqual, loadYamlDocuments, type Stored } from '../../../../engine';
import { goYamlError } from '../../../format/yamlErrors';
import { sleep, type Program } from '../../../types';
import { flagString } from '../flags';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';
import { findTargets } from './targets';
import { apiErrorText, badOutput, dryRunOf, DRY_RUN_FLAG, printWritten, WRITE_OUTPUT_FLAG } from './write';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Merge keys of the list fields learners patch, as the API's patchMergeKey tags declare them. */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name', initContainers: 'name', env: 'name', volumes: 'name', volumeMounts: 'mountPath', imagePullSecrets: 'name',
  tolerations: 'key', conditions: 'type', hostAliases: 'ip',
};

function portKey(items: readonly unknown[]): string {
  return items.every((i) => isObj(i) && 'containerPort' in i) ? 'containerPort' : 'port';
}

/** RFC 7386 when `strategic` is false; strategic merge patch's list merging when true. */
export function mergePatch(target: unknown, patch: unknown, strategic: boolean, field = ''): unknown {
  if (!isObj(patch)) {
    if (strategic && Array.isArray(patch) && Array.isArray(target)) {
      const key = field === 'ports' ? portKey(patch) : MERGE_KEYS[field];
      if (key) return mergeList(target, patch, key);
    }
    return deepClone(patch);
  }
  const out: Obj = isObj(target) ? deepClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v, strategic, k);
  }
  return out;
}

function mergeList(target: readonly unknown[], patch: readonly unknown[], key: string): unknown[] {
  const out = target.map((t) => deepClone(t));
  for (const item of patch) {
    const at = isObj(item) ? out.findIndex((t) => isObj(t) && t[key] === item[key]) : -1;
    if (isObj(item) && item.$patch === 'delete') {
      if (at >= 0) out.splice(at, 1);
    } else if (at >= 0) {
      out[at] = mergePatch(out[at], item, true);
    } else {
      out.push(deepClone(item));
    }
  }
  return out;
}

/** RFC 6902 with JSON pointers; a string is the error. */
export function jsonPatch(target: unknown, ops: readonly unknown[]): unknown {
  let doc = deepClone(target);
  for (const raw of ops) {
    if (!isObj(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string') return 'Unexpected kind: invalid JSON Patch';
    const parts = raw.path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = parts.pop();
    let parent: unknown = doc;
    for (const p of parts) parent = Array.isArray(parent) ? parent[Number(p)] : isObj(parent) ? parent[p] : undefined;
    if (last === undefined) {
      if (raw.op === 'replace' || raw.op === 'add') doc = deepClone(raw.value);
      continue;
    }
    const has = Array.isArray(parent) ? Number(last) < parent.length : isObj(parent) && last in parent;
    if (parent === undefined || (raw.op !== 'add' && !has)) return `jsonpatch ${raw.op} operation does not apply: doc is missing path: "${raw.path}"`;
    switch (raw.op) {
      case 'add':
        if (Array.isArray(parent)) parent.splice(last === '-' ? parent.length : Number(last), 0, deepClone(raw.value));
        else (parent as Obj)[last] = deepClone(raw.value);
        break;
      case 'replace':
        if (Array.isArray(parent)) parent[Number(last)] = deepClone(raw.value);
        else (parent as Obj)[last] = deepClone(raw.value);
        break;
      case 'remove':
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete (parent as Obj)[last];
        break;
      case 'test': {
        const v = Array.isArray(parent) ? parent[Number(last)] : (parent as Obj)[last];
        if (!deepEqual(v, raw.value)) return `testing value ${raw.path} failed: test failed`;
        break;
      }
      default:
        return `Unexpected kind: ${raw.op}`;
    }
  }
  return doc;
}

function* run(inv: Invocation): Program {
  const patchText = flagString(inv.flags, 'patch');
  if (patchText === undefined) return fail(inv, 'must specify --patch or --patch-file containing the contents of the patch');
  const type = flagString(inv.flags, 'type') ?? 'strategic';
  if (!['strategic', 'merge', 'json'].includes(type)) return fail(inv, `--type must be one of [json merge strategic], not "${type}"`);
  const read = loadYamlDocuments(patchText, 'kubernetes');
  if (!read.ok) return fail(inv, `unable to parse "${patchText}": ${goYamlError(patchText, read.problem)}`);
  const patch = read.value[0];
  if (type === 'json' ? !Array.isArray(patch) : !isObj(patch)) {
    inv.err(`Error from server (BadRequest): json: cannot unmarshal ${Array.isArray(patch) ? 'array' : isObj(patch) ? 'object' : 'string'} into Go value of type ${type === 'json' ? 'jsonpatch.Patch' : 'map[string]interface {}'}\n`);
    return 1;
  }
  const dryRun = dryRunOf(inv);
  if (typeof dryRun !== 'string') return fail(inv, dryRun.error);
  const badO = badOutput(inv);
  if (badO) return fail(inv, badO);
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const found = yield* findTargets(inv, conn, inv.args, { all: false });
  if (!found.ok) return fail(inv, found.error);
  for (const e of found.errors) inv.err(`${e}\n`);
  let failed = found.errors.length > 0;
  for (const { type: rtype, obj } of found.targets) {
    yield sleep(3);
    const live = conn.store.get(rtype, obj.metadata.namespace, obj.metadata.name) ?? obj;
    const next = type === 'json' ? jsonPatch(live, patch as unknown[]) : mergePatch(live, patch, type === 'strategic');
    if (typeof next === 'string') {
      inv.err(`Error from server: ${next}\n`);
      failed = true;
      continue;
    }
    const result = next as Stored;
    // Empty maps are dropped when the server stores the object (omitempty).
    const meta = result.metadata as { labels?: object; annotations?: object };
    for (const k of ['labels', 'annotations'] as const) if (meta[k] && Object.keys(meta[k]).length === 0) delete meta[k];
    if (deepEqual(result, live)) {
      printWritten(inv, rtype, live, 'patched (no change)', dryRun);
      continue;
    }
    // The server validates the patched object, in a server dry run too; a client dry run never reaches it.
    const sent = { ...result, metadata: { ...result.metadata, resourceVersion: live.metadata.resourceVersion } };
    const written = dryRun === 'client' ? { ok: true as const, value: result } : dryRun === 'server' ? conn.store.updateDryRun(rtype, sent) : conn.store.update(rtype, sent, 'user:kubectl');
    if (!written.ok) {
      inv.err(`${apiErrorText(written.error)}\n`);
      failed = true;
      continue;
    }
    printWritten(inv, rtype, written.value, 'patched', dryRun);
  }
  return failed ? 1 : 0;
}

export const patch: Verb = {
  name: 'patch',
  summary: 'Update fields of a resource',
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  help: [
    'Update fields of a resource using a strategic merge patch, a JSON merge patch, or a JSON patch.',
    '',
    ' The patch is JSON or YAML. With the default strategic merge, lists such as containers merge item by item on their',
    'name; with --type merge they are replaced whole; --type json takes a list of operations.',
    '',
    'Examples:',
    '  # Let a rolling update start 3 pods at once and never stop one first',
    '  kubectl patch deployment worker -p "spec: { strategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: 3 } } }"',
    '  ',
    '  # Change the image of the container named worker',
    '  kubectl patch deploy worker -p \'{"spec":{"template":{"spec":{"containers":[{"name":"worker","image":"dockercoins/worker:v0.1"}]}}}}\'',
    '  ',
    '  # The same with a JSON patch',
    '  kubectl patch deploy worker --type=json -p=\'[{"op": "replace", "path": "/spec/replicas", "value": 2}]\'',
  ].join('\n'),
  flags: [
    { name: 'patch', short: 'p', kind: 'string', description: 'The patch to be applied to the resource JSON file.', defaultText: "''" },
    { name: 'type', kind: 'string', description: 'The type of patch being provided; one of [json merge strategic]', defaultText: "'strategic'", values: ['json', 'merge', 'strategic'] },
    { name: 'filename', short: 'f', kind: 'strings', description: 'Filename, directory, or URL to files identifying the resource to update', defaultText: '[]' },
    DRY_RUN_FLAG,
    WRITE_OUTPUT_FLAG,
  ],
  run,
};
