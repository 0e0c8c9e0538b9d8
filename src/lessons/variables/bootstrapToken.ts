/**
 * The join token as kubeadm stores it: a Secret `bootstrap-token-<id>` in kube-system of type
 * bootstrap.kubernetes.io/token, whose data holds token-id, token-secret and expiration.
 */
import { base64Decode, mustResolve, parseTime, type Cluster, type Secret } from '../../engine';

const SECRETS = mustResolve('secrets');
const TOKEN_TYPE = 'bootstrap.kubernetes.io/token';

function field(secret: Secret, key: string): string | undefined {
  const encoded = secret.data?.[key];
  if (encoded !== undefined) return base64Decode(encoded);
  return secret.stringData?.[key];
}

/** The newest token that hasn't expired, as "abcdef.0123456789abcdef". */
export function currentBootstrapToken(cluster: Cluster, wallNowMs: number): string | undefined {
  const tokens = cluster.store.list<Secret>(SECRETS, { namespace: 'kube-system' }).filter((s) => s.type === TOKEN_TYPE);
  let best: { token: string; created: string; rv: number } | undefined;
  for (const secret of tokens) {
    const id = field(secret, 'token-id');
    const secretPart = field(secret, 'token-secret');
    if (!id || !secretPart) continue;
    const expires = parseTime(field(secret, 'expiration'));
    if (expires !== undefined && expires <= wallNowMs) continue;
    const created = secret.metadata.creationTimestamp;
    const rv = Number(secret.metadata.resourceVersion);
    if (!best || created > best.created || (created === best.created && rv > best.rv)) best = { token: `${id}.${secretPart}`, created, rv };
  }
  return best?.token;
}
