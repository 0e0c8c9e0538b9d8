/**
 * `-o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName` and `-o custom-columns-file=FILE`
 * (one line of headers, one line of paths), as kubectl's CustomColumnsPrinter: headers as written,
 * one cell per path (several values joined by commas, printed as Go's %v prints them), `<none>`
 * where nothing is found, laid out like kubectl get's tables.
 */
import { jsonpathValues } from '../../../format/jsonpath';
import { formatTable } from '../../../format/table';
import { goPrint } from './goValues';
import { compileField, relaxedPath } from './relaxedPath';

export interface CustomColumn {
  readonly header: string;
  /** The jsonpath template, `{.metadata.name}`. */
  readonly path: string;
}

export type CustomColumnsParse = { readonly ok: true; readonly columns: readonly CustomColumn[] } | { readonly ok: false; readonly error: string };

/** The spec after `custom-columns=`. */
export function parseCustomColumns(spec: string): CustomColumnsParse {
  if (spec === '') return { ok: false, error: 'custom-columns format specified but no custom columns given' };
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) return { ok: false, error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    const path = relaxedPath(part.slice(colon + 1));
    if (!path.ok) return path;
    columns.push({ header: part.slice(0, colon), path: path.text });
  }
  return { ok: true, columns };
}

const FILE_FORMAT = 'Expected format is one line of space separated headers, one line of space separated column specs.';

/** The content of a custom-columns-file. */
export function parseCustomColumnsFile(content: string): CustomColumnsParse {
  const lines = content.split('\n');
  const words = (line: string | undefined) => (line ?? '').split(/\s+/).filter(Boolean);
  if (lines.length < 1 || content === '') return { ok: false, error: `invalid template, missing header line. ${FILE_FORMAT}` };
  if (lines.length < 2) return { ok: false, error: `invalid template, missing spec line. ${FILE_FORMAT}` };
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) return { ok: false, error: `number of headers (${headers.length}) and field specifications (${specs.length}) don't match` };
  const columns: CustomColumn[] = [];
  for (let i = 0; i < headers.length; i++) {
    const path = relaxedPath(specs[i]!);
    if (!path.ok) return path;
    columns.push({ header: headers[i]!, path: path.text });
  }
  return { ok: true, columns };
}

export type CustomColumnsRender = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly text: string; readonly error: string };

/**
 * The table for these objects. A path that jsonpath cannot parse fails after the header is out,
 * as kubectl's printer only compiles the paths when it prints the first object.
 */
export function renderCustomColumns(columns: readonly CustomColumn[], objects: readonly unknown[], noHeaders: boolean): CustomColumnsRender {
  const header = noHeaders ? undefined : columns.map((c) => c.header);
  const compiled = [];
  for (const c of columns) {
    const field = compileField(c.path);
    if (!field.ok) return { ok: false, text: formatTable(header, []), error: field.error };
    compiled.push(field.template);
  }
  const rows: string[][] = [];
  for (const obj of objects) {
    const row: string[] = [];
    for (const template of compiled) {
      const found = jsonpathValues(template, obj);
      if (!found.ok) return { ok: false, text: formatTable(header, rows), error: found.error };
      row.push(found.values.length === 0 ? '<none>' : found.values.map(goPrint).join(','));
    }
    rows.push(row);
  }
  return { ok: true, text: formatTable(header, rows) };
}
