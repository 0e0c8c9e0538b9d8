/**
 * `--field-selector`: the API server's field selectors. Each type supports metadata.name and
 * metadata.namespace plus a few fields of its own (the list the real apiserver registers per type);
 * anything else is the server's BadRequest, which kubectl wraps in its "Unable to find" sentence.
 */
import { apiVersionOf, resourceKey, type ResourceType, type Stored } from '../../../../engine';

export interface FieldRequirement {
  readonly field: string;
  readonly op: '=' | '!=';
  readonly value: string;
}

export type FieldSelectorParse = { readonly ok: true; readonly requirements: readonly FieldRequirement[] } | { readonly ok: false; readonly error: string };

/** fields.ParseSelector: `a=b,c!=d`, `==` the same as `=`; `\,` `\=` escape. */
export function parseFieldSelector(text: string): FieldSelectorParse {
  const requirements: FieldRequirement[] = [];
  for (const term of splitTerms(text)) {
    if (term === '') continue;
    const m = /^(.*?)(!=|==|=)(.*)$/.exec(term);
    if (!m) return { ok: false, error: `invalid selector: '${text}'; can't understand '${term}'` };
    requirements.push({ field: m[1]!.trim(), op: m[2] === '!=' ? '!=' : '=', value: unescapeValue(m[3]!.trim()) });
  }
  return { ok: true, requirements };
}

function splitTerms(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      cur += ch + text[++i]!;
    } else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function unescapeValue(v: string): string {
  return v.replace(/\\(.)/g, '$1');
}

const COMMON = ['metadata.name', 'metadata.namespace'];

const FIELDS: Readonly<Record<string, readonly string[]>> = {
  pods: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName'],
  nodes: ['spec.unschedulable'],
  namespaces: ['status.phase'],
  secrets: ['type'],
  events: [
    'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion',
    'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type',
  ],
  'replicasets.apps': ['status.replicas'],
  replicationcontrollers: ['status.replicas'],
  'jobs.batch': ['status.successful'],
};

/** `"/v1, Resource=pods"`: how schema.GroupVersionResource prints in kubectl's sentence. */
function gvr(type: ResourceType): string {
  const apiVersion = apiVersionOf(type);
  return `${apiVersion.includes('/') ? apiVersion : `/${apiVersion}`}, Resource=${type.plural}`;
}

/** The field's value as the apiserver's field set holds it (strings; missing is ""). */
function fieldValue(obj: Stored, key: string, field: string): string {
  if (key === 'events' && field === 'source') {
    const source = (obj as unknown as { source?: { component?: string } }).source;
    return source?.component ?? '';
  }
  if (field === 'status.podIPs') {
    const ips = (obj as unknown as { status?: { podIPs?: { ip: string }[] } }).status?.podIPs ?? [];
    return ips[0]?.ip ?? '';
  }
  let cur: unknown = obj;
  for (const part of field.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) return field === 'spec.unschedulable' || field === 'spec.hostNetwork' ? 'false' : '';
  return String(cur);
}

export type FieldFilter = { readonly ok: true; matches(obj: Stored): boolean } | { readonly ok: false; readonly error: string };

/**
 * A filter for one type, or the error kubectl prints when the server refuses a field:
 * `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector
 * "", field selector "x=y": field label not supported: x`.
 */
export function fieldFilter(type: ResourceType, text: string, labelSelector: string): FieldFilter {
  const key = resourceKey(type);
  const prefix = `Error from server (BadRequest): Unable to find "${gvr(type)}" that match label selector "${labelSelector}", field selector "${text}": `;
  const parsed = parseFieldSelector(text);
  if (!parsed.ok) return { ok: false, error: prefix + parsed.error };
  const supported = [...COMMON, ...(FIELDS[key] ?? [])];
  const bad = parsed.requirements.find((r) => !supported.includes(r.field));
  if (bad) return { ok: false, error: `${prefix}field label not supported: ${bad.field}` };
  const reqs = parsed.requirements;
  return {
    ok: true,
    matches: (obj) => reqs.every((r) => (fieldValue(obj, key, r.field) === r.value) === (r.op === '=')),
  };
}
