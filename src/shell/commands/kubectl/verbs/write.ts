/**
 * What the write verbs share: --dry-run and -o handling, the lines kubectl prints after a write
 * (`deployment.apps/web scaled`, `pod/x created (dry run)`), cmdutil.CheckErr's wording for API
 * errors (Invalid ones read "The Pod "x" is invalid: ..."), and the checks the API server makes
 * on what the generators send (names, service types and ports) that the store does not.
 */
import { ApiError, errResult, mustResolve, resolvePath, type ApiResult, type KubeObject, type ResourceType } from '../../../../engine';
import { toGoJson } from '../../../format/json';
import { toYaml } from '../../../format/yaml';
import type { ApiConnection } from '../client';
import { flagString, type FlagDef } from '../flags';
import type { Invocation } from '../invocation';
import { parseOutput, printJsonpath, type OutputSpec } from '../printers/output';
import { kindPrefix } from '../resources';
import { workloadCauses } from './validateWorkloads';

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

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_1123_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const LABEL_1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

/** The API server's validation of a new object (or of an update to `previous`), for what the store itself does not check. */
export function validationCauses(type: ResourceType, obj: KubeObject, previous?: KubeObject): string[] {
  const causes: string[] = [];
  const name = obj.metadata?.name ?? '';
  if (name !== '') {
    const [re, msg, max] = type.kind === 'Service' ? [LABEL_1035, LABEL_1035_MSG, 63] as const
      : type.kind === 'Namespace' ? [LABEL_1123, LABEL_1123_MSG, 63] as const : [SUBDOMAIN, SUBDOMAIN_MSG, 253] as const;
    if (name.length > max) causes.push(`metadata.name: Invalid value: "${name}": must be no more than ${max} characters`);
    else if (!re.test(name)) causes.push(`metadata.name: Invalid value: "${name}": ${msg}`);
  }
  if (type.kind === 'Service') {
    const spec = (obj as { spec?: { type?: string; ports?: { port?: number }[] } }).spec ?? {};
    const svcType = spec.type ?? 'ClusterIP';
    if (!(spec.ports?.length) && svcType !== 'ExternalName') causes.push('spec.ports: Required value');
    (spec.ports ?? []).forEach((p, i) => {
      if (!(typeof p.port === 'number' && p.port >= 1 && p.port <= 65535)) causes.push(`spec.ports[${i}].port: Invalid value: ${String(p.port ?? 0)}: must be between 1 and 65535, inclusive`);
    });
    if (!SERVICE_TYPES.includes(svcType)) causes.push(`spec.type: Unsupported value: "${svcType}": supported values: ${SERVICE_TYPES.map((t) => `"${t}"`).join(', ')}`);
  }
  causes.push(...workloadCauses(type.kind, obj, previous));
  return causes;
}

/** `Deployment.apps "web" is invalid: ...`, the message the server returns. */
export function invalidError(type: ResourceType, name: string, causes: readonly string[]): ApiError {
  const kind = type.group ? `${type.kind}.${type.group}` : type.kind;
  return new ApiError('Invalid', `${kind} "${name}" is invalid: ${causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`}`, causes);
}

/**
 * POST of a generated object: server-side validation, then the store (unless a dry run). The
 * namespace is the client's; status and null timestamps are the server's to fill.
 */
export function createOnServer(conn: ApiConnection, type: ResourceType, obj: KubeObject, dryRun: DryRun): ApiResult<KubeObject> {
  const name = obj.metadata?.name ?? '';
  const causes = validationCauses(type, obj);
  if (causes.length > 0) return errResult(invalidError(type, name, causes));
  const input = { ...obj, metadata: { ...obj.metadata, ...(type.namespaced ? { namespace: conn.settings.namespace } : {}) } } as Record<string, unknown>;
  delete (input.metadata as Record<string, unknown>).creationTimestamp;
  delete input.status;
  if (dryRun === 'server') {
    if (type.namespaced && !conn.store.get(NAMESPACES, undefined, conn.settings.namespace)) {
      return errResult(new ApiError('NotFound', `namespaces "${conn.settings.namespace}" not found`));
    }
    if (conn.store.get(type, conn.settings.namespace, name)) return errResult(new ApiError('AlreadyExists', `${type.group ? `${type.plural}.${type.group}` : type.plural} "${name}" already exists`));
    return { ok: true, value: input as KubeObject };
  }
  return conn.store.create(type, input as KubeObject, 'user:kubectl');
}

const NAMESPACES = mustResolve('namespaces');
