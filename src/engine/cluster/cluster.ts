/**
 * A Kubernetes cluster: born on a host by `kubeadm init`. It owns the API store, the event
 * recorder and the controller manager whose controllers (scheduler, kube-controller-manager's
 * loops, every joined node's kubelet) act on that store.
 */
import { ApiStore } from '../api/store';
import { EventRecorder } from '../api/events';
import type { VirtualClock } from '../clock';
import type { Random } from '../random';
import { ControllerManager } from '../controllers/manager';
import { base64Encode, bytesToBase64 } from '../util/base64';
import type { ControlPlane } from './controlPlane/components';
import type { Kubelet } from './kubelet/kubelet';
import { PROFILES, type LifecycleProfile, type ProfileName } from './kubelet/lifecycle';
import { PodNetwork } from './podNetwork';
import { installServiceAdmission } from '../services/admission';
import { serviceAccountAdmission } from '../api/serviceAccountAdmission';
import { mustResolve } from '../api/resources';

const SERVICE_ACCOUNTS = mustResolve('serviceaccounts');

export const API_SERVER_PORT = 6443;

/** What a client finds at <advertise-address>:6443 while kube-apiserver runs (Listener.service). */
export interface ApiServerService {
  readonly kind: 'kube-apiserver';
  readonly cluster: Cluster;
}

export function isApiServerService(service: unknown): service is ApiServerService {
  return typeof service === 'object' && service !== null && (service as { kind?: unknown }).kind === 'kube-apiserver';
}

export interface ClusterInit {
  /** Host whose kubeadm init created it (runs the control plane). */
  readonly controlPlaneHost: string;
  /** The address the API server advertises (--apiserver-advertise-address). */
  readonly advertiseAddress: string;
  readonly clock: VirtualClock;
  readonly epochMs: number;
  readonly random: Random;
  /** How fast pods and nodes move through their lifecycle (default "realistic"). */
  readonly profile?: ProfileName;
  /** --pod-network-cidr, if kubeadm init was given one. */
  readonly podSubnet?: string;
}

/** The cluster CA as clients see it: the PEM in kubeconfigs and the hash `kubeadm join` pins. */
export interface ClusterCa {
  /** base64 of the PEM certificate (kubeconfig certificate-authority-data). */
  readonly certData: string;
  /** "sha256:<64 hex>" (--discovery-token-ca-cert-hash). */
  readonly hash: string;
}

export class Cluster {
  readonly controlPlaneHost: string;
  readonly advertiseAddress: string;
  readonly store: ApiStore;
  readonly recorder: EventRecorder;
  readonly controllers: ControllerManager;
  readonly random: Random;
  readonly ca: ClusterCa;
  /** The kubelet of every host that belongs to this cluster, by node name. */
  readonly kubelets = new Map<string, Kubelet>();
  /** Which nodes have the pod network, and Weave's address slices (derived from API objects). */
  readonly podNetwork: PodNetwork;
  readonly podSubnet: string | undefined;
  profile: LifecycleProfile;
  /** etcd, kube-apiserver, the scheduler and the controller manager as processes; set by kubeadm init. */
  controlPlane: ControlPlane | undefined;

  constructor(init: ClusterInit) {
    this.controlPlaneHost = init.controlPlaneHost;
    this.advertiseAddress = init.advertiseAddress;
    this.random = init.random;
    this.ca = makeCa(init.random.fork('ca'));
    this.store = new ApiStore(() => init.clock.now(), init.epochMs, init.random.fork('store'));
    this.recorder = new EventRecorder(this.store);
    // kube-apiserver's Service allocators: a Service has its ClusterIP the moment it is created.
    installServiceAdmission(this.store, init.random.fork('services'));
    // The ServiceAccount admission plugin's kube-api-access-xxxxx volume, on a stream of its own.
    this.store.admit(serviceAccountAdmission(init.random.fork('service-account-volumes'), (namespace, name) => this.store.get(SERVICE_ACCOUNTS, namespace, name) !== undefined));
    this.controllers = new ControllerManager(this.store, init.clock);
    this.podNetwork = new PodNetwork(this.store, this.controlPlaneHost);
    this.profile = PROFILES[init.profile ?? 'realistic'];
    this.podSubnet = init.podSubnet;
  }

  /** The API server answers requests (its static pod runs and is healthy). */
  get apiServerUp(): boolean {
    return this.controlPlane?.apiServerUp ?? false;
  }

  get endpoint(): string {
    return `${this.advertiseAddress}:${API_SERVER_PORT}`;
  }

  /** The cluster is gone (its control plane was reset): kubelets elsewhere keep running, with nothing to talk to. */
  dispose(): void {
    for (const kubelet of [...this.kubelets.values()]) kubelet.orphan();
    this.controlPlane?.dispose();
    this.controllers.dispose();
  }
}

/** A CA that looks like kubeadm's: random key material in a PEM, and a hash clients can pin. */
function makeCa(random: Random): ClusterCa {
  const der = bytesToBase64(Array.from({ length: 774 }, () => random.int(256)));
  const lines = der.match(/.{1,64}/g) ?? [];
  const pem = `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
  return { certData: base64Encode(pem), hash: `sha256:${random.hex(64)}` };
}
