/**
 * kubectl edit: writes the object's YAML (or JSON) under a comment header to a temporary file,
 * runs `$KUBE_EDITOR file` (else $EDITOR, else vi) as a shell line, so whatever editor the shell
 * has runs in the terminal, then sends what changed as a patch on the live object
 * (`deployment.apps/web edited`). Unchanged or emptied files cancel the edit; a syntax error
 * reopens the file with the error on top, as kubectl does, until it is fixed or left unchanged.
 */
import { deepEqual, loadYamlDocuments, type Stored } from '../../../../engine';
import { toGoJson } from '../../../format/json';
import { goYamlError } from '../../../format/yamlErrors';
import { toYaml } from '../../../format/yaml';
import { sleep, type Effect, type Program } from '../../../types';
import { kubectlRandom, type ApiConnection } from '../client';
import { flagString } from '../flags';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';
import { threeWayMerge } from '../merge';
import { findTargets, type Target } from './targets';
import { apiErrorText, validationCauses } from './write';

const HEADER = [
  "# Please edit the object below. Lines beginning with a '#' will be ignored,",
  '# and an empty file will abort the edit. If an error occurs while saving this file will be',
  '# reopened with the relevant failures.',
  '#',
].join('\n');

/** The file's content without comment lines, as kubectl compares and parses it. */
function stripComments(text: string): string {
  return text.split('\n').filter((l) => !l.startsWith('#')).join('\n');
}

/** The editor command: KUBE_EDITOR, then EDITOR, then vi. */
export function editorCommand(inv: Invocation): string {
  const env = inv.ctx.env;
  return env.get('KUBE_EDITOR') || env.get('EDITOR') || 'vi';
}

type Outcome = { readonly kind: 'cancelled'; readonly message: string } | { readonly kind: 'edited'; readonly object: Record<string, unknown> } | { readonly kind: 'failed'; readonly code: number };

/** Opens the editor until the file parses (or is left as it was after an error). */
function* editLoop(inv: Invocation, path: string, original: string): Generator<Effect, Outcome, unknown> {
  const fs = inv.ctx.host.fs;
  const editor = editorCommand(inv);
  let shown = original;
  let lastError: string | undefined;
  // A person fixes the file in a few tries; a scripted editor that keeps breaking it must not spin forever.
  for (let attempt = 0; attempt < MAX_REOPENS; attempt++) {
    fs.writeFile(path, shown);
    const code = yield* inv.ctx.session.runLine(`${editor} ${path}`);
    if (code !== 0) {
      inv.err(`error: there was a problem with the editor "${editor}"\n`);
      return { kind: 'failed', code: 1 };
    }
    const read = fs.readFile(path);
    const edited = read.ok ? read.value : '';
    const body = stripComments(edited);
    if (lastError === undefined && body === stripComments(original)) return { kind: 'cancelled', message: 'Edit cancelled, no changes made.' };
    if (body.trim() === '') return { kind: 'cancelled', message: 'Edit cancelled, saved file was empty.' };
    if (lastError !== undefined && body === stripComments(shown)) {
      inv.err(`A copy of your changes has been stored to "${path}"\n`);
      inv.err('error: Edit cancelled, no valid changes were saved.\n');
      return { kind: 'failed', code: 1 };
    }
    const parsed = loadYamlDocuments(body, 'kubernetes');
    const value = parsed.ok ? parsed.value[0] : undefined;
    if (parsed.ok && value !== null && typeof value === 'object' && !Array.isArray(value)) return { kind: 'edited', object: value as Record<string, unknown> };
    lastError = parsed.ok ? 'error unmarshaling JSON: json: cannot unmarshal into Go value of type map[string]interface {}' : `error converting YAML to JSON: ${goYamlError(body, parsed.problem)}`;
    shown = `${HEADER}\n# The edited file had a syntax error: ${lastError}\n#\n${body.replace(/^\n+/, '')}`;
    yield sleep(1);
  }
  inv.err(`A copy of your changes has been stored to "${path}"\n`);
  inv.err('error: Edit cancelled, no valid changes were saved.\n');
  return { kind: 'failed', code: 1 };
}

const MAX_REOPENS = 20;

function* editOne(inv: Invocation, conn: ApiConnection, t: Target): Program {
  const json = flagString(inv.flags, 'output') === 'json';
  const text = json ? toGoJson(t.obj) : toYaml(t.obj);
  const path = `/tmp/kubectl-edit-${kubectlRandom(inv.ctx.world).int(4_294_967_295)}.${json ? 'json' : 'yaml'}`;
  const original = `${HEADER}\n${text}`;
  const outcome = yield* editLoop(inv, path, original);
  if (outcome.kind === 'failed') return outcome.code;
  if (outcome.kind === 'cancelled') {
    inv.ctx.host.fs.remove(path);
    inv.out(`${outcome.message}\n`);
    return 0;
  }
  const edited = outcome.object;
  const meta = (edited.metadata ?? {}) as { name?: unknown };
  if (edited.apiVersion !== t.obj.apiVersion || edited.kind !== t.obj.kind || meta.name !== t.obj.metadata.name) {
    inv.err(`A copy of your changes has been stored to "${path}"\n`);
    return fail(inv, 'At least one of apiVersion, kind and name was changed');
  }
  yield sleep(3);
  const live = conn.store.get(t.type, t.obj.metadata.namespace, t.obj.metadata.name);
  if (!live) {
    inv.err(`A copy of your changes has been stored to "${path}"\n`);
    inv.err(`Error from server (NotFound): ${t.type.group ? `${t.type.plural}.${t.type.group}` : t.type.plural} "${t.obj.metadata.name}" not found\n`);
    return 1;
  }
  // The change between what the editor showed and what it saved, applied to the object as it is now.
  const merged = threeWayMerge(t.obj, edited, live) as Stored;
  const causes = validationCauses(t.type, merged);
  const written = deepEqual(merged, live) ? { ok: true as const, value: live } : causes.length > 0
    ? { ok: false as const, error: undefined, causes }
    : conn.store.update(t.type, { ...merged, metadata: { ...merged.metadata, resourceVersion: live.metadata.resourceVersion } }, 'user:kubectl');
  if (!written.ok) {
    inv.err(`A copy of your changes has been stored to "${path}"\n`);
    inv.err(written.error ? `${apiErrorText(written.error)}\n` : `error: ${written.causes.join(', ')}\n`);
    return 1;
  }
  inv.ctx.host.fs.remove(path);
  inv.out(`${t.type.group ? `${t.type.singular}.${t.type.group}` : t.type.singular}/${t.obj.metadata.name} edited\n`);
  return 0;
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
