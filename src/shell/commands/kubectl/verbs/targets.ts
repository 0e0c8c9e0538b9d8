/**
 * Which existing objects a write verb acts on, as resource.Builder finds them: `TYPE NAME...`,
 * `TYPE/NAME...`, `TYPE -l selector`, `TYPE --all`, or `-f` manifests; with builder's errors
 * ("resource(s) were provided, but no name was specified", NotFound per missing name).
 */
import { parseSelector, type ResourceType, type Selector, type Stored } from '../../../../engine';
import type { Effect } from '../../../types';
import type { ApiConnection } from '../client';
import { flagBool, flagString, flagStrings } from '../flags';
import type { Invocation } from '../invocation';
import { readManifests } from '../manifests';
import { parseResourceArgs, resourceKey } from '../resources';
import { prepare } from './apply';

export interface Target {
  readonly type: ResourceType;
  readonly obj: Stored;
}

export type Targets =
  | { readonly ok: true; readonly targets: readonly Target[]; readonly errors: readonly string[] }
  | { readonly ok: false; readonly error: string };

export const NO_RESOURCES = "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** The -l selector, parsed; a string is the error. */
export function selectorOf(inv: Invocation): Selector | undefined | string {
  const text = flagString(inv.flags, 'selector');
  if (text === undefined) return undefined;
  const sel = parseSelector(text);
  return sel.ok ? sel.selector : sel.error;
}

export interface FindOptions {
  /** A bare type means every object of it (--all by default). */
  readonly all?: boolean;
  /** -l filters the objects (false for expose, whose --selector is the new service's). */
  readonly useSelector?: boolean;
}

/** Finds the objects `args` (or -f) name in the client's namespace. */
export function* findTargets(inv: Invocation, conn: ApiConnection, args: readonly string[], opts: FindOptions = {}): Generator<Effect, Targets, unknown> {
  const files = flagStrings(inv.flags, 'filename');
  const all = opts.all ?? flagBool(inv.flags, 'all');
  const selector = opts.useSelector === false ? undefined : selectorOf(inv);
  if (typeof selector === 'string') return { ok: false, error: selector };
  const namespace = conn.settings.namespace;
  const targets: Target[] = [];
  const errors: string[] = [];
  if (files.length > 0) {
    const read = yield* readManifests(inv, files, flagBool(inv.flags, 'recursive'));
    if (!read.ok) return { ok: false, error: read.error };
    for (const m of read.objects) {
      const p = prepare(inv, conn, m, 'getting');
      if (typeof p === 'string') {
        errors.push(p);
        continue;
      }
      const obj = conn.store.get(p.type, p.namespace, p.name);
      if (obj) targets.push({ type: p.type, obj });
      else errors.push(`Error from server (NotFound): ${resourceKey(p.type)} "${p.name}" not found`);
    }
    return { ok: true, targets, errors };
  }
  if (args.length === 0) return { ok: false, error: NO_RESOURCES };
  const parsed = parseResourceArgs(args, false);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  for (const req of parsed.requests) {
    const ns = req.type.namespaced ? namespace : undefined;
    if (req.names.length === 0) {
      if (!all && !selector) return { ok: false, error: 'resource(s) were provided, but no name was specified' };
      targets.push(...conn.store.list(req.type, { namespace: ns, selector }).map((obj) => ({ type: req.type, obj })));
      continue;
    }
    if (selector) return { ok: false, error: 'name cannot be provided when a selector is specified' };
    for (const name of req.names) {
      const obj = conn.store.get(req.type, ns, name);
      if (obj) targets.push({ type: req.type, obj });
      else errors.push(`Error from server (NotFound): ${resourceKey(req.type)} "${name}" not found`);
    }
  }
  return { ok: true, targets, errors };
}

/** `TYPE NAME` and `TYPE/NAME` arguments before `key=value` ones, as GetResourcesAndPairs splits them. */
export function resourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } | string {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const a of args) {
    const isPair = a.includes('=') || a.endsWith('-');
    if (isPair) pairs.push(a);
    else if (pairs.length > 0) return `all resources must be specified before ${pairType} changes: ${a}`;
    else resources.push(a);
  }
  return { resources, pairs };
}
