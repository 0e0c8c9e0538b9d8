/**
 * `--sort-by=<path>` as kubectl's RuntimeSort: the path is relaxed (`.metadata.name`,
 * `{.metadata.name}`), numbers compare as numbers, strings in natural order (`pod2` before
 * `pod10`, what github.com/fvbommel/sortorder does), false before true, objects without the field
 * first; maps and lists cannot be sorted and end kubectl with a fatal klog line.
 */
import { jsonpathValues } from '../../../format/jsonpath';
import { compileField } from './relaxedPath';

export type SortResult<T> =
  | { readonly ok: true; readonly items: T[] }
  | { readonly ok: false; readonly error: string }
  /** klog.Fatalf in sorter.go: printed as an F line. */
  | { readonly ok: false; readonly fatal: string };

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** sortorder.NaturalLess */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const c1 = a.charCodeAt(i);
    const c2 = b.charCodeAt(j);
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === '0') i++;
    while (j < b.length && b[j] === '0') j++;
    const nz1 = i;
    const nz2 = j;
    while (i < a.length && isDigit(a.charCodeAt(i))) i++;
    while (j < b.length && isDigit(b.charCodeAt(j))) j++;
    if (i - nz1 !== j - nz2) return i - nz1 < j - nz2;
    const n1 = a.slice(nz1, i);
    const n2 = b.slice(nz2, j);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return a.length < b.length;
}

function goType(v: unknown): string {
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  const x = String(a);
  const y = String(b);
  return naturalLess(x, y) ? -1 : naturalLess(y, x) ? 1 : 0;
}

/** Sorts objects by the field; stable, so ties keep the server's order. */
export function sortObjects<T>(objects: readonly T[], field: string): SortResult<T> {
  const compiled = compileField(field);
  if (!compiled.ok) return { ok: false, error: compiled.error };
  const keyed: { obj: T; value: unknown; has: boolean }[] = [];
  let anyFound = false;
  for (const obj of objects) {
    const found = jsonpathValues(compiled.template, obj);
    const value = found.ok ? found.values[0] : undefined;
    const has = found.ok && found.values.length > 0;
    if (has) anyFound = true;
    if (has && value !== null && typeof value === 'object') {
      return { ok: false, fatal: `Field ${compiled.text} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: ${goType(value)}` };
    }
    keyed.push({ obj, value, has });
  }
  if (objects.length > 0 && !anyFound) return { ok: false, error: `couldn't find any field with path "${compiled.text}" in the list of objects` };
  keyed.sort((p, q) => (p.has === q.has ? (p.has ? compare(p.value, q.value) : 0) : p.has ? 1 : -1));
  return { ok: true, items: keyed.map((k) => k.obj) };
}
