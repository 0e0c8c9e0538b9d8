/**
 * Two kube-controller-manager loops every namespace meets at once: the service account controller
 * (a `default` ServiceAccount in each namespace) and the root CA publisher (a `kube-root-ca.crt`
 * ConfigMap holding the cluster CA, which every pod mounts). They run while the controller
 * manager's static pod does.
 */
import type { ConfigMap, Namespace, ServiceAccount } from 'kubernetes-types/core/v1';
import { mustResolve } from '../../api/resources';
import type { WatchEvent } from '../../api/types';
import type { Controller } from '../../controllers/manager';
import type { Cluster } from '../cluster';
import { caCertPem } from '../kubeadm/pki';

const NAMESPACES = mustResolve('namespaces');
const SERVICE_ACCOUNTS = mustResolve('serviceaccounts');
const CONFIGMAPS = mustResolve('configmaps');
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

export class NamespaceDefaultsController implements Controller {
  readonly name = 'controller:serviceaccount';

  constructor(private readonly cluster: Cluster, private readonly running: () => boolean) {}

  enabled(): boolean {
    return this.running();
  }

  keysFor(event: WatchEvent): readonly string[] {
    switch (event.resource) {
      case 'namespaces':
        return [event.object.metadata.name];
      case 'serviceaccounts':
        return event.type === 'DELETED' && event.object.metadata.name === 'default' ? [event.object.metadata.namespace ?? 'default'] : [];
      case 'configmaps':
        return event.object.metadata.name === ROOT_CA_CONFIGMAP ? [event.object.metadata.namespace ?? 'default'] : [];
      default:
        return [];
    }
  }

  resync(): readonly string[] {
    return this.cluster.store.list<Namespace>(NAMESPACES).map((n) => n.metadata.name);
  }

  reconcile(namespace: string): void {
    const store = this.cluster.store;
    const ns = store.get<Namespace>(NAMESPACES, undefined, namespace);
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') return;
    if (!store.get(SERVICE_ACCOUNTS, namespace, 'default')) {
      store.create<ServiceAccount>(SERVICE_ACCOUNTS, { metadata: { name: 'default', namespace } }, 'controller:serviceaccount');
    }
    const data = { 'ca.crt': caCertPem(this.cluster) };
    const cm = store.get<ConfigMap>(CONFIGMAPS, namespace, ROOT_CA_CONFIGMAP);
    const annotations = { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' };
    if (!cm) {
      store.create<ConfigMap>(CONFIGMAPS, { metadata: { name: ROOT_CA_CONFIGMAP, namespace, annotations }, data }, 'controller:root-ca-cert-publisher');
    } else if (cm.data?.['ca.crt'] !== data['ca.crt']) {
      store.mutate<ConfigMap>(CONFIGMAPS, namespace, ROOT_CA_CONFIGMAP, 'controller:root-ca-cert-publisher', (draft) => {
        draft.data = data;
      });
    }
  }
}
