/**
 * `kubeadm join` as engine operations: flag validation, preflight, token discovery (dial the
 * endpoint, find the token's signature in cluster-info, check the CA against the pinned hash),
 * then the files a worker gets and its kubelet's TLS bootstrap. Nothing changes until discovery
 * succeeds, so a failed join leaves the host as it was.
 */
import type { CertificateSigningRequest } from 'kubernetes-types/certificates/v1';
import { mustResolve } from '../../api/resources';
import type { Host } from '../../host/host';
import type { World } from '../../world';
import type { Random } from '../../random';
import { isApiServerService, type Cluster } from '../cluster';
import { PKI_DIR } from '../constants';
import { Kubelet } from '../kubelet/kubelet';
import { caCertPem, pem } from './pki';
import { kubeconfigYaml } from './kubeconfig';
import { KUBELET_CLIENT_CURRENT, writeKubeletConfig, writeKubeletPki } from './kubeletFiles';
import { ignoredChecks, joinChecks, runChecks, type PreflightResult } from './preflight';
import { TOKEN_PATTERN, findToken, isExpired } from './tokens';
import { base64Encode } from '../../util/base64';
import { rfc3339 } from '../../util/time';

export interface JoinOptions {
  /** "192.168.0.8:6443", the first argument. */
  readonly endpoint: string | undefined;
  readonly token: string | undefined;
  readonly caCertHashes: readonly string[];
  readonly unsafeSkipCaVerification: boolean;
  readonly ignorePreflightErrors: readonly string[];
}

export type DiscoveryAttempt =
  | { readonly kind: 'ok'; readonly cluster: Cluster }
  /** Not yet: kubeadm polls every 5 s until its 5-minute timeout, then fails with this error. */
  | { readonly kind: 'retry'; readonly error: string }
  | { readonly kind: 'fail'; readonly error: string };

export const DISCOVERY_RETRY_MS = 5_000;

/** The one-line join command for a token (what `kubeadm token create --print-join-command` prints, minus its trailing space). */
export function joinCommandFor(cluster: Cluster, token: string): string {
  return `kubeadm join ${cluster.endpoint} --token ${token} --discovery-token-ca-cert-hash ${cluster.ca.hash}`;
}

/** Configuration errors kubeadm reports before running any phase (field errors, as one aggregate). */
export function validateJoin(opts: JoinOptions): string | undefined {
  const errors: string[] = [];
  const token = opts.token ?? '';
  if (opts.caCertHashes.length === 0 && !opts.unsafeSkipCaVerification) {
    errors.push('discovery.bootstrapToken.caCertHashes: Invalid value: "": using token-based discovery without caCertHashes can be unsafe. '
      + 'Set unsafeSkipCAVerification as true in your kubeadm config file or pass --discovery-token-unsafe-skip-ca-verification flag to continue');
  }
  if (!TOKEN_PATTERN.test(token)) errors.push(`discovery.bootstrapToken.token: Invalid value: "${token}": the bootstrap token is invalid`);
  const endpoint = opts.endpoint ?? '';
  if (!/^[^:]+:\d+$/.test(endpoint)) {
    errors.push(`discovery.bootstrapToken.apiServerEndpoint: Invalid value: "${endpoint}": address ${endpoint}: missing port in address`);
  }
  if (!TOKEN_PATTERN.test(token)) errors.push(`discovery.tlsBootstrapToken: Invalid value: "${token}": the bootstrap token is invalid`);
  if (errors.length === 0) return undefined;
  return errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
}

export function joinPreflight(world: World, host: Host, opts: JoinOptions): PreflightResult {
  return runChecks(joinChecks(world, host), ignoredChecks(opts.ignorePreflightErrors));
}

/** One try at fetching and validating cluster-info, as kubeadm's token discovery does. */
export function discoveryAttempt(world: World, host: Host, opts: JoinOptions): DiscoveryAttempt {
  const endpoint = opts.endpoint ?? '';
  const [address = '', portText = ''] = endpoint.split(':');
  const url = `https://${endpoint}/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s`;
  const dial = world.network.dial(host.name, address, Number(portText));
  if (!dial.ok) {
    const why = dial.reason === 'refused' ? 'connection refused' : 'no route to host';
    return { kind: 'retry', error: `Get "${url}": dial tcp ${endpoint}: connect: ${why}` };
  }
  const service = dial.listener.service;
  if (!isApiServerService(service) || !service.cluster.apiServerUp) {
    return { kind: 'retry', error: `Get "${url}": dial tcp ${endpoint}: connect: connection refused` };
  }
  const cluster = service.cluster;
  const m = TOKEN_PATTERN.exec(opts.token ?? '')!;
  const token = findToken(cluster, m[1]!);
  if (!token || isExpired(token, world.wallNow())) {
    return { kind: 'retry', error: `could not find a JWS signature in the cluster-info ConfigMap for token ID "${m[1]}"` };
  }
  if (token.secret !== m[2]) {
    return { kind: 'fail', error: "failed to verify JWS signature of received cluster info object, can't trust this API Server" };
  }
  if (opts.unsafeSkipCaVerification && opts.caCertHashes.length === 0) return { kind: 'ok', cluster };
  for (const hash of opts.caCertHashes) {
    const parts = hash.split(':');
    if (parts.length !== 2) {
      return { kind: 'fail', error: 'invalid discovery token CA certificate hash: invalid hash, expected "format:hex-value". Known format(s) are: sha256' };
    }
    const [format = '', value = ''] = parts;
    if (format.toLowerCase() !== 'sha256') {
      return { kind: 'fail', error: `invalid discovery token CA certificate hash: unknown hash format "${format}". Known format(s) are: sha256` };
    }
    if (value.length !== 64) {
      return { kind: 'fail', error: `invalid discovery token CA certificate hash: expected a 32 byte SHA-256 hash, found ${Math.floor(value.length / 2)} bytes` };
    }
    if (!/^[0-9a-fA-F]+$/.test(value)) {
      return { kind: 'fail', error: 'invalid discovery token CA certificate hash: could not decode SHA-256 from hex: encoding/hex: invalid byte' };
    }
  }
  if (!opts.caCertHashes.some((h) => h.toLowerCase() === cluster.ca.hash)) {
    return { kind: 'fail', error: `cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "${cluster.ca.hash}" are pinned` };
  }
  return { kind: 'ok', cluster };
}

/** [kubelet-start]: the CA, the bootstrap kubeconfig, the kubelet's config; then the kubelet starts. */
export function startJoinedKubelet(world: World, host: Host, cluster: Cluster, token: string): Kubelet {
  const fs = host.fs;
  fs.mkdir(PKI_DIR, { parents: true });
  fs.writeFile(`${PKI_DIR}/ca.crt`, caCertPem(cluster));
  fs.writeFile('/etc/kubernetes/bootstrap-kubelet.conf', kubeconfigYaml({
    server: `https://${cluster.endpoint}`, caData: cluster.ca.certData, user: 'tls-bootstrap-token-user', credentials: { kind: 'token', token },
  }), { mode: 0o600 });
  writeKubeletConfig(fs);
  // With preflight errors ignored a kubelet may already run here: kubeadm restarts it with the new config.
  if (host.kubelet instanceof Kubelet) host.kubelet.stop();
  const kubelet = new Kubelet({ world, host, cluster });
  kubelet.start();
  return kubelet;
}

/** The TLS bootstrap is over once the kubelet has registered its Node. */
export function tlsBootstrapDone(cluster: Cluster, nodeName: string): boolean {
  return cluster.store.get(mustResolve('nodes'), undefined, nodeName) !== undefined;
}

/** The kubelet got its certificate: kubelet.conf points at it and the bootstrap kubeconfig goes away. */
export function finishTlsBootstrap(world: World, host: Host, cluster: Cluster, token: string): void {
  const random = cluster.random.fork(`join/${host.name}/${world.now()}`);
  const stamp = new Date(world.wallNow()).toISOString().slice(0, 19).replace(/[T:]/g, '-');
  writeKubeletPki(host.fs, random, stamp);
  host.fs.writeFile('/etc/kubernetes/kubelet.conf', kubeconfigYaml({
    server: `https://${cluster.endpoint}`, caData: cluster.ca.certData, user: 'default-auth',
    credentials: { kind: 'files', certFile: KUBELET_CLIENT_CURRENT, keyFile: KUBELET_CLIENT_CURRENT },
  }).replace(/default-auth@kubernetes/g, 'default-context'), { mode: 0o600 });
  host.fs.remove('/etc/kubernetes/bootstrap-kubelet.conf');
  recordCsr(cluster, host.name, token, random.fork('csr'));
}

/** The CertificateSigningRequest the kubelet posted, auto-approved as kubeadm's RBAC allows. */
function recordCsr(cluster: Cluster, nodeName: string, token: string, random: Random): void {
  const now = rfc3339(cluster.store.wallNow());
  cluster.store.create<CertificateSigningRequest>(mustResolve('certificatesigningrequests'), {
    metadata: { generateName: 'csr-' },
    spec: {
      groups: ['system:bootstrappers', 'system:bootstrappers:kubeadm:default-node-token', 'system:authenticated'],
      request: base64Encode(pem('CERTIFICATE REQUEST', random, 260)),
      signerName: 'kubernetes.io/kube-apiserver-client-kubelet',
      usages: ['digital signature', 'client auth'],
      username: `system:bootstrap:${token.slice(0, 6)}`,
    },
    status: {
      certificate: base64Encode(pem('CERTIFICATE', random, 700)),
      conditions: [{
        type: 'Approved', status: 'True', reason: 'AutoApproved',
        message: 'Auto approving kubelet client certificate after SubjectAccessReview.', lastUpdateTime: now, lastTransitionTime: now,
      }],
    },
  }, `kubelet:${nodeName}`);
}
