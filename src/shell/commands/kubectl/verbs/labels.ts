/**
 * kubectl label and kubectl annotate: `key=value` adds, `key-` removes; changing an existing
 * value needs --overwrite; objects by TYPE NAME, TYPE/NAME, -l or --all. label reports
 * `labeled`, `unlabeled` (removals only) or `not labeled` (nothing changed); annotate always
 * says `annotated`, as v1.27 does.
 */
import { invalidObject, type Stored } from '../../../../engine';
import { sleep, type Program } from '../../../types';
import { flagBool, flagString } from '../flags';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';
import { findTargets, resourcesAndPairs } from './targets';
import { apiErrorText, badOutput, dryRunOf, DRY_RUN_FLAG, printWritten, WRITE_OUTPUT_FLAG } from './write';

type Which = 'label' | 'annotate';

interface Changes {
  readonly set: ReadonlyMap<string, string>;
  readonly remove: readonly string[];
}

const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_MSG = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

function parseChanges(which: Which, pairs: readonly string[]): Changes | string {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq >= 0) {
      const value = p.slice(eq + 1);
      if (which === 'label' && (value.length > 63 || !VALUE.test(value))) return `invalid label value: "${p}": ${VALUE_MSG}`;
      set.set(p.slice(0, eq), value);
    } else {
      remove.push(p.slice(0, -1));
    }
  }
  if (set.size === 0 && remove.length === 0) return `at least one ${which === 'label' ? 'label' : 'annotation'} update is required`;
  if (remove.some((k) => set.has(k))) return `can not both modify and remove ${which === 'label' ? 'a label' : 'an annotation'} in the same command`;
  return { set, remove };
}

/** The server's check of label keys: an optional DNS prefix and a name part. */
function badKeys(keys: Iterable<string>): string[] {
  const causes: string[] = [];
  for (const key of keys) {
    const name = key.includes('/') ? key.slice(key.indexOf('/') + 1) : key;
    if (name.length > 63 || !NAME_PART.test(name)) causes.push(`metadata.labels: Invalid value: "${key}": ${NAME_MSG}`);
  }
  return causes;
}

function overwriteError(which: Which, current: Readonly<Record<string, string>>, changes: Changes): string | undefined {
  const clashes = [...changes.set].filter(([k, v]) => k in current && current[k] !== v).map(([k]) => `'${k}' already has a value (${current[k]})`);
  if (clashes.length === 0) return undefined;
  return which === 'label' ? `${clashes[0]}, and --overwrite is false` : `--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`;
}

function* run(inv: Invocation, which: Which): Program {
  const split = resourcesAndPairs(inv.args, which === 'label' ? 'label' : 'annotation');
  if (typeof split === 'string') return fail(inv, split);
  const changes = parseChanges(which, split.pairs);
  if (typeof changes === 'string') return fail(inv, changes);
  const dryRun = dryRunOf(inv);
  if (typeof dryRun !== 'string') return fail(inv, dryRun.error);
  const badO = badOutput(inv);
  if (badO) return fail(inv, badO);
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const found = yield* findTargets(inv, conn, split.resources);
  if (!found.ok) return fail(inv, found.error);
  let failed = false;
  for (const { type, obj } of found.targets) {
    const field = which === 'label' ? 'labels' : 'annotations';
    const current = obj.metadata[field] ?? {};
    if (!flagBool(inv.flags, 'overwrite')) {
      const clash = overwriteError(which, current, changes);
      if (clash) return fail(inv, clash);
    }
    const version = flagString(inv.flags, 'resource-version');
    const next: Record<string, string> = { ...current };
    for (const k of changes.remove) {
      if (k in next) delete next[k];
      else if (which === 'label') inv.out(`label "${k}" not found.\n`);
    }
    for (const [k, v] of changes.set) next[k] = v;
    const keyProblems = which === 'label' ? badKeys(changes.set.keys()) : [];
    yield sleep(3);
    const result = keyProblems.length > 0 ? { ok: false as const, error: invalidObject(type, obj.metadata.name, keyProblems) }
      : dryRun !== 'none' ? { ok: true as const, value: withField(obj, field, next) }
      : conn.store.mutate(type, obj.metadata.namespace, obj.metadata.name, 'user:kubectl', (d) => {
        if (version !== undefined) d.metadata.resourceVersion = version;
        if (Object.keys(next).length > 0) d.metadata[field] = next;
        else delete d.metadata[field];
      });
    if (!result.ok) {
      inv.err(`${apiErrorText(result.error)}\n`);
      failed = true;
      continue;
    }
    printWritten(inv, type, result.value, which === 'annotate' ? 'annotated' : labelOutcome(current, next), dryRun);
  }
  for (const e of found.errors) inv.err(`${e}\n`);
  return failed || found.errors.length > 0 ? 1 : 0;
}

function withField(obj: Stored, field: 'labels' | 'annotations', value: Record<string, string>): Stored {
  return { ...obj, metadata: { ...obj.metadata, [field]: value } };
}

/** label.go's dataChangeMsg. */
function labelOutcome(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): string {
  const b = Object.keys(before);
  const a = Object.keys(after);
  if (b.length === a.length && b.every((k) => after[k] === before[k])) return 'not labeled';
  if (a.length < b.length && a.every((k) => after[k] === before[k])) return 'unlabeled';
  return 'labeled';
}

function verb(which: Which, examples: readonly string[]): Verb {
  const noun = which === 'label' ? 'labels' : 'annotations';
  return {
    name: which,
    summary: `Update the ${noun} on a resource`,
    usage: `kubectl ${which} [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]`,
    help: [`Update the ${noun} on one or more resources.`, '', ...examples].join('\n'),
    flags: [
      { name: 'overwrite', kind: 'bool', description: `If true, allow ${noun} to be overwritten, otherwise reject ${which} updates that overwrite existing ${noun}.`, defaultText: 'false' },
      { name: 'all', kind: 'bool', description: 'Select all resources, in the namespace of the specified resource types', defaultText: 'false' },
      { name: 'selector', short: 'l', kind: 'string', description: 'Selector (label query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. -l key1=value1,key2=value2).', defaultText: "''" },
      { name: 'resource-version', kind: 'string', description: `If non-empty, the ${which} update will only succeed if this is the current resource-version for the object.`, defaultText: "''" },
      { name: 'filename', short: 'f', kind: 'strings', description: `Filename, directory, or URL to files identifying the resource to update the ${noun}`, defaultText: '[]' },
      { name: 'recursive', short: 'R', kind: 'bool', description: 'Process the directory used in -f, --filename recursively.', defaultText: 'false' },
      DRY_RUN_FLAG,
      WRITE_OUTPUT_FLAG,
    ],
    run: (inv) => run(inv, which),
  };
}

export const label = verb('label', [
  ' A label key and value must each be 63 characters at most, letters, digits, \'-\', \'_\' or \'.\'; the key may carry a DNS',
  'prefix ("example.com/color"). Changing an existing label needs --overwrite.',
  '',
  'Examples:',
  '  # Label the pod pingpong with color=blue',
  '  kubectl label pods pingpong color=blue',
  '  ',
  '  # Change that label',
  '  kubectl label --overwrite pods pingpong color=green',
  '  ',
  '  # Label every pod of the namespace',
  '  kubectl label pods --all checked=yes',
  '  ',
  '  # Remove the label named color',
  '  kubectl label pods pingpong color-',
]);

export const annotate = verb('annotate', [
  ' Annotations are key/value pairs for tools and people, larger than labels and never used to select objects. Changing an',
  'existing annotation needs --overwrite.',
  '',
  'Examples:',
  '  # Say why the deployment changed (rollout history shows it)',
  '  kubectl annotate deployment web kubernetes.io/change-cause="nginx 1.25"',
  '  ',
  '  # Remove that annotation',
  '  kubectl annotate deployment web kubernetes.io/change-cause-',
]);

