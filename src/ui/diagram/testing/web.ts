/**
 * The cluster of the later lessons, as snapshots: after weave-net, `kubectl create deployment web
 * --image=nginx --replicas=N` and `kubectl expose deployment web --port=80`, with its pods on node2
 * (node1 keeps its control-plane taint) or spread over both nodes; a rolling update half done; pods
 * pinging each other across the overlay. Names follow the deployment controller's shapes
 * (`web-<template hash>-<5 letters>`, hashes from its vowel-less alphabet).
 */
import type { ContainerSpec, EndpointAddress } from './builders';
import { cluster, endpoints, pod, replicaSet, service, state, world } from './builders';
import { afterWeave } from './fixtures';
import type { Endpoints, Pod, Service, Stored, WorldSnapshot } from '../../../engine';

export const WEB_RS = { v1: 'web-7f9c6b5d84', v2: 'web-5d8b9c7f46' } as const;
export const WEB_IP = '10.96.142.7';
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** The i-th generated pod suffix: five characters of the controller's alphabet, all distinct for i < 27^2. */
export function suffix(i: number): string {
  const a = ALPHABET;
  return `${a[(i * 7) % 27]}${a[(i * 11 + 3) % 27]}${a[i % 27]}${a[Math.floor(i / 27) % 27]}${a[(i * 5 + 1) % 27]}`;
}

export type WebPodState = 'ready' | 'creating' | 'terminating';

export interface WebPod {
  readonly name: string;
  readonly node: 'node1' | 'node2';
  readonly ip: string | undefined;
  readonly state: WebPodState;
  readonly rs: string;
}

function webPod(p: WebPod): Stored<Pod> {
  const running: ContainerSpec = { name: 'nginx', state: state.running(), ready: true };
  const creating: ContainerSpec = { name: 'nginx', state: state.waiting('ContainerCreating') };
  return pod(p.name, {
    labels: { app: 'web', 'pod-template-hash': p.rs.slice(p.rs.lastIndexOf('-') + 1) },
    owner: { kind: 'ReplicaSet', name: p.rs },
    nodeName: p.node,
    phase: p.state === 'creating' ? 'Pending' : 'Running',
    ...(p.ip === undefined ? {} : { ip: p.ip }),
    containers: [p.state === 'creating' ? creating : running],
    readyCondition: p.state === 'ready',
    deleting: p.state === 'terminating',
  });
}

/** `count` ready pods of `rs`, on node2 only or alternating node1/node2, with weave-style IPs. */
export function webPods(count: number, rs: string, spread: 'node2' | 'both' = 'node2', from = 0): WebPod[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const node = spread === 'both' && i % 2 === 0 ? 'node1' : 'node2';
    const n = spread === 'both' ? Math.floor(i / 2) : i;
    return { name: `${rs}-${suffix(i)}`, node, ip: node === 'node1' ? `10.32.0.${3 + n}` : `10.44.0.${2 + n}`, state: 'ready', rs };
  });
}

export interface WebOptions {
  readonly pods: readonly WebPod[];
  /** The ReplicaSets and their revisions (the newest is the rollout's target). */
  readonly replicaSets?: readonly { readonly name: string; readonly revision: number; readonly replicas: number }[];
  /** The `web` Service: a ClusterIP (the default), a NodePort, or none. */
  readonly service?: 'clusterip' | 'nodeport' | 'none';
  /** Extra pods (bare ones: `kubectl run`). */
  readonly extraPods?: readonly Stored<Pod>[];
  readonly extraServices?: readonly Stored<Service>[];
  readonly extraEndpoints?: readonly Stored<Endpoints>[];
  readonly traffic?: WorldSnapshot['traffic'];
  readonly packets?: WorldSnapshot['packets'];
  /** The world's revision; its `now` is revision × 1000 ms. */
  readonly revision?: number;
}

/** The afterWeave cluster plus the web deployment, its Service and whatever else the test adds. */
export function webCluster(options: WebOptions): WorldSnapshot {
  const base = afterWeave();
  const c = base.clusters[0]!;
  const replicaSets = (options.replicaSets ?? [{ name: WEB_RS.v1, revision: 1, replicas: options.pods.length }])
    .map((r) => replicaSet(r.name, 'default', 'web', r.revision, r.replicas));
  const kind = options.service ?? 'clusterip';
  const address = (p: WebPod): EndpointAddress => ({ ip: p.ip ?? '', pod: p.name, node: p.node });
  const withIp = options.pods.filter((p) => p.ip !== undefined && p.state !== 'terminating');
  const web = kind === 'none' ? [] : [service('web', 'default', {
    type: kind === 'nodeport' ? 'NodePort' : 'ClusterIP',
    clusterIP: WEB_IP,
    selector: { app: 'web' },
    ports: [{ port: 80, ...(kind === 'nodeport' ? { nodePort: 31080 } : {}) }],
  })];
  const webEndpoints = kind === 'none' ? [] : [endpoints('web', 'default', [80], withIp.filter((p) => p.state === 'ready').map(address), withIp.filter((p) => p.state !== 'ready').map(address))];
  return world(base.hosts, [cluster({
    controlPlaneHost: c.controlPlaneHost,
    endpoint: c.endpoint,
    nodes: c.nodes,
    pods: [...c.pods, ...options.pods.map(webPod), ...(options.extraPods ?? [])],
    daemonsets: c.daemonsets,
    replicasets: [...c.replicasets, ...replicaSets],
    services: [...c.services, ...web, ...(options.extraServices ?? [])],
    endpoints: [...c.endpoints, ...webEndpoints, ...(options.extraEndpoints ?? [])],
  })], options.revision ?? 20, options.traffic ?? [], options.packets ?? []);
}

/** Six nginx pods on node2 behind the `web` Service (lesson 09's first step). */
export function webSix(): WorldSnapshot {
  return webCluster({ pods: webPods(6, WEB_RS.v1) });
}

/**
 * `kubectl set image deployment web nginx=nginx:1.25` half way: four old pods still serve, one is
 * terminating, two new ones are ready and one is being created (maxSurge 25%, maxUnavailable 25%).
 */
export function webRollout(): WorldSnapshot {
  const old = webPods(5, WEB_RS.v1).map((p, i) => (i === 4 ? { ...p, state: 'terminating' as const } : p));
  const fresh = webPods(3, WEB_RS.v2, 'node2', 5).map((p, i) => (i === 2 ? { ...p, ip: undefined, state: 'creating' as const } : p));
  return webCluster({
    pods: [...old, ...fresh],
    replicaSets: [{ name: WEB_RS.v1, revision: 1, replicas: 4 }, { name: WEB_RS.v2, revision: 2, replicas: 3 }],
  });
}

/** A hundred pods over both nodes (the control-plane taint removed), all behind `web`. */
export function webHundred(options: Pick<WebOptions, 'traffic'> = {}): WorldSnapshot {
  return webCluster({ pods: webPods(100, WEB_RS.v1, 'both'), ...options });
}

/** A bare pod on node1 (`kubectl run pingpong --image=alpine -- ping …`), the client of the packet tests. */
export const PINGPONG = { name: 'pingpong', ip: '10.32.0.9' } as const;

export function pingpongPod(): Stored<Pod> {
  return pod(PINGPONG.name, {
    labels: { run: 'pingpong' },
    nodeName: 'node1',
    phase: 'Running',
    ip: PINGPONG.ip,
    containers: [{ name: 'pingpong', state: state.running(), ready: true }],
    readyCondition: true,
  });
}

type Packet = WorldSnapshot['packets'][number];

/** One packet as the service network logs it; `from`/`to` are `namespace/name` of pods or node names. */
export function packet(at: number, from: { pod?: string; node: string }, to: { pod?: string; node: string }, kind = 'icmp', port?: number): Packet {
  const ip = (end: { pod?: string; node: string }) => end.pod ?? end.node;
  return {
    at,
    seq: at,
    from: ip(from),
    to: ip(to),
    fromNode: from.node,
    toNode: to.node,
    ...(from.pod === undefined ? {} : { fromPod: from.pod }),
    ...(to.pod === undefined ? {} : { toPod: to.pod }),
    protocol: kind === 'icmp' ? 'ICMP' : 'TCP',
    kind,
    ...(port === undefined ? {} : { port }),
  };
}
