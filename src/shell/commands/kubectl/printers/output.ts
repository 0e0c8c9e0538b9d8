/**
 * kubectl's `-o` printers other than the tables: yaml, json, name, jsonpath (=, -file, -as-json)
 * and custom-columns (=, -file). `parseOutput` turns the flag into a printer or kubectl's error
 * ("template format specified but no template given", "error parsing jsonpath ..."); the print
 * functions write one object, or several wrapped in the `List` kubectl builds.
 */
import type { Stored } from '../../../../engine';
import { toGoJson } from '../../../format/json';
import { jsonpath, jsonpathValues, parseJsonpath, type JsonpathTemplate } from '../../../format/jsonpath';
import { toYaml } from '../../../format/yaml';
import { parseCustomColumns, parseCustomColumnsFile, renderCustomColumns, type CustomColumn } from './customColumns';
import { goQuote, goSyntax } from './goValues';

export const OUTPUT_FORMATS = ['custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml'];

export type OutputSpec =
  | { readonly kind: 'table'; readonly wide: boolean }
  | { readonly kind: 'yaml' }
  | { readonly kind: 'json' }
  | { readonly kind: 'name' }
  | { readonly kind: 'jsonpath'; readonly source: string; readonly template: JsonpathTemplate; readonly asJson: boolean }
  | { readonly kind: 'custom-columns'; readonly columns: readonly CustomColumn[] };

export type OutputParse = { readonly ok: true; readonly spec: OutputSpec } | { readonly ok: false; readonly error: string };

/** Reads a file named by -o ...-file=PATH: its text, or undefined when it cannot be read. */
export type FileReader = (path: string) => string | undefined;

export function parseOutput(output: string, readFile: FileReader): OutputParse {
  const eq = output.indexOf('=');
  const format = eq < 0 ? output : output.slice(0, eq);
  const arg = eq < 0 ? '' : output.slice(eq + 1);
  switch (format) {
    case '': return { ok: true, spec: { kind: 'table', wide: false } };
    case 'wide': return { ok: true, spec: { kind: 'table', wide: true } };
    case 'yaml': return { ok: true, spec: { kind: 'yaml' } };
    case 'json': return { ok: true, spec: { kind: 'json' } };
    case 'name': return { ok: true, spec: { kind: 'name' } };
    case 'jsonpath':
    case 'jsonpath-as-json':
    case 'jsonpath-file': {
      if (arg === '') return { ok: false, error: 'template format specified but no template given' };
      let source = arg;
      if (format === 'jsonpath-file') {
        const text = readFile(arg);
        if (text === undefined) return { ok: false, error: `error reading --template ${arg}, open ${arg}: no such file or directory` };
        source = text;
      }
      const parsed = parseJsonpath(source);
      if (!parsed.ok) return { ok: false, error: `error parsing jsonpath ${source}, ${parsed.error}` };
      return { ok: true, spec: { kind: 'jsonpath', source, template: parsed.template, asJson: format === 'jsonpath-as-json' } };
    }
    case 'custom-columns':
    case 'custom-columns-file': {
      let columns;
      if (format === 'custom-columns') {
        columns = parseCustomColumns(arg);
      } else {
        const text = readFile(arg);
        if (text === undefined) return { ok: false, error: `error reading template ${arg}, open ${arg}: no such file or directory` };
        columns = parseCustomColumnsFile(text);
      }
      if (!columns.ok) return columns;
      return { ok: true, spec: { kind: 'custom-columns', columns: columns.columns } };
    }
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
      return { ok: false, error: `output format "${format}" is not supported by this simulator yet; try -o jsonpath=... instead` };
    default:
      return { ok: false, error: `unable to match a printer suitable for the output format "${output}", allowed formats are: ${OUTPUT_FORMATS.join(',')}` };
  }
}

/** The List kubectl wraps several objects in for -o yaml/json/jsonpath. */
export function asList(objects: readonly Stored[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

/** What a non-table printer wrote, and the error that stopped it, if any. */
export interface Printed {
  readonly text: string;
  readonly error?: string;
}

/**
 * Prints objects with a non-table printer. `single` is one object asked for by name: it is
 * printed as itself, not inside a List.
 */
export function printObjects(spec: Exclude<OutputSpec, { kind: 'table' }>, objects: readonly Stored[], single: boolean, kindOf: (obj: Stored) => string, noHeaders: boolean): Printed {
  const data = single && objects.length === 1 ? objects[0] : asList(objects);
  switch (spec.kind) {
    case 'yaml': return { text: toYaml(data) };
    case 'json': return { text: toGoJson(data) };
    case 'name': return { text: objects.map((o) => `${kindOf(o)}/${o.metadata.name}\n`).join('') };
    case 'jsonpath': return printJsonpath(spec, data);
    case 'custom-columns': {
      const r = renderCustomColumns(spec.columns, objects, noHeaders);
      return r.ok ? { text: r.text } : { text: r.text, error: r.error };
    }
  }
}

export function printJsonpath(spec: Extract<OutputSpec, { kind: 'jsonpath' }>, data: unknown): Printed {
  if (spec.asJson) {
    const found = jsonpathValues(spec.template, data);
    if (found.ok) return { text: toGoJson(found.values) };
    return { text: '', error: jsonpathFailure(spec.source, found.error, data) };
  }
  const r = jsonpath(spec.template, data);
  return r.ok ? { text: r.text } : { text: '', error: jsonpathFailure(spec.source, r.error, data) };
}

/** kubectl's message for a template that fails while it runs, with the object it was given. */
function jsonpathFailure(source: string, error: string, data: unknown): string {
  return `error executing jsonpath ${goQuote(source)}: Error executing template: ${error}. Printing more information for debugging the template:\n`
    + `\ttemplate was:\n\t\t${source}\n\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n`;
}
