/**
 * What the layers above use of cluster/: kubeadm's operations, the kubelet and control plane as
 * read-only facts, Weave's URLs, and the one-call scenarios tests and fixtures build clusters with.
 * Re-exported by src/engine/index.ts.
 */
export {
  KUBERNETES_VERSION, KUBERNETES_GIT_COMMIT, KUBEADM_BUILD_DATE, GO_VERSION, CONTAINER_RUNTIME_VERSION, CRI_SOCKET,
  CONTROL_PLANE_IMAGES, PORTS, DEFAULT_TOKEN_TTL_MS, DISCOVERY_TIMEOUT_MS, CONTROL_PLANE_TIMEOUT_MS, ETCD_DATA_DIR, MANIFESTS_DIR,
  KUBELET_DIR, PKI_DIR, CNI_CONF_DIR, DNS_SERVICE_IP, KUBERNETES_SERVICE_IP,
} from './constants';
export { KubeadmInit, validateInit, pullControlPlaneImages } from './kubeadm/init';
export type { InitOptions, ImagePull } from './kubeadm/init';
export {
  validateJoin, joinPreflight, discoveryAttempt, startJoinedKubelet, tlsBootstrapDone, finishTlsBootstrap, joinCommandFor, DISCOVERY_RETRY_MS,
} from './kubeadm/join';
export type { JoinOptions, DiscoveryAttempt } from './kubeadm/join';
export { planReset, stopKubelet, deleteEtcdData, cleanDirectories, deleteFiles, RESET_FILES } from './kubeadm/reset';
export type { ResetPlan } from './kubeadm/reset';
export { preflightFailure, preflightWarnings } from './kubeadm/preflight';
export type { PreflightResult, PreflightIssue } from './kubeadm/preflight';
export {
  generateToken, listTokens, createToken, deleteToken, findToken, isExpired, TOKEN_PATTERN, DEFAULT_TOKEN_DESCRIPTION, DEFAULT_TOKEN_GROUPS,
} from './kubeadm/tokens';
export type { BootstrapToken } from './kubeadm/tokens';
export { CERTS } from './kubeadm/pki';
export { Kubelet } from './kubelet/kubelet';
export { PROFILES } from './kubelet/lifecycle';
export type { LifecycleProfile, ProfileName } from './kubelet/lifecycle';
export { imagesOf, normalizeImageRef } from './kubelet/images';
export type { ImageRecord, ImageStore } from './kubelet/images';
export { PodNetwork, WEAVE_RANGE, isNetworkUp } from './podNetwork';
export type { PodSlice } from './podNetwork';
export { ControlPlane } from './controlPlane/components';
export { registerWeaveSites, WEAVE_CLOUD_URL, WEAVE_RELEASE_URL } from './addons/weaveSites';
export { weaveManifestYaml, weaveManifestObject } from './addons/weaveManifest';
export { kubeadmInitNow, kubeadmJoinNow, applyWeaveNow } from './scenario';
export type { InitOutcome, ScenarioResult } from './scenario';
