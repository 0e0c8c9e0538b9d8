/**
 * `kubeadm init` as engine operations, one method per phase, so the command can print each phase's
 * lines and let virtual time pass between them: validate flags, preflight, pull images, certs
 * (the Cluster is born here, with its CA), kubeconfigs, kubelet-start, control-plane and etcd
 * manifests, wait for the API server, then upload-config, mark-control-plane, bootstrap-token,
 * kubelet-finalize and the add-ons, all through the API like the real one.
 */
import type { Host } from '../../host/host';
import type { World } from '../../world';
import { Cluster } from '../cluster';
import {
  CONTROL_PLANE_COMPONENTS, CONTROL_PLANE_IMAGES, DEFAULT_TOKEN_TTL_MS, ETCD_DATA_DIR, MANIFESTS_DIR, PORTS,
} from '../constants';
import { ControlPlane } from '../controlPlane/components';
import { startClusterControllers } from '../controlPlane/controllers';
import { imageRecord, imagesOf } from '../kubelet/images';
import { Kubelet } from '../kubelet/kubelet';
import { PROFILES, pullDurationMs, type ProfileName } from '../kubelet/lifecycle';
import { registerWeaveSites } from '../addons/weaveSites';
import { applyCoreDns, applyKubeProxy } from './addons';
import { bootstrapTokens, markControlPlane, uploadConfig } from './clusterObjects';
import { clientCredentials, writePki } from './pki';
import { KUBELET_CLIENT_CURRENT, writeKubeletConfig, writeKubeletPki } from './kubeletFiles';
import { kubeconfigYaml } from './kubeconfig';
import { controlPlaneManifest, etcdManifest, manifestYaml } from './manifests';
import { ignoredChecks, initChecks, runChecks, type PreflightResult } from './preflight';
import { TOKEN_PATTERN, generateToken } from './tokens';
import { joinCommandFor } from './join';
import { serviceNetworkOf } from '../../services/serviceNetwork';

export interface InitOptions {
  readonly advertiseAddress?: string;
  readonly podNetworkCidr?: string;
  readonly token?: string;
  readonly tokenTtlMs?: number;
  readonly ignorePreflightErrors?: readonly string[];
  readonly profile?: ProfileName;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/([0-9]|[12]\d|3[0-2])$/;

const clusterCounts = new WeakMap<World, number>();

/** Flag errors kubeadm reports before doing anything, in its wording; undefined when all is well. */
export function validateInit(opts: InitOptions): string | undefined {
  if (opts.advertiseAddress !== undefined && !IPV4.test(opts.advertiseAddress)) {
    return `couldn't use "${opts.advertiseAddress}" as "apiserver-advertise-address", must be ipv4 or ipv6 address`;
  }
  if (opts.podNetworkCidr !== undefined && !CIDR.test(opts.podNetworkCidr)) {
    return `networking.podSubnet: Invalid value: "${opts.podNetworkCidr}": couldn't parse subnet`;
  }
  if (opts.token !== undefined && !TOKEN_PATTERN.test(opts.token)) {
    return `bootstrapTokens[0].token: Invalid value: "${opts.token}": the bootstrap token "${opts.token}" was not of the form "^([a-z0-9]{6})\\.([a-z0-9]{16})$"`;
  }
  return undefined;
}

export class KubeadmInit {
  readonly advertiseAddress: string;
  readonly nodeName: string;
  cluster: Cluster | undefined;
  token: string | undefined;
  /** [certs] found this host's cluster running and reused it (init re-run with errors ignored). */
  reused = false;
  private kubelet: Kubelet | undefined;

  constructor(
    readonly world: World,
    readonly host: Host,
    readonly opts: InitOptions = {},
  ) {
    this.advertiseAddress = opts.advertiseAddress ?? host.ip;
    this.nodeName = host.name;
  }

  preflight(): PreflightResult {
    return runChecks(initChecks(this.world, this.host), ignoredChecks(this.opts.ignorePreflightErrors ?? []));
  }

  /** Starts pulling the control-plane images the host lacks; returns the ms until the last one is in. */
  pullImages(): number {
    return pullControlPlaneImages(this.world, this.host, this.opts.profile).reduce((max, p) => Math.max(max, p.readyInMs), 0);
  }

  /** [certs]: the cluster (and its CA) comes to be; every certificate and key lands in /etc/kubernetes/pki. */
  /**
   * The cluster already running on this host when init is re-run with its preflight errors
   * ignored: kubeadm then reuses the certificates and kubeconfigs it finds on disk.
   */
  existingCluster(): Cluster | undefined {
    const cluster = this.world.clusters.find((c) => c.controlPlaneHost === this.host.name);
    return cluster && this.host.fs.exists('/etc/kubernetes/pki/ca.crt') ? cluster : undefined;
  }

  certs(): Cluster {
    const existing = this.existingCluster();
    if (existing) {
      this.cluster = existing;
      this.reused = true;
      return existing;
    }
    const n = (clusterCounts.get(this.world) ?? 0) + 1;
    clusterCounts.set(this.world, n);
    const cluster = new Cluster({
      controlPlaneHost: this.host.name,
      advertiseAddress: this.advertiseAddress,
      clock: this.world.clock,
      epochMs: this.world.epochMs,
      random: this.world.random.fork(`cluster/${this.host.name}/${n}`),
      ...(this.opts.profile ? { profile: this.opts.profile } : {}),
      ...(this.opts.podNetworkCidr ? { podSubnet: this.opts.podNetworkCidr } : {}),
    });
    cluster.controlPlane = new ControlPlane(this.world, cluster, this.host);
    this.cluster = cluster;
    this.world.addCluster(cluster);
    registerWeaveSites(this.world.internet);
    writePki(this.host.fs, cluster, cluster.random.fork('pki'));
    return cluster;
  }

  /** [kubeconfig]: admin.conf, kubelet.conf, controller-manager.conf, scheduler.conf. */
  kubeconfigs(): void {
    const cluster = this.mustCluster();
    if (this.reused && this.host.fs.exists('/etc/kubernetes/admin.conf')) return;
    const random = cluster.random.fork('kubeconfigs');
    const server = `https://${this.advertiseAddress}:${PORTS.apiServer}`;
    for (const [file, user] of [
      ['admin.conf', 'kubernetes-admin'],
      ['kubelet.conf', `system:node:${this.nodeName}`],
      ['controller-manager.conf', 'system:kube-controller-manager'],
      ['scheduler.conf', 'system:kube-scheduler'],
    ] as const) {
      const yaml = kubeconfigYaml({ server, caData: cluster.ca.certData, user, credentials: { kind: 'data', ...clientCredentials(random) } });
      this.host.fs.writeFile(`/etc/kubernetes/${file}`, yaml, { mode: 0o600 });
    }
  }

  /** [kubelet-start]: writes its env file and config, then starts it (it finds no manifests yet). */
  kubeletStart(): void {
    const cluster = this.mustCluster();
    writeKubeletConfig(this.host.fs);
    const current = this.host.kubelet instanceof Kubelet ? this.host.kubelet : undefined;
    if (current?.running && current.cluster === cluster) {
      this.kubelet = current;
      current.poke();
      return;
    }
    // `systemctl restart kubelet`: a kubelet of another (or no longer existing) cluster is replaced.
    current?.stop();
    this.kubelet = new Kubelet({ world: this.world, host: this.host, cluster });
    this.kubelet.start();
    startClusterControllers(cluster);
  }

  /** [control-plane]: the three component manifests. */
  controlPlaneManifests(): void {
    for (const component of CONTROL_PLANE_COMPONENTS) {
      this.writeManifest(component, manifestYaml(controlPlaneManifest(component, this.manifestOptions())));
    }
  }

  /** [etcd]: the local etcd manifest and its data directory. */
  etcdManifest(): void {
    this.host.fs.mkdir(`${ETCD_DATA_DIR}/member/snap`, { parents: true, mode: 0o700 });
    this.host.fs.mkdir(`${ETCD_DATA_DIR}/member/wal`, { parents: true, mode: 0o700 });
    this.host.fs.writeFile(`${ETCD_DATA_DIR}/member/snap/db`, '', { mode: 0o600 });
    this.host.fs.writeFile(`${ETCD_DATA_DIR}/member/wal/0000000000000000-0000000000000000.wal`, '', { mode: 0o600 });
    this.writeManifest('etcd', manifestYaml(etcdManifest(this.manifestOptions())));
  }

  /** What [wait-control-plane] polls: the API server's /healthz. */
  controlPlaneHealthy(): boolean {
    return this.cluster?.apiServerUp ?? false;
  }

  uploadConfig(): void {
    uploadConfig(this.mustCluster());
  }

  /** [mark-control-plane]; false until the kubelet has registered the node (kubeadm retries). */
  markControlPlane(): boolean {
    return markControlPlane(this.mustCluster(), this.nodeName);
  }

  /** [bootstrap-token]: returns the token it configured. */
  bootstrapToken(): string {
    const cluster = this.mustCluster();
    const random = cluster.random.fork('bootstrap-token');
    const token = this.opts.token ?? generateToken(random);
    bootstrapTokens(cluster, token, this.opts.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS, random);
    this.token = token;
    return token;
  }

  /** [kubelet-finalize]: kubelet.conf now points at the rotating client certificate. */
  kubeletFinalize(): void {
    const cluster = this.mustCluster();
    writeKubeletPki(this.host.fs, cluster.random.fork('kubelet-pki'), stamp(this.world.wallNow()));
    this.host.fs.writeFile('/etc/kubernetes/kubelet.conf', kubeconfigYaml({
      server: `https://${this.advertiseAddress}:${PORTS.apiServer}`,
      caData: cluster.ca.certData,
      user: `system:node:${this.nodeName}`,
      credentials: { kind: 'files', certFile: KUBELET_CLIENT_CURRENT, keyFile: KUBELET_CLIENT_CURRENT },
    }), { mode: 0o600 });
  }

  addons(): void {
    const cluster = this.mustCluster();
    applyCoreDns(cluster);
    applyKubeProxy(cluster);
    // kube-proxy's rules and CoreDNS, on every node where their pods come to run.
    serviceNetworkOf(this.world);
  }

  joinCommand(): string {
    return joinCommandFor(this.mustCluster(), this.token ?? '');
  }

  private manifestOptions() {
    return { nodeName: this.nodeName, advertiseAddress: this.advertiseAddress, podSubnet: this.opts.podNetworkCidr };
  }

  private writeManifest(name: string, yaml: string): void {
    this.host.fs.writeFile(`${MANIFESTS_DIR}/${name}.yaml`, yaml, { mode: 0o600 });
    this.kubelet?.poke();
  }

  private mustCluster(): Cluster {
    if (!this.cluster) throw new Error('kubeadm init: phase run before [certs]');
    return this.cluster;
  }
}

export interface ImagePull {
  readonly image: string;
  /** 0 when the host already had it. */
  readonly readyInMs: number;
}

/** Pulls kubeadm's images (serially, as containerd does for kubeadm) onto a host; `kubeadm config images pull`. */
export function pullControlPlaneImages(world: World, host: Host, profileName: ProfileName = 'realistic'): ImagePull[] {
  const images = imagesOf(host);
  const profile = PROFILES[profileName];
  const now = world.now();
  return CONTROL_PLANE_IMAGES.map((image) => {
    if (images.has(image)) return { image, readyInMs: 0 };
    const done = images.schedulePull(image, now, pullDurationMs(profile, imageRecord(image).sizeBytes));
    world.clock.schedule(done - now, () => images.add(image), `kubeadm pull ${image}`);
    return { image, readyInMs: done - now };
  });
}

/** kubelet-client-2023-06-01-09-00-41.pem */
function stamp(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 19).replace(/[T:]/g, '-');
}
