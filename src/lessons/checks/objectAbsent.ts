/**
 * `object-absent: { resource: namespace, name: sandbox }`: the API object is gone, what
 * `kubectl get namespace sandbox` answers with NotFound. An object still Terminating (a namespace
 * emptying itself, a pod in its grace period) is not gone yet. Ordered: in the page it counts only
 * once the checked steps before it are done, since before they ran the object was absent too.
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
  { name: 'resource', required: true, description: 'a resource type as kubectl takes it, e.g. resource: namespace' },
  { name: 'name', required: true, description: "the object's name, e.g. name: sandbox" },
  { name: 'namespace', required: false, description: 'for namespaced resources; default: default' },
];

export const objectAbsent = definePredicate<Args>({
  name: 'object-absent',
  summary: 'an API object is gone (deleted and no longer Terminating), as `kubectl get` answers NotFound',
  // Before the lesson created the object, it is "absent" too: wait for the steps that create it.
  ordered: true,
  args: ARGS,
  validate(raw, ctx) {
    const r = new ArgReader('object-absent', raw, ARGS, ctx);
    const resource = r.text('resource');
    const name = r.text('name');
    const namespace = r.text('namespace', 'default');
    const type = resource === undefined ? undefined : resolveResourceType(resource);
    if (resource !== undefined && type === undefined) {
      return { ok: false, errors: [`object-absent: "${resource}" is not a resource type kubectl knows (try namespace, deployment, pod, service...)`] };
    }
    return r.finish(() => ({ resource: resource!, name: name!, namespace: type?.namespaced ? namespace : undefined }));
  },
  describe({ resource, namespace, name }, lang: Lang) {
    const kind = resolveResourceType(resource)?.singular ?? resource;
    // The default namespace goes without saying, as kubectl's own messages omit it.
    const where = namespace === undefined || namespace === 'default' ? '' : lang === 'es' ? ` en ${namespace}` : ` in ${namespace}`;
    return lang === 'es' ? `${kind} ${name}${where} ya no existe` : `${kind} ${name}${where} is gone`;
  },
  // Without a cluster nothing exists, but "gone" means it was there: only a running cluster answers.
  evaluate(world, { resource, namespace, name }) {
    const type = resolveResourceType(resource);
    const cluster = currentCluster(world);
    return type !== undefined && cluster !== undefined && cluster.store.get(type, namespace, name) === undefined;
  },
});
