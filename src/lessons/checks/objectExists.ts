/**
 * `object-exists: { resource: daemonset, namespace: kube-system, name: weave-net }`: the API
 * object is stored (what `kubectl get <resource> <name>` would find). The resource is written
 * as kubectl takes it: plural, singular or short name.
 */
import { resolveResourceType } from '../../engine';
import type { Lang } from '../model';
import { ArgReader } from './args';
import { currentCluster } from './state';
import { definePredicate, type ArgDoc } from './types';

interface Args {
  readonly resource: string;
  readonly namespace: string | undefined;
  readonly name: string;
}

const ARGS: readonly ArgDoc[] = [
  { name: 'resource', required: true, description: 'a resource type as kubectl takes it, e.g. resource: daemonset' },
  { name: 'name', required: true, description: "the object's name, e.g. name: weave-net" },
  { name: 'namespace', required: false, description: 'for namespaced resources; default: default' },
];

export const objectExists = definePredicate<Args>({
  name: 'object-exists',
  summary: 'an API object exists (as `kubectl get <resource> <name>` would find it)',
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('object-exists', raw, ARGS, ctx);
    const resource = r.text('resource');
    const name = r.text('name');
    const namespace = r.text('namespace', 'default');
    const type = resource === undefined ? undefined : resolveResourceType(resource);
    if (resource !== undefined && type === undefined) {
      return { ok: false, errors: [`object-exists: "${resource}" is not a resource type kubectl knows (try daemonset, deployment, pod, service...)`] };
    }
    return r.finish(() => ({ resource: resource!, name: name!, namespace: type?.namespaced ? namespace : undefined }));
  },
  describe({ resource, namespace, name }, lang: Lang) {
    const kind = resolveResourceType(resource)?.singular ?? resource;
    if (lang === 'es') return `existe ${kind} ${name}${namespace ? ` en ${namespace}` : ''}`;
    return `${kind} ${name} exists${namespace ? ` in ${namespace}` : ''}`;
  },
  evaluate(world, { resource, namespace, name }) {
    const type = resolveResourceType(resource);
    const cluster = currentCluster(world);
    return type !== undefined && cluster?.store.get(type, namespace, name) !== undefined;
  },
});
