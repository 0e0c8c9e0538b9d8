/**
 * kubectl get: tables per resource type (printers/table.ts), the other `-o` printers
 * (printers/output.ts: yaml, json, name, jsonpath, custom-columns), label and field selectors,
 * --sort-by, -w/--watch-only (watch.ts), the computed componentstatuses with their deprecation
 * warning, and the exact messages for an empty result or a missing object.
 */
import { parseSelector, resolvePath, resourceKey, type Selector, type Stored } from '../../../../engine';
import type { Program } from '../../../types';
import type { ApiConnection } from '../client';
import { flagBool, flagString, flagStrings } from '../flags';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';
import { fieldFilter } from '../printers/fieldSelector';
import { parseOutput, printObjects, type OutputSpec } from '../printers/output';
import { sortObjects } from '../printers/sortBy';
import { renderTable, type TableOptions } from '../printers/table';
import { kindPrefix, parseResourceArgs, type ResourceRequest } from '../resources';
import { COMPONENT_STATUS_WARNING, componentStatuses } from './componentStatuses';
import { GET_FLAGS, GET_HELP } from './getHelp';
import { watchLoop } from './watch';

export { OUTPUT_FORMATS, asList } from '../printers/output';
export { renderTable, tableCells, type TableOptions } from '../printers/table';

export interface Fetched {
  readonly request: ResourceRequest;
  readonly objects: readonly Stored[];
}

export interface FetchResult {
  readonly groups: readonly Fetched[];
  readonly errors: readonly string[];
}

/** What a list or get of one type filters on. */
export interface FetchFilter {
  readonly selector?: Selector | undefined;
  /** Field selector, already checked against the type. */
  readonly fields?: ((obj: Stored) => boolean) | undefined;
}

function listOf(conn: ApiConnection, request: ResourceRequest, namespace: string | undefined, selector: Selector | undefined, world: Invocation['ctx']['world'] | undefined): Stored[] {
  if (resourceKey(request.type) === 'componentstatuses' && world) return componentStatuses(conn, world);
  return conn.store.list(request.type, { namespace: request.type.namespaced ? namespace : undefined, selector });
}

/** Reads what the requests name, in server order (namespace, then name) or in the order given. */
export function fetch(conn: ApiConnection, requests: readonly ResourceRequest[], namespace: string | undefined, selector: Selector | undefined, world?: Invocation['ctx']['world'], fields?: ReadonlyMap<ResourceRequest, (obj: Stored) => boolean>): FetchResult {
  const errors: string[] = [];
  const groups = requests.map((request) => {
    const keep = fields?.get(request);
    if (request.names.length === 0) {
      const all = listOf(conn, request, namespace, selector, world);
      return { request, objects: keep ? all.filter(keep) : all };
    }
    const objects: Stored[] = [];
    const computed = resourceKey(request.type) === 'componentstatuses' && world ? componentStatuses(conn, world) : undefined;
    for (const name of request.names) {
      const obj = computed ? computed.find((o) => o.metadata.name === name) : conn.store.get(request.type, request.type.namespaced ? namespace ?? conn.settings.namespace : undefined, name);
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

function readFileFor(inv: Invocation): (path: string) => string | undefined {
  return (path) => {
    const r = inv.ctx.host.fs.readFile(resolvePath(path, inv.ctx.cwd));
    return r.ok ? r.value : undefined;
  };
}

/**
 * Prints the groups once (the listing before a watch, or all there is without one). Tables say
 * "No resources found" when empty; the other printers are kubectl's printGeneric: an empty List
 * (or a bare custom-columns header), and nothing at all for one named object that is missing.
 */
function printGroups(inv: Invocation, spec: OutputSpec, groups: readonly Fetched[], single: boolean, opts: TableOptions, quiet: boolean, emptyNamespace: string | undefined): string | undefined {
  const all = groups.flatMap((g) => g.objects);
  if (spec.kind === 'table') {
    let printed = false;
    for (const g of groups) {
      if (g.objects.length === 0) continue;
      if (printed && !opts.noHeaders) inv.out('\n');
      inv.out(renderTable(g.request, g.objects, inv.now(), opts));
      printed = true;
    }
    if (!printed && !quiet) inv.err(noResources(emptyNamespace));
    return undefined;
  }
  if (single && all.length === 0) return undefined;
  const kinds = new Map(groups.flatMap((g) => g.objects.map((o) => [o, kindPrefix(g.request.type)] as const)));
  const printed = printObjects(spec, all, single, (o) => kinds.get(o) ?? '', opts.noHeaders);
  inv.out(printed.text);
  return printed.error;
}

function* run(inv: Invocation): Program {
  if (inv.args.length === 0) {
    inv.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    inv.err('error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n');
    return 1;
  }
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const output = parseOutput(flagString(inv.flags, 'output') ?? '', readFileFor(inv));
  if (!output.ok) return fail(inv, output.error);
  const spec = output.spec;
  const parsed = parseResourceArgs(inv.args);
  if (!parsed.ok) return fail(inv, parsed.error);
  const allNamespaces = flagBool(inv.flags, 'all-namespaces');
  const named = parsed.requests.some((r) => r.names.length > 0);
  if (allNamespaces && named) return fail(inv, 'a resource cannot be retrieved by name across all namespaces');
  const selectorText = flagString(inv.flags, 'selector');
  const fieldText = flagString(inv.flags, 'field-selector');
  if (named && (selectorText !== undefined || fieldText !== undefined)) return fail(inv, 'name cannot be provided when a selector is specified');
  let selector: Selector | undefined;
  if (selectorText !== undefined) {
    const sel = parseSelector(selectorText);
    if (!sel.ok) return fail(inv, sel.error);
    selector = sel.selector;
  }
  const watch = flagBool(inv.flags, 'watch') || flagBool(inv.flags, 'watch-only');
  if (watch && parsed.requests.length > 1) return fail(inv, 'you may only specify a single resource type');
  const fields = new Map<ResourceRequest, (obj: Stored) => boolean>();
  if (fieldText !== undefined) {
    for (const r of parsed.requests) {
      const filter = fieldFilter(r.type, fieldText, selectorText ?? '');
      if (!filter.ok) {
        inv.err(`${filter.error}\n`);
        return 1;
      }
      fields.set(r, filter.matches);
    }
  }
  const namespace = allNamespaces ? undefined : conn.settings.namespace;
  const fetched = fetch(conn, parsed.requests, namespace, selector, inv.ctx.world, fields);
  let groups = fetched.groups;
  const ignoreNotFound = flagBool(inv.flags, 'ignore-not-found');
  const errors = ignoreNotFound ? fetched.errors.filter((e) => !e.includes('(NotFound)')) : fetched.errors;
  const sortBy = flagString(inv.flags, 'sort-by');
  if (watch && sortBy) inv.err('warning: --watch or --watch-only requested, --sort-by will be ignored\n');
  if (sortBy !== undefined && sortBy !== '' && !watch) {
    const sortedGroups: Fetched[] = [];
    for (const g of groups) {
      const sorted = sortObjects(g.objects, sortBy);
      if (!sorted.ok) {
        if ('fatal' in sorted) {
          inv.err(`F${inv.ctx.world.wallNow()} ${inv.pid} sorter.go:329] ${sorted.fatal}\n`);
          return 1;
        }
        return fail(inv, sorted.error);
      }
      sortedGroups.push({ request: g.request, objects: sorted.items });
    }
    groups = sortedGroups;
  }
  if (parsed.requests.some((r) => resourceKey(r.type) === 'componentstatuses')) inv.err(COMPONENT_STATUS_WARNING);
  const opts: TableOptions = {
    wide: spec.kind === 'table' && spec.wide, withKind: parsed.multipleTypes, allNamespaces,
    showLabels: flagBool(inv.flags, 'show-labels'), noHeaders: flagBool(inv.flags, 'no-headers'),
    labelColumns: flagStrings(inv.flags, 'label-columns').flatMap((l) => l.split(',')).filter(Boolean),
  };
  const all = groups.flatMap((g) => g.objects);
  const clusterScopedOnly = parsed.requests.every((r) => !r.type.namespaced);
  const emptyNamespace = allNamespaces || clusterScopedOnly ? undefined : namespace;
  const watchOnly = flagBool(inv.flags, 'watch-only');
  const events = flagBool(inv.flags, 'output-watch-events');
  if (!watchOnly && !(watch && events)) {
    const error = printGroups(inv, spec, groups, parsed.singleItem && !watch, opts, errors.length > 0 || ignoreNotFound, emptyNamespace);
    if (error !== undefined) return fail(inv, error);
  }
  for (const e of errors) inv.err(`${e}\n`);
  if (watch) {
    const fieldMatch = fields.get(parsed.requests[0]!);
    return yield* watchLoop(inv, conn, parsed.requests[0]!, namespace, { selector, fields: fieldMatch }, spec, opts, {
      watchOnly, events, initial: watchOnly ? [] : all,
    });
  }
  return errors.length > 0 ? 1 : 0;
}

export const get: Verb = {
  name: 'get',
  summary: 'Display one or many resources',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  help: GET_HELP,
  flags: GET_FLAGS,
  run,
};
