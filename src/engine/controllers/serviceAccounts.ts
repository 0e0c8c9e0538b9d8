/**
 * Two small kube-controller-manager loops that fill every namespace: the serviceaccount
 * controller keeps a `default` ServiceAccount in each, and root-ca-cert-publisher keeps the
 * `kube-root-ca.crt` ConfigMap holding the cluster CA that pods use to trust the API server.
 */
import type { ConfigMap, Namespace, ServiceAccount, WatchEvent } from '../api/types';
import { KEY, R, type ControllerContext } from './context';
import { ControlLoop } from './controlLoop';

function isActive(ns: Namespace | undefined): boolean {
  return ns !== undefined && !ns.metadata?.deletionTimestamp;
}

export class ServiceAccountController extends ControlLoop {
  readonly name = 'controller:serviceaccount';

  keysFor(event: WatchEvent): readonly string[] {
    if (event.resource === KEY.namespaces) return event.type === 'ADDED' ? [event.object.metadata.name] : [];
    if (event.resource === KEY.serviceaccounts && event.type === 'DELETED' && event.object.metadata.name === 'default') return [event.object.metadata.namespace ?? 'default'];
    return [];
  }

  resync(): readonly string[] {
    return this.ctx.store.list(R.namespaces).map((ns) => ns.metadata.name);
  }

  reconcile(namespace: string): void {
    const { store } = this.ctx;
    if (!isActive(store.get<Namespace>(R.namespaces, undefined, namespace))) return;
    if (store.get(R.serviceaccounts, namespace, 'default')) return;
    store.create<ServiceAccount>(R.serviceaccounts, { metadata: { name: 'default', namespace } }, this.name);
  }
}

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const DESCRIPTION = 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

export class RootCaPublisher extends ControlLoop {
  readonly name = 'controller:root-ca-cert-publisher';

  constructor(
    ctx: ControllerContext,
    /** The CA certificate in PEM form. */
    private readonly caPem: string,
    running?: () => boolean,
  ) {
    super(ctx, running);
  }

  keysFor(event: WatchEvent): readonly string[] {
    if (event.resource === KEY.namespaces) return event.type === 'ADDED' ? [event.object.metadata.name] : [];
    if (event.resource === KEY.configmaps && event.object.metadata.name === ROOT_CA_CONFIGMAP && event.actor !== this.name) {
      return [event.object.metadata.namespace ?? 'default'];
    }
    return [];
  }

  resync(): readonly string[] {
    return this.ctx.store.list(R.namespaces).map((ns) => ns.metadata.name);
  }

  reconcile(namespace: string): void {
    const { store } = this.ctx;
    if (!isActive(store.get<Namespace>(R.namespaces, undefined, namespace))) return;
    const data = { 'ca.crt': this.caPem };
    const annotations = { 'kubernetes.io/description': DESCRIPTION };
    const current = store.get<ConfigMap>(R.configmaps, namespace, ROOT_CA_CONFIGMAP);
    if (!current) {
      store.create<ConfigMap>(R.configmaps, { metadata: { name: ROOT_CA_CONFIGMAP, namespace, annotations }, data }, this.name);
      return;
    }
    store.mutate<ConfigMap>(R.configmaps, namespace, ROOT_CA_CONFIGMAP, this.name, (draft) => {
      draft.data = data;
      draft.metadata.annotations = { ...draft.metadata.annotations, ...annotations };
    });
  }
}
