/**
 * A step's ```check block: a YAML list, one predicate per item, arguments as a map:
 *
 *     - nodes-ready: { count: 2 }
 *     - pods-ready:
 *         namespace: kube-system
 *         selector: name=weave-net
 *         count: 2
 *     - some-predicate-without-arguments
 */
import { lineAt, loadYamlOutline } from '../../engine';
import { prepareCheck } from '../checks/prepare';
import { PREDICATES } from '../checks/registry';
import type { ValidateContext } from '../checks/types';
import type { CheckSpec, JsonValue } from '../model';
import { isRecord, yamlProblemText, type LineError } from './frontMatter';
import { didYouMean } from './suggest';

export interface CheckBlockResult {
  readonly checks: CheckSpec[];
  readonly errors: LineError[];
}

const EXAMPLE = 'e.g. "- nodes-ready: { count: 2 }"';

/** `firstLine` is the line of the block's first YAML line in the lesson file. */
export function parseCheckBlock(text: string, firstLine: number, ctx: ValidateContext): CheckBlockResult {
  const checks: CheckSpec[] = [];
  const errors: LineError[] = [];
  const read = loadYamlOutline(text, 'core');
  const fileLine = (offset: number) => firstLine + lineAt(text, offset) - 1;
  if (!read.ok) {
    errors.push({ line: firstLine + read.problem.line - 1, message: `this check block is not valid YAML: ${yamlProblemText(read.problem)}` });
    return { checks, errors };
  }
  const doc = read.value;
  if (doc === undefined) {
    errors.push({ line: firstLine - 1, message: `this check block is empty: list at least one check, ${EXAMPLE}` });
    return { checks, errors };
  }
  if (!Array.isArray(doc.value)) {
    errors.push({ line: fileLine(doc.offset), message: `a check block is a YAML list, one check per "- " line, ${EXAMPLE}` });
    return { checks, errors };
  }
  for (const [i, item] of doc.value.entries()) {
    const line = fileLine(doc.children[i]?.offset ?? doc.offset);
    const parsed = itemOf(item);
    if (typeof parsed === 'string') {
      errors.push({ line, message: parsed });
      continue;
    }
    const spec: CheckSpec = { predicate: parsed.predicate, args: parsed.args, line };
    const prepared = prepareCheck(spec, ctx);
    if (prepared.ok) {
      checks.push(spec);
      continue;
    }
    if (!PREDICATES.some((p) => p.name === spec.predicate)) {
      const names = PREDICATES.map((p) => p.name);
      errors.push({ line, message: `unknown check "${spec.predicate}"${didYouMean(spec.predicate, names)}; checks are ${names.join(', ')}` });
    } else {
      for (const message of prepared.errors) errors.push({ line, message });
    }
  }
  return { checks, errors };
}

/** `- name: {args}` or `- name`; a string when the item has another shape. */
function itemOf(item: unknown): { predicate: string; args: { readonly [key: string]: JsonValue } } | string {
  if (typeof item === 'string') return { predicate: item.trim(), args: {} };
  const entries = isRecord(item) ? Object.entries(item) : [];
  if (entries.length !== 1) return `each check is one "name: arguments" item, ${EXAMPLE}`;
  const [key, value] = entries[0]!;
  const predicate = key.trim();
  if (value === null) return { predicate, args: {} };
  if (!isRecord(value)) return `the arguments of ${predicate} are a map, e.g. "- ${predicate}: { name: value }"`;
  return { predicate, args: value as { [key: string]: JsonValue } };
}
