/**
 * The engine's public surface. Layers above import from here only.
 */
// World, time and randomness
export { World, DEFAULT_EPOCH_MS } from './world';
export type { WorldOptions, WorldEvents } from './world';
export { VirtualClock } from './clock';
export type { TimerId } from './clock';
export { Random } from './random';
export { Emitter } from './emitter';
export type { Unsubscribe } from './emitter';

// Hosts
export { Host, OS_IMAGE, KERNEL_VERSION } from './host/host';
export type { KubeletHandle, HostProcess } from './host/host';
export { VirtualFs, resolvePath, dirname, basename, ERRNO_MESSAGES } from './host/fs';
export type { FsError, FsErrorCode, FsResult, Stat } from './host/fs';
export { Network, isForward } from './host/network';
export type { Listener, DialResult, Protocol, ForwardService, AddressScope, Redirect, Router, ConnectObserver } from './host/network';

// The API
export { ApiStore } from './api/store';
export { invalidObject } from './api/validation';
export type { ListOptions, AdmissionPlugin } from './api/store';
export { ApiError, notFound, alreadyExists, conflict, invalid, okResult, errResult } from './api/errors';
export type { ApiErrorReason, ApiResult } from './api/errors';
export { RESOURCE_TYPES, resolveResourceType, typeForKind, typeForKindAnyVersion, apiVersionOf, resourceKey, mustResolve } from './api/resources';
export type { ResourceType } from './api/resources';
export { parseSelector, matchesSelector, fromLabelSelector, fromLabels, formatSelector } from './api/selectors';
export type { Selector, Requirement, SelectorParse } from './api/selectors';
export { EventRecorder } from './api/events';
export type { EventSource, EventType } from './api/events';
export { NAME_ALPHABET, podTemplateHash, safeEncodeString, fnv32a, canonicalJson } from './api/names';
export { controllerOf, fieldOf } from './api/types';
export { podTableStatus } from './api/podStatus';
export type { PodTableStatus } from './api/podStatus';
export type {
  KubeObject, Stored, Actor, WatchEvent, WatchEventType, ObjectMeta, OwnerReference, LabelSelector,
  Pod, PodSpec, PodStatus, Container, ContainerStatus, Node, NodeStatus, NodeCondition, Namespace, Service, Endpoints,
  ConfigMap, Secret, ServiceAccount, Event, Taint, Toleration, PodCondition, ContainerState, Deployment, ReplicaSet, DaemonSet,
} from './api/types';

// Clusters and controllers
export { Cluster, API_SERVER_PORT, isApiServerService } from './cluster/cluster';
export type { ClusterInit, ApiServerService, ClusterCa } from './cluster/cluster';
// kubeadm, kubelets, the pod network (cluster/public.ts lists them)
export {
  KUBERNETES_VERSION, KUBERNETES_GIT_COMMIT, KUBEADM_BUILD_DATE, GO_VERSION, CONTAINER_RUNTIME_VERSION, CRI_SOCKET, CONTROL_PLANE_IMAGES, PORTS,
  DEFAULT_TOKEN_TTL_MS, DISCOVERY_TIMEOUT_MS, CONTROL_PLANE_TIMEOUT_MS, ETCD_DATA_DIR, MANIFESTS_DIR, KUBELET_DIR, PKI_DIR, CNI_CONF_DIR,
  DNS_SERVICE_IP, KUBERNETES_SERVICE_IP, KubeadmInit, validateInit, pullControlPlaneImages, validateJoin, joinPreflight, discoveryAttempt,
  startJoinedKubelet, tlsBootstrapDone, finishTlsBootstrap, joinCommandFor, DISCOVERY_RETRY_MS, planReset, stopKubelet, deleteEtcdData,
  cleanDirectories, deleteFiles, RESET_FILES, preflightFailure, preflightWarnings, generateToken, listTokens, createToken, deleteToken, findToken,
  isExpired, TOKEN_PATTERN, DEFAULT_TOKEN_DESCRIPTION, DEFAULT_TOKEN_GROUPS, CERTS, Kubelet, PROFILES, imagesOf, normalizeImageRef, PodNetwork,
  WEAVE_RANGE, isNetworkUp, ControlPlane, registerWeaveSites, WEAVE_CLOUD_URL, WEAVE_RELEASE_URL, weaveManifestYaml, weaveManifestObject,
  kubeadmInitNow, kubeadmJoinNow, applyWeaveNow,
} from './cluster/public';
export type {
  InitOptions, ImagePull, JoinOptions, DiscoveryAttempt, ResetPlan, PreflightResult, PreflightIssue, BootstrapToken, LifecycleProfile,
  ProfileName, ImageRecord, ImageStore, PodSlice, InitOutcome, ScenarioResult,
} from './cluster/public';
export { Internet, parseUrl } from './internet';
export type { FetchResult, UrlHandler, ParsedUrl } from './internet';
export { ControllerManager } from './controllers/manager';
export type { Controller, ReconcileResult } from './controllers/manager';
export { startControlPlaneControllers } from './controllers/controlPlane';
export type { ControlPlaneSwitches, ControlPlaneControllers } from './controllers/controlPlane';
export { deleteWithPropagation } from './controllers/garbageCollector';
export type { PropagationPolicy } from './controllers/garbageCollector';
export { applyDefaults } from './api/defaults';

// Utilities
export { deepClone, deepEqual, deepFreeze } from './util/json';
export type { Draft, Json } from './util/json';
export { rfc3339, rfc3339Micro, parseTime } from './util/time';
export { base64Encode, base64Decode, bytesToBase64, base64ToBytes } from './util/base64';
export { utf8Encode, utf8Decode } from './util/utf8';
export { loadYamlDocuments, loadYamlOutline, lineAt } from './util/yaml';
export type { YamlFlavour, YamlProblem, YamlRead, YamlOutline, YamlChild } from './util/yaml';
export { openAt } from './util/yamlScan';
export type { Unclosed } from './util/yamlScan';

// Services: allocation, Endpoints and EndpointSlices, kube-proxy, CoreDNS, overlay traffic (docs/networking.md)
export {
  installServiceAdmission, NODE_PORT_FIRST, NODE_PORT_LAST, validateService, EndpointsController, EndpointSliceController, TRIGGER_TIME,
  HEADLESS_LABEL, SERVICE_NAME_LABEL, serviceNetworkOf, ServiceNetwork, PACKET_LOG_SIZE, PACKET_WINDOW_MS, DNS_TIMEOUT_MS, DNS_ATTEMPTS, NDOTS,
  searchDomains, podResolvConf, candidates, serviceEnv, packetsOf,
} from './services';
export type { PodDnsQuery, PodDnsResult, EchoResult, DnsAnswer, OverlayPacket } from './services';

// Pods: the programs their containers run, their logs, commands run inside them (docs/pods.md)
export { podLogs, execTarget, podExecs } from './pods/access';
export type { PodAccessError, LogTarget, ExecTarget, ExecRecord } from './pods/access';
export { setPodNetworkHooks, podNetworkHooks } from './pods/hooks';
export type { DnsQuery, PodNetworkHooks } from './pods/hooks';
export { InstanceLog, POD_LOG_CAPACITY, rfc3339Nano } from './pods/logs';
export type { PodLogEntry, LogFollower } from './pods/logs';
export { icmpEcho } from './pods/icmp';
export type { EchoReply } from './pods/icmp';
export { runCommand } from './pods/script/program';
export type { CommandHandle } from './pods/script/program';
export type { ScriptHost, Io as ContainerIo } from './pods/script/host';
export type { ContainerFiles } from './pods/podFs';

// Read-only pictures of the world
export { snapshotOf } from './snapshot';
export type { WorldSnapshot, HostSnapshot, ClusterSnapshot } from './snapshot';

// Containers and the programs inside them
export type { Sandbox, LogStream, ProcessSignal, ContainerProcess, ProgramMain, ProgramTable } from './containers/process';
export { DockerEngine, DEFAULT_STOP_TIMEOUT_S } from './containers/engine';
export type { DockerEngineInit } from './containers/engine';
export type { BuildOptions } from './containers/engineImages';
export { dockerOf, existingDockerOf, provideProgramTable, setProgramTable, programTableOf } from './containers/runtime';
export { containersOf } from './containers/registry';
export type { ContainerSnapshot } from './containers/registry';
export { parseImageRef } from './containers/catalogue';
export type { ImageRef } from './containers/catalogue';
export { shortId } from './containers/images';
export { LOG_CAPACITY } from './containers/logs';
export { programForCommand } from './containers/programs';
export { parseDockerfile } from './containers/dockerfile';
export { dockerOk, dockerErr, COMPOSE_LABELS } from './containers/types';
export type {
  DockerContainerState, PortBinding, PortProtocol, Mount, RestartPolicy, ContainerSpec, LogEntry, ContainerInfo, ImageInfo, NetworkInfo, DockerError,
  DockerResult, DockerEvents, OperationStep, Operation, Healthcheck, HealthStatus,
} from './containers/types';
export type { ToolResult } from './containers/toolbox';

// Remote repositories (git clone) and their files
export { repositories, findGithubRepository, findCommit, githubPath, repositoryUrl, knownRepositoryUrls } from './sources/catalog';
export { registerSourceSites } from './sources/sites';
export { sha1Hex, gitBlobId } from './sources/sha1';
export type { SourceRepository, SourceFile, SourceCommit, PackStats } from './sources/types';
export type { GithubPath } from './sources/catalog';
// Test doubles for container programs (tests of the runtime, docker and compose)
export { fakeContainerPrograms, stubbornTicker } from './containers/testing/fakePrograms';

// DockerCoins: the programs, and requests over the Network (HTTP, Redis, the browser's fetch, traffic)
export { DOCKERCOINS_PROGRAMS, hashStats, RedisStore, RNG_PORT, HASHER_PORT, WEBUI_PORT, REDIS_PORT } from './apps';
export type { HashStats, HashStatsQuery } from './apps';
export {
  httpExchange, redisCommand, seenClientIp, isHttpService, headerValue, responseHead, textBytes, bytesText, httpDate, STATUS_TEXT, EMPTY_BODY,
  isRedisService, byteString, stringBytes, resolveOnNode, resolveForBrowser, isIpv4, httpGet, BROWSER, trafficMeter, TrafficMeter, TRAFFIC_WINDOW_MS,
} from './net';
export type {
  NetClient, HttpOutcome, RedisOutcome, HttpRequestSpec, ConnectFailure, HttpRequest, HttpResponse, HttpExchange, HttpService, HttpHeader, HttpVersion,
  RedisReply, RedisService, BrowserResult, BrowserError, BrowserGetOptions,
} from './net';
export { sha256, sha256Hex, toHex } from './util/sha256';
export { trafficOf } from './net/trafficProbe';
export type { TrafficEdge } from './net/trafficProbe';
// Test double: DockerCoins on a minimal container runtime (model, curl and httping tests, the bench)
export { StubCompose, DEFAULT_DOCKERCOINS } from './apps/testing/stubRuntime';
export type { StubSpec, LogLine } from './apps/testing/stubRuntime';

// The Internet's known sites (GitHub, Weave), for commands that fetch
export { registerPublicSites } from './publicSites';
