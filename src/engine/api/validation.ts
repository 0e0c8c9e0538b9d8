/**
 * The API server's validation of what it is asked to store (the registry strategies' Validate and
 * ValidateUpdate of Kubernetes v1.27), for the fields learners get wrong: names, a workload's
 * replicas, selector, template and containers, immutable selectors (Services: services/validation.ts). It
 * runs in ApiStore on every create, update and dry run, so kubectl, the automation API and the
 * controllers all meet the same server; kubectl only prints the error it gets back.
 */
import { invalid, type ApiError } from './errors';
import type { ResourceType } from './resources';
import type { KubeObject } from './types';
import { workloadCauses } from './validateWorkloads';

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_1123_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

/** RBAC objects are named with path segments ("system:node" is fine), the rest as DNS names. */
const PATH_SEGMENT_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

function nameCauses(kind: string, name: string): string[] {
  if (name === '') return [];
  if (PATH_SEGMENT_KINDS.has(kind)) {
    // path.ValidatePathSegmentName
    if (name === '.' || name === '..') return [`metadata.name: Invalid value: "${name}": may not be '${name}'`];
    for (const bad of ['/', '%']) if (name.includes(bad)) return [`metadata.name: Invalid value: "${name}": may not contain '${bad}'`];
    return [];
  }
  const [re, msg, max] = kind === 'Namespace' ? [LABEL_1123, LABEL_1123_MSG, 63] as const : [SUBDOMAIN, SUBDOMAIN_MSG, 253] as const;
  if (name.length > max) return [`metadata.name: Invalid value: "${name}": must be no more than ${max} characters`];
  if (!re.test(name)) return [`metadata.name: Invalid value: "${name}": ${msg}`];
  return [];
}

/** The field errors of a new object, or of an update to `previous`; empty when it may be stored. */
export function validationCauses(type: ResourceType, obj: KubeObject, previous?: KubeObject): string[] {
  // A Service's whole validation, its DNS-1035 name included, is services/validation.ts (an admission step).
  if (type.kind === 'Service') return [];
  return [...nameCauses(type.kind, obj.metadata?.name ?? ''), ...workloadCauses(type.kind, obj, previous)];
}

/** `Deployment.apps "web" is invalid: ...`: the Invalid error the API server returns for `causes`. */
export function invalidObject(type: ResourceType, name: string, causes: readonly string[]): ApiError {
  return invalid(type.group ? `${type.kind}.${type.group}` : type.kind, name, causes);
}
