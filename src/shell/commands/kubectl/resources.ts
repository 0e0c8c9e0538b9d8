/**
 * Turning kubectl's resource arguments into what to fetch, as resource.Builder does:
 * `pods`, `pods,svc`, `pod web db`, `pod/web svc/web`, `deploy.apps/web`, and the `all` category.
 */
import { apiVersionOf, resolveResourceType, resourceKey, type ResourceType } from '../../../engine';

export interface ResourceRequest {
  readonly type: ResourceType;
  /** Empty: every object of the type (in scope). */
  readonly names: readonly string[];
}

export type ResourceArgs =
  | { readonly ok: true; readonly requests: readonly ResourceRequest[]; readonly multipleTypes: boolean; readonly singleItem: boolean }
  | { readonly ok: false; readonly error: string };

/** What `kubectl get all` expands to, in kubectl's order. */
export const ALL_CATEGORY = [
  'pods', 'replicationcontrollers', 'services', 'daemonsets.apps', 'deployments.apps', 'replicasets.apps', 'statefulsets.apps',
  'horizontalpodautoscalers.autoscaling', 'cronjobs.batch', 'jobs.batch',
];

function resolve(input: string): ResourceType | undefined {
  return resolveResourceType(input);
}

export function unknownType(name: string): string {
  return `the server doesn't have a resource type "${name}"`;
}

/** Parses resource arguments; `allowAll` enables the `all` category (get, delete). */
export function parseResourceArgs(args: readonly string[], allowAll = true): ResourceArgs {
  if (args.length === 0) return { ok: true, requests: [], multipleTypes: false, singleItem: false };
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      return {
        ok: false,
        error: "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      };
    }
    const requests: ResourceRequest[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      const typeName = arg.slice(0, slash);
      const name = arg.slice(slash + 1);
      if (name === '') return { ok: false, error: `arguments in resource/name form must have a single resource and name` };
      const type = resolve(typeName);
      if (!type) return { ok: false, error: unknownType(typeName) };
      const existing = requests.find((r) => r.type === type);
      if (existing) (existing.names as string[]).push(name);
      else requests.push({ type, names: [name] });
    }
    return { ok: true, requests, multipleTypes: requests.length > 1, singleItem: args.length === 1 };
  }
  const [typeArg, ...names] = args as [string, ...string[]];
  const types: ResourceType[] = [];
  for (const part of typeArg.split(',')) {
    if (part === '') continue;
    if (allowAll && part.toLowerCase() === 'all') {
      for (const key of ALL_CATEGORY) {
        const t = resolve(key);
        if (t && !types.includes(t)) types.push(t);
      }
      continue;
    }
    const type = resolve(part);
    if (!type) return { ok: false, error: unknownType(part) };
    if (!types.includes(type)) types.push(type);
  }
  const multipleTypes = types.length > 1 || typeArg.split(',').some((p) => p.toLowerCase() === 'all');
  return {
    ok: true,
    requests: types.map((type) => ({ type, names })),
    multipleTypes,
    singleItem: types.length === 1 && names.length === 1,
  };
}

/** "pod", "deployment.apps", "clusterrole.rbac.authorization.k8s.io": how kubectl names a kind in output. */
export function kindPrefix(type: ResourceType): string {
  return type.group ? `${type.singular}.${type.group}` : type.singular;
}

export { apiVersionOf, resourceKey };
