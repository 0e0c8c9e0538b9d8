/**
 * Kubeconfig files as kubeadm writes them (clientcmd's YAML: keys sorted, lists unindented):
 * admin.conf for kubernetes-admin, the controller manager's and scheduler's, and the kubelet's,
 * which after TLS bootstrap points at its rotating client certificate on disk.
 */
import { yamlDocument } from '../../util/yamlWrite';
import { CLUSTER_NAME } from '../constants';

export type KubeconfigUser =
  | { readonly kind: 'data'; readonly certData: string; readonly keyData: string }
  | { readonly kind: 'files'; readonly certFile: string; readonly keyFile: string }
  | { readonly kind: 'token'; readonly token: string };

export interface KubeconfigSpec {
  readonly server: string;
  readonly caData: string;
  readonly user: string;
  readonly credentials: KubeconfigUser;
}

export function kubeconfigYaml(spec: KubeconfigSpec): string {
  const context = `${spec.user}@${CLUSTER_NAME}`;
  const user = spec.credentials.kind === 'data'
    ? { 'client-certificate-data': spec.credentials.certData, 'client-key-data': spec.credentials.keyData }
    : spec.credentials.kind === 'files'
      ? { 'client-certificate': spec.credentials.certFile, 'client-key': spec.credentials.keyFile }
      : { token: spec.credentials.token };
  return goYaml({
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': spec.caData, server: spec.server }, name: CLUSTER_NAME }],
    contexts: [{ context: { cluster: CLUSTER_NAME, user: spec.user }, name: context }],
    'current-context': context,
    kind: 'Config',
    preferences: {},
    users: [{ name: spec.user, user }],
  });
}

/**
 * YAML the way Go's sigs.k8s.io/yaml marshals: sorted keys, `- ` items flush with their key, no
 * wrapping, double quotes where a plain string would read back as something else ("", "true"),
 * every value written out in full (no anchors).
 */
export function goYaml(value: unknown): string {
  return yamlDocument(value, { sortKeys: true, indentSequences: false });
}
