/**
 * kubectl apply -f: creates what does not exist yet and updates what does, by a three-way merge of
 * the last applied configuration (the kubectl.kubernetes.io/last-applied-configuration annotation),
 * the new configuration and the live object. Prints `<kind>/<name> created|configured|unchanged`
 * per object, in file order; errors are printed and the rest goes on.
 */
import { deepClone, deepEqual, typeForKind, typeForKindAnyVersion, type Stored } from '../../../../engine';
import { toCompactGoJson } from '../../../format/json';
import { sleep, type Program } from '../../../types';
import type { ApiConnection } from '../client';
import { flagBool, flagString, flagStrings } from '../flags';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';
import { readManifests, type ManifestObject } from '../manifests';
import { threeWayMerge } from '../merge';
import { kindPrefix, resourceKey } from '../resources';
import { decodeError, validateObject } from '../schema';
import { apiErrorText } from './write';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Obj = Record<string, unknown>;

export interface Prepared {
  readonly object: Obj;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly type: NonNullable<ReturnType<typeof typeForKind>>;
}

/**
 * Checks one manifest object the way the builder and the API server would, and fills in the
 * namespace. Returns the error line kubectl prints on failure.
 */
export function prepare(inv: Invocation, conn: ApiConnection, m: ManifestObject, verbing: string): Prepared | string {
  const obj = deepClone(m.object);
  const missing = ['apiVersion', 'kind'].filter((f) => typeof obj[f] !== 'string' || obj[f] === '');
  if (missing.length > 0 && flagString(inv.flags, 'validate') !== 'false') {
    const detail = missing.map((f) => `${f} not set`);
    return `error: error validating "${m.source}": error validating data: ${detail.length === 1 ? detail[0] : `[${detail.join(', ')}]`}; if you choose to ignore these errors, turn validation off with --validate=false`;
  }
  const apiVersion = String(obj.apiVersion ?? '');
  const kind = String(obj.kind ?? '');
  const meta = (obj.metadata && typeof obj.metadata === 'object' ? obj.metadata : {}) as Obj;
  obj.metadata = meta;
  const type = typeForKind(apiVersion, kind);
  if (!type) {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    return `error: resource mapping not found for name: "${String(meta.name ?? '')}" namespace: "${String(meta.namespace ?? '')}" from "${m.source}": no matches for kind "${kind}" in version "${group ? `${group}/${version}` : version}"\nensure CRDs are installed first`;
  }
  const explicitNs = conn.settings.namespaceExplicit ? conn.settings.namespace : undefined;
  let namespace: string | undefined;
  if (type.namespaced) {
    const own = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
    if (own !== undefined && explicitNs !== undefined && own !== explicitNs) {
      return `error: the namespace from the provided object "${own}" does not match the namespace "${explicitNs}". You must pass '--namespace=${own}' to perform this operation.`;
    }
    namespace = own ?? conn.settings.namespace;
    meta.namespace = namespace;
  }
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (name === '' && typeof meta.generateName !== 'string') {
    const gv = type.group ? `${type.group}/${type.version}` : `/${type.version}`;
    return `error: error when retrieving current configuration of:\nResource: "${gv}, Resource=${type.plural}", GroupVersionKind: "${gv}, Kind=${type.kind}"\nName: "", Namespace: "${namespace ?? ''}"\nfrom server for: "${m.source}": resource name may not be empty`;
  }
  const kindName = typeForKindAnyVersion(kind)?.kind ?? kind;
  // The server cannot decode a value of the wrong type, whatever --validate says.
  const typeError = decodeError(obj);
  if (typeError) return `Error from server (BadRequest): error when ${verbing} "${m.source}": ${kindName} in version "${type.version}" cannot be handled as a ${kindName}: ${typeError}`;
  const unknown = validateObject(obj);
  if (unknown.length > 0 && flagString(inv.flags, 'validate') !== 'false') {
    return `Error from server (BadRequest): error when ${verbing} "${m.source}": ${kindName} in version "${type.version}" cannot be handled as a ${kindName}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`;
  }
  return { object: obj, name, namespace, type };
}

/** The annotation value: the configuration without the annotation itself, compact JSON plus "\n". */
export function lastAppliedOf(obj: Obj): string {
  const copy = deepClone(obj);
  const meta = copy.metadata as Obj;
  const annotations = { ...((meta.annotations as Record<string, string> | undefined) ?? {}) };
  delete annotations[LAST_APPLIED];
  meta.annotations = annotations;
  return `${toCompactGoJson(copy)}\n`;
}

function applyOne(inv: Invocation, conn: ApiConnection, p: Prepared, source: string, dryRunStrategy: string): string | { line: string } {
  const dryRun = dryRunStrategy !== 'none';
  const obj = p.object;
  const annotation = lastAppliedOf(obj);
  const meta = obj.metadata as Obj;
  meta.annotations = { ...((meta.annotations as Record<string, string> | undefined) ?? {}), [LAST_APPLIED]: annotation };
  // PrintFlagsWithDryRunStrategy: each strategy has its own suffix.
  const suffix = dryRunStrategy === 'server' ? ' (server dry run)' : dryRun ? ' (dry run)' : '';
  const shown = `${kindPrefix(p.type)}/${p.name}`;
  const live = p.name ? conn.store.get(p.type, p.namespace, p.name) : undefined;
  // The API server validates what it would store, dry run or not; a client dry run never reaches it.
  if (!live) {
    if (dryRunStrategy === 'client') return { line: `${shown} created${suffix}` };
    const created = dryRun ? conn.store.createDryRun(p.type, obj) : conn.store.create(p.type, obj, 'user:kubectl');
    if (!created.ok) {
      return created.error.reason === 'Invalid' ? apiErrorText(created.error) : `Error from server (${created.error.reason}): error when creating "${source}": ${created.error.message}`;
    }
    return { line: `${kindPrefix(p.type)}/${(created.value.metadata as { name?: string } | undefined)?.name || p.name} created${suffix}` };
  }
  const liveAnnotations = live.metadata.annotations ?? {};
  const original = liveAnnotations[LAST_APPLIED];
  if (original === undefined) {
    inv.err(`Warning: resource ${resourceKey(p.type)}/${p.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
  }
  let parsedOriginal: unknown;
  try {
    parsedOriginal = original ? JSON.parse(original) : undefined;
  } catch {
    parsedOriginal = undefined;
  }
  const merged = threeWayMerge(parsedOriginal, obj, live) as Stored;
  if (deepEqual(merged, live)) return { line: `${shown} unchanged${suffix}` };
  if (dryRunStrategy !== 'client') {
    const updated = dryRun ? conn.store.updateDryRun(p.type, merged) : conn.store.update(p.type, merged, 'user:kubectl');
    if (!updated.ok && updated.error.reason === 'Invalid') return apiErrorText(updated.error);
    if (!updated.ok) return `Error from server (${updated.error.reason}): error when applying patch:\n${annotation}to:\nResource: "${resourceKey(p.type)}", Name: "${p.name}"\nfor: "${source}": ${updated.error.message}`;
  }
  return { line: `${shown} configured${suffix}` };
}

function* run(inv: Invocation): Program {
  const files = flagStrings(inv.flags, 'filename');
  if (files.length === 0) return fail(inv, 'must specify one of -f and -k');
  const dryRunFlag = flagString(inv.flags, 'dry-run') ?? 'none';
  if (!['none', 'client', 'server'].includes(dryRunFlag)) return fail(inv, `Invalid dry-run value (${dryRunFlag}). Must be "none", "server", or "client".`);
  const read = yield* readManifests(inv, files, flagBool(inv.flags, 'recursive'));
  if (!read.ok) return fail(inv, read.error);
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  // kubectl applies every object it could read, then prints the errors it collected (an aggregate).
  const errors: string[] = [];
  for (const m of read.objects) {
    const p = prepare(inv, conn, m, 'creating');
    if (typeof p === 'string') {
      errors.push(p);
      continue;
    }
    // Each object is one round trip to the API server.
    yield sleep(4);
    const result = applyOne(inv, conn, p, m.source, dryRunFlag);
    if (typeof result === 'string') errors.push(result);
    else inv.out(`${result.line}\n`);
  }
  for (const e of errors) inv.err(`${e}\n`);
  return errors.length > 0 ? 1 : 0;
}

export const FILENAME_FLAG = { name: 'filename', short: 'f', kind: 'strings', description: 'The files that contain the configurations to apply (a file, a directory, a URL or - for stdin).', defaultText: '[]' } as const;

export const apply: Verb = {
  name: 'apply',
  summary: 'Apply a configuration to a resource by file name or stdin',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  help: [
    'Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be',
    'created if it doesn\'t exist yet. To use \'apply\', always create the resource initially with either \'apply\' or \'create',
    '--save-config\'.',
    '',
    ' JSON and YAML formats are accepted; a file may hold several documents or a List.',
    '',
    'Examples:',
    '  # Apply the configuration in pod.json to a pod',
    '  kubectl apply -f ./pod.json',
    '  ',
    '  # Apply every manifest of a directory',
    '  kubectl apply -f ./manifests/',
    '  ',
    '  # Apply a manifest served over HTTP, into kube-system',
    '  kubectl apply -n kube-system -f https://example.com/addon.yaml',
  ].join('\n'),
  flags: [
    FILENAME_FLAG,
    { name: 'recursive', short: 'R', kind: 'bool', description: 'Process the directory used in -f, --filename recursively.', defaultText: 'false' },
    { name: 'dry-run', kind: 'string', description: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent.', defaultText: "'none'" },
    { name: 'validate', kind: 'string', description: "Must be one of: strict (or true), warn, ignore (or false).", defaultText: "'strict'" },
  ],
  run,
};
