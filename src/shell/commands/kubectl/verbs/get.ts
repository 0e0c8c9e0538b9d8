/**
 * kubectl get: tables per resource type (NAMESPACE first with -A, LABELS last with
 * --show-labels, kind-prefixed names when several types are printed, a blank line between
 * types), `-o wide|yaml|json|name|jsonpath=...`, label selectors, and the exact messages for an
 * empty result or a missing object.
 */
import { parseSelector, type Selector, type Stored } from '../../../../engine';
import { jsonpath, parseJsonpath } from '../../../format/jsonpath';
import { toGoJson } from '../../../format/json';
import { formatTable } from '../../../format/table';
import { toYaml } from '../../../format/yaml';
import type { Program } from '../../../types';
import type { ApiConnection } from '../client';
import { flagBool, flagString } from '../flags';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';
import { formatLabels } from '../printers/cells';
import { headerFor, nameColumnFirst, tableFor } from '../printers/columns';
import { kindPrefix, parseResourceArgs, resourceKey, type ResourceRequest } from '../resources';
import { watchLoop } from './watch';

export const OUTPUT_FORMATS = ['custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml'];

export interface Fetched {
  readonly request: ResourceRequest;
  readonly objects: readonly Stored[];
}

export interface FetchResult {
  readonly groups: readonly Fetched[];
  readonly errors: readonly string[];
}

/** Reads what the requests name, in server order (namespace, then name) or in the order given. */
export function fetch(conn: ApiConnection, requests: readonly ResourceRequest[], namespace: string | undefined, selector: Selector | undefined): FetchResult {
  const errors: string[] = [];
  const groups = requests.map((request) => {
    const ns = request.type.namespaced ? namespace : undefined;
    if (request.names.length === 0) return { request, objects: conn.store.list(request.type, { namespace: ns, selector }) };
    const objects: Stored[] = [];
    for (const name of request.names) {
      const obj = conn.store.get(request.type, ns ?? conn.settings.namespace, name);
      if (obj) objects.push(obj);
      else errors.push(`Error from server (NotFound): ${resourceKey(request.type)} "${name}" not found`);
    }
    return { request, objects };
  });
  return { groups, errors };
}

/** "No resources found in default namespace." / "No resources found" */
export function noResources(namespace: string | undefined): string {
  return namespace === undefined ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`;
}

export interface TableOptions {
  readonly wide: boolean;
  readonly withKind: boolean;
  readonly allNamespaces: boolean;
  readonly showLabels: boolean;
  readonly noHeaders: boolean;
}

/** One type's table: header (unless --no-headers) and rows. */
export function renderTable(request: ResourceRequest, objects: readonly Stored[], now: number, o: TableOptions): string {
  const { header, rows } = tableCells(request, objects, now, o);
  return formatTable(o.noHeaders ? undefined : header, rows);
}

/** The cells of one type's table, before layout. */
export function tableCells(request: ResourceRequest, objects: readonly Stored[], now: number, o: TableOptions): { header: string[]; rows: string[][] } {
  const key = resourceKey(request.type);
  const columns = tableFor(key);
  const withNamespace = o.allNamespaces && request.type.namespaced;
  const prefix = o.withKind ? `${kindPrefix(request.type)}/` : '';
  let header = [...headerFor(key, o.wide)];
  if (withNamespace) header = ['NAMESPACE', ...header];
  if (o.showLabels) header.push('LABELS');
  const rows = objects.map((obj) => {
    let cells = [...columns.row(obj, now, o.wide)];
    if (nameColumnFirst(key)) cells = [prefix + obj.metadata.name, ...cells];
    else if (o.wide) cells.push(prefix + obj.metadata.name);
    if (withNamespace) cells = [obj.metadata.namespace ?? '', ...cells];
    if (o.showLabels) cells.push(formatLabels(obj.metadata.labels));
    return cells;
  });
  return { header, rows };
}

/** The List kubectl wraps several objects in for -o yaml/json. */
export function asList(objects: readonly Stored[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

function* run(inv: Invocation): Program {
  const output = flagString(inv.flags, 'output') ?? '';
  if (inv.args.length === 0) {
    inv.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    inv.err('error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n');
    return 1;
  }
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const format = output.split('=')[0]!;
  if (output !== '' && !OUTPUT_FORMATS.includes(format)) {
    return fail(inv, `unable to match a printer suitable for the output format "${output}", allowed formats are: ${OUTPUT_FORMATS.join(',')}`);
  }
  const parsed = parseResourceArgs(inv.args);
  if (!parsed.ok) return fail(inv, parsed.error);
  const allNamespaces = flagBool(inv.flags, 'all-namespaces');
  if (allNamespaces && parsed.requests.some((r) => r.names.length > 0)) return fail(inv, 'a resource cannot be retrieved by name across all namespaces');
  let selector: Selector | undefined;
  const selectorText = flagString(inv.flags, 'selector');
  if (selectorText !== undefined) {
    const sel = parseSelector(selectorText);
    if (!sel.ok) return fail(inv, sel.error);
    selector = sel.selector;
  }
  const namespace = allNamespaces ? undefined : conn.settings.namespace;
  const { groups, errors } = fetch(conn, parsed.requests, namespace, selector);
  const all = groups.flatMap((g) => g.objects);
  const now = inv.now();
  const clusterScopedOnly = parsed.requests.every((r) => !r.type.namespaced);
  const emptyNamespace = allNamespaces || clusterScopedOnly ? undefined : namespace;

  if (format === 'yaml' || format === 'json') {
    if (!(parsed.singleItem && all.length === 1) && (all.length > 0 || errors.length === 0)) {
      inv.out(format === 'yaml' ? toYaml(asList(all)) : toGoJson(asList(all)));
    } else if (all.length === 1) {
      inv.out(format === 'yaml' ? toYaml(all[0]) : toGoJson(all[0]));
    }
  } else if (format === 'jsonpath') {
    const template = output.slice('jsonpath='.length);
    const compiled = parseJsonpath(template);
    if (!compiled.ok) return fail(inv, `error parsing jsonpath ${template}, ${compiled.error}`);
    const data = parsed.singleItem && all.length === 1 ? all[0] : asList(all);
    const result = jsonpath(compiled.template, data);
    if (!result.ok) return fail(inv, `error executing jsonpath "${template}": Error executing template: ${result.error}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${JSON.stringify(data)}\n\n`);
    inv.out(result.text);
  } else if (format === 'name') {
    for (const g of groups) for (const obj of g.objects) inv.out(`${kindPrefix(g.request.type)}/${obj.metadata.name}\n`);
    if (all.length === 0 && errors.length === 0) inv.err(noResources(emptyNamespace));
  } else if (format === '' || format === 'wide') {
    const opts: TableOptions = {
      wide: format === 'wide', withKind: parsed.multipleTypes, allNamespaces,
      showLabels: flagBool(inv.flags, 'show-labels'), noHeaders: flagBool(inv.flags, 'no-headers'),
    };
    let printed = false;
    for (const g of groups) {
      if (g.objects.length === 0) continue;
      if (printed && !opts.noHeaders) inv.out('\n');
      inv.out(renderTable(g.request, g.objects, now, opts));
      printed = true;
    }
    if (!printed && errors.length === 0) inv.err(noResources(emptyNamespace));
    if (flagBool(inv.flags, 'watch') && parsed.requests.length === 1) {
      for (const e of errors) inv.err(`${e}\n`);
      return yield* watchLoop(inv, conn, parsed.requests[0]!, namespace, selector, opts);
    }
  } else {
    return fail(inv, `output format "${format}" is not supported by this simulator yet`);
  }
  for (const e of errors) inv.err(`${e}\n`);
  return errors.length > 0 ? 1 : 0;
}

export const get: Verb = {
  name: 'get',
  summary: 'Display one or many resources',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|wide|jsonpath=...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  help: [
    'Display one or many resources.',
    '',
    ' Prints a table of the most useful fields of the resources you name. Filter by label with --selector.',
    'Namespaced resources come from the current namespace unless you pass --namespace or --all-namespaces.',
    '',
    'Use "kubectl api-resources" for a complete list of supported resources.',
    '',
    'Examples:',
    '  # Every pod of the current namespace',
    '  kubectl get pods',
    '  ',
    '  # Pods of every namespace, with their node and IP',
    '  kubectl get pods -A -o wide',
    '  ',
    '  # One deployment as YAML',
    '  kubectl get deployment web -o yaml',
    '  ',
    '  # Several types at once',
    '  kubectl get pods,services',
    '  ',
    '  # Just the node port of a service',
    "  kubectl get service webui -o jsonpath='{.spec.ports[0].nodePort}'",
  ].join('\n'),
  flags: [
    { name: 'all-namespaces', short: 'A', kind: 'bool', description: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.', defaultText: 'false' },
    { name: 'no-headers', kind: 'bool', description: 'When using the default or custom-column output format, don\'t print headers (default print headers).', defaultText: 'false' },
    { name: 'output', short: 'o', kind: 'string', description: 'Output format. One of: (json, yaml, name, wide, jsonpath).', defaultText: "''", values: ['json', 'yaml', 'name', 'wide', 'jsonpath='] },
    { name: 'selector', short: 'l', kind: 'string', description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2).", defaultText: "''" },
    { name: 'show-labels', kind: 'bool', description: 'When printing, show all labels as the last column (default hide labels column)', defaultText: 'false' },
    { name: 'show-managed-fields', kind: 'bool', description: 'If true, keep the managedFields when printing objects in JSON or YAML format.', defaultText: 'false' },
    { name: 'watch', short: 'w', kind: 'bool', description: 'After listing/getting the requested object, watch for changes.', defaultText: 'false' },
  ],
  run,
};
