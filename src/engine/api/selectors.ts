/**
 * Label selectors: the string form kubectl takes (-l 'app=web,tier!=db,env in (a,b),!beta') and
 * the structured form objects carry (matchLabels / matchExpressions), one matcher for both.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export type Requirement =
  | { readonly key: string; readonly op: 'In' | 'NotIn'; readonly values: readonly string[] }
  | { readonly key: string; readonly op: 'Exists' | 'DoesNotExist' };

export type Selector = readonly Requirement[];

export type SelectorParse = { readonly ok: true; readonly selector: Selector } | { readonly ok: false; readonly error: string };

export function fromLabelSelector(sel: LabelSelector | undefined): Selector {
  if (!sel) return [];
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key, op: 'In', values: [value] });
  for (const e of sel.matchExpressions ?? []) {
    if (e.operator === 'In' || e.operator === 'NotIn') reqs.push({ key: e.key, op: e.operator, values: e.values ?? [] });
    else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') reqs.push({ key: e.key, op: e.operator });
  }
  return reqs;
}

export function fromLabels(labels: Readonly<Record<string, string>> | undefined): Selector {
  return Object.entries(labels ?? {}).map(([key, value]) => ({ key, op: 'In' as const, values: [value] }));
}

export function matchesSelector(selector: Selector, labels: Readonly<Record<string, string>> | undefined): boolean {
  const l = labels ?? {};
  return selector.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'In': return has && r.values.includes(l[r.key]!);
      case 'NotIn': return !has || !r.values.includes(l[r.key]!);
      case 'Exists': return has;
      case 'DoesNotExist': return !has;
    }
  });
}

/** `app=web,tier=db` as it prints in kubectl's SELECTOR column. */
export function formatSelector(selector: Selector): string {
  return selector.map((r) => {
    switch (r.op) {
      case 'In': return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`;
      case 'NotIn': return r.values.length === 1 ? `${r.key}!=${r.values[0]}` : `${r.key} notin (${r.values.join(',')})`;
      case 'Exists': return r.key;
      case 'DoesNotExist': return `!${r.key}`;
    }
  }).join(',');
}

const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Parses kubectl's selector syntax; errors read like apimachinery's. */
export function parseSelector(input: string): SelectorParse {
  const reqs: Requirement[] = [];
  const parts = splitTopLevel(input.trim());
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') continue;
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^!\s*(\S+)$/))) {
      if (!KEY.test(m[1]!)) return bad(m[1]!);
      reqs.push({ key: m[1]!, op: 'DoesNotExist' });
    } else if ((m = part.match(/^(\S+?)\s*(==|=|!=)\s*(\S*)$/))) {
      const [, key, op, value] = m as unknown as [string, string, string, string];
      if (!KEY.test(key)) return bad(key);
      if (!VALUE.test(value)) return { ok: false, error: `unable to parse requirement: values[0][${key}]: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')` };
      reqs.push({ key, op: op === '!=' ? 'NotIn' : 'In', values: [value] });
    } else if ((m = part.match(/^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/))) {
      const key = m[1]!;
      if (!KEY.test(key)) return bad(key);
      const values = m[3]!.split(',').map((v) => v.trim());
      reqs.push({ key, op: m[2] === 'in' ? 'In' : 'NotIn', values });
    } else if (KEY.test(part)) {
      reqs.push({ key: part, op: 'Exists' });
    } else {
      return { ok: false, error: `unable to parse requirement: found '${part}', expected: ',' or 'end of string'` };
    }
  }
  return { ok: true, selector: reqs };
}

function bad(key: string): SelectorParse {
  return { ok: false, error: `unable to parse requirement: <nil>: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')` };
}

/** Splits on commas outside parentheses ("a in (x,y),b" has two parts). */
function splitTopLevel(input: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of input) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}
