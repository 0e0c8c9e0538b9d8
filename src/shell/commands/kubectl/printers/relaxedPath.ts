/**
 * RelaxedJSONPathExpression: how custom-columns and --sort-by accept a field path — `.a.b`, `a.b`,
 * `{.a.b}` or `{a.b}` — turned into the jsonpath template `{.a.b}`, with kubectl's wording when
 * the text fits none of those forms.
 */
import { parseJsonpath, type JsonpathTemplate } from '../../../format/jsonpath';

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

export type RelaxedPath = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

export function relaxedPath(expression: string): RelaxedPath {
  if (expression === '') return { ok: true, text: '' };
  const m = RELAXED.exec(expression);
  if (!m) return { ok: false, error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" };
  return { ok: true, text: `{.${m[1] ?? m[2]}}` };
}

/** Relaxed path, then the jsonpath parse (whose errors read "unterminated array" and the like). */
export function compileField(expression: string): { readonly ok: true; readonly text: string; readonly template: JsonpathTemplate } | { readonly ok: false; readonly error: string } {
  const relaxed = relaxedPath(expression);
  if (!relaxed.ok) return relaxed;
  const parsed = parseJsonpath(relaxed.text);
  if (!parsed.ok) return parsed;
  return { ok: true, text: relaxed.text, template: parsed.template };
}
