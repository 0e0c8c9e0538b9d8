/**
 * The kubelet's configuration as kubeadm leaves it on a host: /var/lib/kubelet/config.yaml (the
 * KubeletConfiguration from the kubelet-config ConfigMap), kubeadm-flags.env (PWK's containerd
 * socket), and its client/serving certificates under /var/lib/kubelet/pki.
 */
import type { VirtualFs } from '../../host/fs';
import type { Random } from '../../random';
import { CRI_SOCKET, DNS_DOMAIN, DNS_SERVICE_IP, KUBELET_DIR, MANIFESTS_DIR, PAUSE_IMAGE, PKI_DIR } from '../constants';
import { goYaml } from './kubeconfig';
import { pem } from './pki';

export const KUBELET_CONFIG_PATH = `${KUBELET_DIR}/config.yaml`;
export const KUBELET_FLAGS_PATH = `${KUBELET_DIR}/kubeadm-flags.env`;
export const KUBELET_CLIENT_CURRENT = `${KUBELET_DIR}/pki/kubelet-client-current.pem`;

/** The KubeletConfiguration kubeadm generates (zero durations mean "the kubelet's default"). */
export function kubeletConfiguration(): Record<string, unknown> {
  return {
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    authentication: {
      anonymous: { enabled: false },
      webhook: { cacheTTL: '0s', enabled: true },
      x509: { clientCAFile: `${PKI_DIR}/ca.crt` },
    },
    authorization: { mode: 'Webhook', webhook: { cacheAuthorizedTTL: '0s', cacheUnauthorizedTTL: '0s' } },
    cgroupDriver: 'cgroupfs',
    clusterDNS: [DNS_SERVICE_IP],
    clusterDomain: DNS_DOMAIN,
    containerRuntimeEndpoint: '',
    cpuManagerReconcilePeriod: '0s',
    evictionPressureTransitionPeriod: '0s',
    failSwapOn: false,
    fileCheckFrequency: '0s',
    healthzBindAddress: '127.0.0.1',
    healthzPort: 10248,
    httpCheckFrequency: '0s',
    imageMinimumGCAge: '0s',
    kind: 'KubeletConfiguration',
    logging: { flushFrequency: 0, options: { json: { infoBufferSize: '0' } }, verbosity: 0 },
    memorySwap: {},
    nodeStatusReportFrequency: '0s',
    nodeStatusUpdateFrequency: '0s',
    resolvConf: '/etc/resolv.conf',
    rotateCertificates: true,
    runtimeRequestTimeout: '0s',
    shutdownGracePeriod: '0s',
    shutdownGracePeriodCriticalPods: '0s',
    staticPodPath: MANIFESTS_DIR,
    streamingConnectionIdleTimeout: '0s',
    syncFrequency: '0s',
    volumeStatsAggPeriod: '0s',
  };
}

export function kubeletConfigYaml(): string {
  return goYaml(kubeletConfiguration());
}

export function kubeletFlagsEnv(): string {
  return `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=${CRI_SOCKET} --pod-infra-container-image=${PAUSE_IMAGE}"\n`;
}

/** [kubelet-start] writes the env file and the config; both exist before the kubelet starts. */
export function writeKubeletConfig(fs: VirtualFs): void {
  fs.mkdir(KUBELET_DIR, { parents: true });
  fs.writeFile(KUBELET_FLAGS_PATH, kubeletFlagsEnv());
  fs.writeFile(KUBELET_CONFIG_PATH, kubeletConfigYaml());
}

/** The certificates the kubelet holds once its TLS bootstrap is done. */
export function writeKubeletPki(fs: VirtualFs, random: Random, stamp: string): void {
  const dir = `${KUBELET_DIR}/pki`;
  fs.mkdir(dir, { parents: true });
  fs.writeFile(`${dir}/kubelet.crt`, pem('CERTIFICATE', random, 860));
  fs.writeFile(`${dir}/kubelet.key`, pem('RSA PRIVATE KEY', random, 1192), { mode: 0o600 });
  const client = `${dir}/kubelet-client-${stamp}.pem`;
  fs.writeFile(client, pem('CERTIFICATE', random, 820) + pem('EC PRIVATE KEY', random, 121), { mode: 0o600 });
  fs.remove(KUBELET_CLIENT_CURRENT);
  fs.symlink(client, KUBELET_CLIENT_CURRENT);
}
