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
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { prepareCheck } from '../checks/prepare';
import { PREDICATES } from '../checks/registry';
import type { ValidateContext } from '../checks/types';
import type { CheckSpec, JsonValue } from '../model';
import type { LineError } from './frontMatter';
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
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const lineAt = (offset: number | undefined) => firstLine + (offset === undefined ? 0 : counter.linePos(offset).line - 1);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) errors.push({ line: lineAt(e.pos[0]), message: `this check block is not valid YAML: ${e.message.split('\n')[0]}` });
    return { checks, errors };
  }
  if (doc.contents === null) {
    errors.push({ line: firstLine - 1, message: `this check block is empty: list at least one check, ${EXAMPLE}` });
    return { checks, errors };
  }
  if (!isSeq(doc.contents)) {
    errors.push({ line: lineAt(doc.contents.range?.[0]), message: `a check block is a YAML list, one check per "- " line, ${EXAMPLE}` });
    return { checks, errors };
  }
  for (const item of doc.contents.items) {
    const node = item as YamlNode | null;
    const line = lineAt(node?.range?.[0]);
    const parsed = itemOf(node);
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
function itemOf(node: YamlNode | null): { predicate: string; args: { readonly [key: string]: JsonValue } } | string {
  if (isScalar(node) && typeof node.value === 'string') return { predicate: node.value.trim(), args: {} };
  if (!isMap(node) || node.items.length !== 1) return `each check is one "name: arguments" item, ${EXAMPLE}`;
  const pair = node.items[0]!;
  if (!isScalar(pair.key) || typeof pair.key.value !== 'string') return `each check is one "name: arguments" item, ${EXAMPLE}`;
  const predicate = pair.key.value.trim();
  const value = pair.value as YamlNode | null;
  if (value === null || (isScalar(value) && value.value === null)) return { predicate, args: {} };
  if (!isMap(value)) return `the arguments of ${predicate} are a map, e.g. "- ${predicate}: { name: value }"`;
  return { predicate, args: value.toJSON() as { [key: string]: JsonValue } };
}
