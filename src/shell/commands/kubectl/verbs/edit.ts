/**
 * kubectl edit (k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go): writes the object's YAML (or
 * JSON) under a comment header to a temporary file, runs `$KUBE_EDITOR file` (else $EDITOR, else vi)
 * as a shell line, so whatever editor the shell has runs in the terminal, then sends what changed as
 * a patch on the live object (`deployment.apps/web edited`). Unchanged or emptied files cancel the
 * edit. A syntax error, or a patch the API server finds invalid, reopens the editor on a new file:
 * the header lists the failures, the learner's text follows; saving that same text again stops with
 * "Edit cancelled, no valid changes were saved." and the file is kept.
 */
import { deepEqual, loadYamlDocuments, type ApiError, type Stored } from '../../../../engine';
import { toGoJson } from '../../../format/json';
import { goYamlError } from '../../../format/yamlErrors';
import { toYaml } from '../../../format/yaml';
import { sleep, type Program } from '../../../types';
import { kubectlRandom, type ApiConnection } from '../client';
import { flagString } from '../flags';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';
import { threeWayMerge } from '../merge';
import { findTargets, type Target } from './targets';

const HEADER = [
  "# Please edit the object below. Lines beginning with a '#' will be ignored,",
  '# and an empty file will abort the edit. If an error occurs while saving this file will be',
  '# reopened with the relevant failures.',
  '#',
].join('\n');

/** One failure listed in the reopened file's header (editReason): a head line and its causes. */
interface EditReason { readonly head: string; readonly other: readonly string[] }

/** The header with the failures of the last save, as editHeader.writeTo prints it. */
function headerWith(reasons: readonly EditReason[]): string {
  const lines = [HEADER];
  for (const r of reasons) {
    lines.push(`# ${r.head}${r.other.length > 0 ? ':' : ''}`, ...r.other.map((o) => `# * ${o}`), '#');
  }
  return lines.join('\n');
}

/** cmdutil.ManualStrip: the file without comment lines (`#!` lines stay), as kubectl compares and parses it. */
function manualStrip(text: string): string {
  return text.split('\n').filter((l) => { const t = l.trim(); return !(t.startsWith('#') && !t.startsWith('#!')); }).join('\n');
}

/** The editor command: KUBE_EDITOR, then EDITOR, then vi. */
export function editorCommand(inv: Invocation): string {
  const env = inv.ctx.env;
  return env.get('KUBE_EDITOR') || env.get('EDITOR') || 'vi';
}

/** `deployments.apps`, as editResults.addError names the resource. */
function resourceString(t: Target): string {
  return t.type.group ? `${t.type.plural}.${t.type.group}` : t.type.plural;
}

/** An Invalid error's field errors (Status.details.causes), from the message when the server sent none. */
function causesOf(error: ApiError): readonly string[] {
  if (error.causes) return error.causes;
  const m = /is invalid: (.*)$/s.exec(error.message);
  if (!m) return [];
  return m[1]!.startsWith('[') ? m[1]!.slice(1, -1).split(', ') : [m[1]!];
}

type Patched = { readonly ok: true } | { readonly ok: false; readonly invalid: readonly string[] } | { readonly ok: false; readonly invalid?: undefined; readonly code: number };

/**
 * The patch of one pass: the change between what the editor first showed and what it saved,
 * applied to the object as it is now, validated as an update (selectors are immutable...).
 */
function* patchLive(inv: Invocation, conn: ApiConnection, t: Target, edited: Record<string, unknown>, path: string): Generator<ReturnType<typeof sleep>, Patched, unknown> {
  yield sleep(3);
  const live = conn.store.get(t.type, t.obj.metadata.namespace, t.obj.metadata.name);
  if (!live) {
    inv.err(`error: ${resourceString(t)} "${t.obj.metadata.name}" could not be found on the server\n`);
    inv.err(`The edits you made on deleted resources have been saved to "${path}"\n`);
    return { ok: false, code: 1 };
  }
  const merged = threeWayMerge(t.obj, edited, live) as Stored;
  if (deepEqual(merged, live)) return { ok: true };
  const written = conn.store.update(t.type, { ...merged, metadata: { ...merged.metadata, resourceVersion: live.metadata.resourceVersion } }, 'user:kubectl');
  if (written.ok) return { ok: true };
  if (written.error.reason === 'Invalid') return { ok: false, invalid: causesOf(written.error) };
  inv.err(`error: ${resourceString(t)} "${t.obj.metadata.name}" could not be patched: ${written.error.message}\n`);
  inv.err(`You can run \`kubectl replace -f ${path}\` to try this update again.\n`);
  return { ok: false, code: 1 };
}

/** A person fixes the file in a few tries; a scripted editor that keeps breaking it must not spin forever. */
const MAX_REOPENS = 20;

function* editOne(inv: Invocation, conn: ApiConnection, t: Target): Program {
  const fs = inv.ctx.host.fs;
  const editor = editorCommand(inv);
  const json = flagString(inv.flags, 'output') === 'json';
  const original = `${HEADER}\n${json ? toGoJson(t.obj) : toYaml(t.obj)}`;
  let shown = original;
  /** What the previous pass saved, when it failed: saving it again gives up. */
  let failed: string | undefined;
  let previousFile: string | undefined;
  for (let attempt = 0; attempt < MAX_REOPENS; attempt++) {
    // edit.LaunchTempFile: a new file each pass.
    const path = `/tmp/kubectl-edit-${kubectlRandom(inv.ctx.world).int(4_294_967_295)}.${json ? 'json' : 'yaml'}`;
    fs.writeFile(path, shown);
    const code = yield* inv.ctx.session.runLine(`${editor} ${path}`);
    if (code !== 0) {
      fs.remove(path);
      if (previousFile !== undefined) inv.err(`A copy of your changes has been stored to "${previousFile}"\n`);
      inv.err(`error: there was a problem with the editor "${editor}"\n`);
      return 1;
    }
    const read = fs.readFile(path);
    const edited = read.ok ? read.value : '';
    const body = manualStrip(edited);
    if (failed !== undefined && body === manualStrip(failed)) {
      inv.err(`A copy of your changes has been stored to "${path}"\n`);
      inv.err('error: Edit cancelled, no valid changes were saved.\n');
      return 1;
    }
    if (previousFile !== undefined) fs.remove(previousFile);
    previousFile = path;
    if (body === manualStrip(original)) {
      fs.remove(path);
      inv.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (body.trim() === '') {
      fs.remove(path);
      inv.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    const reopen = (reasons: readonly EditReason[]): void => {
      failed = edited;
      shown = `${headerWith(reasons)}\n${body.replace(/^\n+/, '')}`;
    };
    const parsed = loadYamlDocuments(body, 'kubernetes');
    const value = parsed.ok ? parsed.value[0] : undefined;
    if (!parsed.ok || value === null || typeof value !== 'object' || Array.isArray(value)) {
      const error = parsed.ok ? 'error unmarshaling JSON: json: cannot unmarshal into Go value of type map[string]interface {}' : `error converting YAML to JSON: ${goYamlError(body, parsed.problem)}`;
      reopen([{ head: `The edited file had a syntax error: ${error}`, other: [] }]);
      yield sleep(1);
      continue;
    }
    const object = value as Record<string, unknown>;
    const meta = (object.metadata ?? {}) as { name?: unknown };
    // The patch's preconditions (mergepatch.RequireKeyUnchanged): not a failure to retry.
    if (object.apiVersion !== t.obj.apiVersion || object.kind !== t.obj.kind || meta.name !== t.obj.metadata.name) {
      inv.err(`A copy of your changes has been stored to "${path}"\n`);
      return fail(inv, 'At least one of apiVersion, kind and name was changed');
    }
    const patched = yield* patchLive(inv, conn, t, object, path);
    if (patched.ok) {
      fs.remove(path);
      inv.out(`${t.type.group ? `${t.type.singular}.${t.type.group}` : t.type.singular}/${t.obj.metadata.name} edited\n`);
      return 0;
    }
    if (patched.invalid === undefined) return patched.code;
    inv.err(`error: ${resourceString(t)} "${t.obj.metadata.name}" is invalid\n`);
    reopen([{ head: `${resourceString(t)} "${t.obj.metadata.name}" was not valid`, other: patched.invalid }]);
  }
  inv.err(`A copy of your changes has been stored to "${previousFile ?? ''}"\n`);
  inv.err('error: Edit cancelled, no valid changes were saved.\n');
  return 1;
}
function* run(inv: Invocation): Program {
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const found = yield* findTargets(inv, conn, inv.args, { all: false });
  if (!found.ok) return fail(inv, found.error);
  for (const e of found.errors) inv.err(`${e}\n`);
  if (found.errors.length > 0) return 1;
  let code = 0;
  for (const t of found.targets) code = Math.max(code, yield* editOne(inv, conn, t));
  return code;
}

export const edit: Verb = {
  name: 'edit',
  summary: 'Edit a resource on the server',
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  help: [
    'Edit a resource with your editor.',
    '',
    ' kubectl opens the object\'s YAML in the editor named by KUBE_EDITOR, or else EDITOR, or else vi. When you save and',
    'quit, the changes you made are sent to the cluster. Save an unchanged file, or an empty one, to cancel.',
    '',
    'Examples:',
    '  # Edit the deployment named web',
    '  kubectl edit deployment/web',
    '  ',
    '  # Edit it as JSON, with nano',
    '  KUBE_EDITOR=nano kubectl edit deploy web -o json',
  ].join('\n'),
  flags: [
    { name: 'output', short: 'o', kind: 'string', description: 'Output format. One of: (json, yaml).', defaultText: "''", values: ['json', 'yaml'] },
    { name: 'filename', short: 'f', kind: 'strings', description: 'Filename, directory, or URL to files to use to edit the resource', defaultText: '[]' },
    { name: 'recursive', short: 'R', kind: 'bool', description: 'Process the directory used in -f, --filename recursively.', defaultText: 'false' },
  ],
  run,
};
