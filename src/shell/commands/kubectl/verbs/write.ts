/**
 * What the write verbs share: --dry-run and -o handling, the lines kubectl prints after a write
 * (`deployment.apps/web scaled`, `pod/x created (dry run)`), cmdutil.CheckErr's wording for API
 * errors (Invalid ones read "The Pod "x" is invalid: ..."). Validation is the API server's
 * (src/engine/api/validation.ts): kubectl prints the error the store gives back.
 */
import { resolvePath, type ApiError, type ApiResult, type KubeObject, type ResourceType } from '../../../../engine';
import { toGoJson } from '../../../format/json';
import { toYaml } from '../../../format/yaml';
import type { ApiConnection } from '../client';
import { flagString, type FlagDef } from '../flags';
import type { Invocation } from '../invocation';
import { parseOutput, printJsonpath, type OutputSpec } from '../printers/output';
import { kindPrefix } from '../resources';

export type DryRun = 'none' | 'client' | 'server';

export const DRY_RUN_FLAG: FlagDef = {
  name: 'dry-run', kind: 'string', defaultText: "'none'", values: ['none', 'client', 'server'],
  description: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};

export const WRITE_OUTPUT_FLAG: FlagDef = {
  name: 'output', short: 'o', kind: 'string', defaultText: "''", values: ['json', 'yaml', 'name', 'jsonpath='],
  description: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
};

/** The --dry-run value, or the error kubectl prints for a bad one. */
export function dryRunOf(inv: Invocation): DryRun | { error: string } {
  const v = flagString(inv.flags, 'dry-run') ?? 'none';
  if (v === 'none' || v === 'client' || v === 'server') return v;
  return { error: `Invalid dry-run value (${v}). Must be "none", "server", or "client".` };
}

const WRITE_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** The -o printer of a write verb (no tables), or the error kubectl gives. */
function outputOf(inv: Invocation): OutputSpec | string {
  const o = flagString(inv.flags, 'output') ?? '';
  const parsed = parseOutput(o, (path) => {
    const r = inv.ctx.host.fs.readFile(resolvePath(path, inv.ctx.cwd));
    return r.ok ? r.value : undefined;
  });
  if (!parsed.ok) return parsed.error.startsWith('unable to match') ? `unable to match a printer suitable for the output format "${o}", allowed formats are: ${WRITE_FORMATS}` : parsed.error;
  if (o !== '' && (parsed.spec.kind === 'table' || parsed.spec.kind === 'custom-columns')) {
    return `unable to match a printer suitable for the output format "${o}", allowed formats are: ${WRITE_FORMATS}`;
  }
  return parsed.spec;
}

/** -o must be one kubectl's write verbs know; undefined when it is fine. */
export function badOutput(inv: Invocation): string | undefined {
  const spec = outputOf(inv);
  return typeof spec === 'string' ? spec : undefined;
}

/** Prints the object per -o, or `<kind>/<name> <operation>` with the dry-run suffix. */
export function printWritten(inv: Invocation, type: ResourceType, obj: KubeObject, operation: string, dryRun: DryRun): void {
  const spec = outputOf(inv);
  const name = obj.metadata?.name ?? '';
  if (typeof spec === 'string') return;
  if (spec.kind === 'yaml') inv.out(toYaml(obj));
  else if (spec.kind === 'json') inv.out(toGoJson(obj, dryRun === 'client' ? { indent: '    ', sortKeys: false } : undefined));
  else if (spec.kind === 'name') inv.out(`${kindPrefix(type)}/${name}\n`);
  else if (spec.kind === 'jsonpath') {
    const printed = printJsonpath(spec, obj);
    inv.out(printed.text);
    if (printed.error) inv.err(`error: ${printed.error}`);
  } else inv.out(`${kindPrefix(type)}/${name} ${operation}${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`);
}

/** cmdutil.CheckErr: Invalid errors as "The Kind "name" is invalid: ...", the rest as the server said. */
export function apiErrorText(error: ApiError): string {
  if (error.reason === 'Invalid') {
    const m = /^([A-Za-z]+)(?:\.[a-z0-9.]+)? ("[^"]*") is invalid: (.*)$/s.exec(error.message);
    if (m) {
      // Status.details.causes when the server sent them (a cause may hold ", " itself).
      const causes = error.causes ?? (m[3]!.startsWith('[') ? m[3]!.slice(1, -1).split(', ') : [m[3]!]);
      return causes.length === 1 ? `The ${m[1]} ${m[2]} is invalid: ${causes[0]}` : `The ${m[1]} ${m[2]} is invalid: \n${causes.map((c) => `* ${c}`).join('\n')}`;
    }
  }
  return error.toKubectl();
}

/**
 * POST of a generated object (the server validates it). The namespace is the client's; status
 * and null timestamps are the server's to fill.
 */
export function createOnServer(conn: ApiConnection, type: ResourceType, obj: KubeObject, dryRun: DryRun): ApiResult<KubeObject> {
  const input = { ...obj, metadata: { ...obj.metadata, ...(type.namespaced ? { namespace: conn.settings.namespace } : {}) } } as Record<string, unknown>;
  delete (input.metadata as Record<string, unknown>).creationTimestamp;
  delete input.status;
  return dryRun === 'server' ? conn.store.createDryRun(type, input as KubeObject) : conn.store.create(type, input as KubeObject, 'user:kubectl');
}
