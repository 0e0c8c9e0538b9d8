/**
 * Engine states for lesson tests, built directly in the API store (no kubeadm needed): a world
 * with a cluster whose API server listens on node1, nodes Ready or not, pods in any state, a
 * kubeconfig, a bootstrap token. Reads like the situation it builds:
 *
 *   const { world, cluster } = clusterOnNode1();
 *   addNode(cluster, 'node2', { ready: true });
 */
import {
  API_SERVER_PORT, Cluster, World, base64Encode, mustResolve, rfc3339,
  type Deployment, type Endpoints, type Event, type Node, type Pod, type ReplicaSet, type Stored,
} from '../../engine';

const NODES = mustResolve('nodes');
const PODS = mustResolve('pods');
const NAMESPACES = mustResolve('namespaces');
const SECRETS = mustResolve('secrets');

export function freshWorld(seed = 'lessons-test'): World {
  return new World({ seed });
}

/** A cluster created on node1 (as kubeadm init would) with its API server listening. */
export function clusterOnNode1(world: World = freshWorld()): { world: World; cluster: Cluster; stopApiServer: () => void } {
  const host = world.host('node1')!;
  const cluster = new Cluster({ controlPlaneHost: 'node1', advertiseAddress: host.ip, clock: world.clock, epochMs: world.epochMs, random: world.random.fork('test-cluster') });
  world.addCluster(cluster);
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    cluster.store.create(NAMESPACES, { metadata: { name } }, 'test');
  }
  const stopApiServer = world.network.listen({
    host: 'node1', address: '0.0.0.0', port: API_SERVER_PORT, protocol: 'TCP', process: 'kube-apiserver', service: { kind: 'kube-apiserver', cluster },
  });
  return { world, cluster, stopApiServer };
}

export function addNode(cluster: Cluster, name: string, opts: { ready: boolean }): void {
  const node: Node = {
    metadata: { name, labels: { 'kubernetes.io/hostname': name } },
    status: { conditions: [{ type: 'Ready', status: opts.ready ? 'True' : 'False', reason: opts.ready ? 'KubeletReady' : 'KubeletNotReady' }] },
  };
  const existing = cluster.store.get(NODES, undefined, name);
  if (existing) cluster.store.update(NODES, { ...node, metadata: { ...node.metadata } }, 'test');
  else cluster.store.create(NODES, node, 'test');
}

export type PodState = 'Pending' | 'Running' | 'Ready' | 'Terminating';

export function addPod(cluster: Cluster, namespace: string, name: string, labels: Record<string, string>, state: PodState, node = 'node1'): void {
  const running = state !== 'Pending';
  const pod: Pod = {
    metadata: { name, namespace, labels, ...(state === 'Terminating' ? { deletionTimestamp: rfc3339(cluster.store.wallNow() + 30_000) } : {}) },
    spec: { containers: [{ name: 'main', image: 'busybox' }], ...(running ? { nodeName: node } : {}) },
    status: {
      phase: running ? 'Running' : 'Pending',
      conditions: [{ type: 'Ready', status: state === 'Ready' || state === 'Terminating' ? 'True' : 'False' }],
    },
  };
  cluster.store.create(PODS, pod, 'test');
}

/** A kubeconfig the way kubeadm writes admin.conf. */
export function kubeconfigText(server: string, caData: string): string {
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${caData}`,
    `    server: ${server}`,
    '  name: kubernetes',
    'contexts:',
    '- context:',
    '    cluster: kubernetes',
    '    user: kubernetes-admin',
    '  name: kubernetes-admin@kubernetes',
    'current-context: kubernetes-admin@kubernetes',
    'kind: Config',
    'preferences: {}',
    'users:',
    '- name: kubernetes-admin',
    '  user:',
    '    client-certificate-data: AAAA',
    '    client-key-data: BBBB',
    '',
  ].join('\n');
}

export function writeFile(world: World, host: string, path: string, content: string): void {
  const fs = world.host(host)!.fs;
  fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true });
  fs.writeFile(path, content);
}

/** The Secret kubeadm stores for a join token. */
export function addBootstrapToken(cluster: Cluster, id: string, secret: string, expiresAtMs: number): void {
  cluster.store.create(SECRETS, {
    metadata: { name: `bootstrap-token-${id}`, namespace: 'kube-system' },
    type: 'bootstrap.kubernetes.io/token',
    data: {
      'token-id': base64Encode(id),
      'token-secret': base64Encode(secret),
      expiration: base64Encode(rfc3339(expiresAtMs)),
      'usage-bootstrap-authentication': base64Encode('true'),
      'usage-bootstrap-signing': base64Encode('true'),
    },
  }, 'test');
}

const DEPLOYMENTS = mustResolve('deployments');
const REPLICASETS = mustResolve('replicasets');
const ENDPOINTS = mustResolve('endpoints');
const EVENTS = mustResolve('events');

export interface DeploymentState {
  readonly replicas: number;
  readonly image: string;
  /** status: what the deployment controller last wrote. */
  readonly ready?: number;
  readonly updated?: number;
  readonly available?: number;
  /** status.replicas: old and new pods together. */
  readonly total?: number;
  /** metadata.generation ahead of status.observedGeneration: the controller has not seen the spec yet. */
  readonly unobserved?: boolean;
}

/** A Deployment as `kubectl create deployment` makes it, with the status given (created or replaced). */
export function putDeployment(cluster: Cluster, name: string, s: DeploymentState, namespace = 'default'): Stored<Deployment> {
  const labels = { app: name };
  const body: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: { replicas: s.replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: s.image }] } } },
  };
  const existing = cluster.store.get<Deployment>(DEPLOYMENTS, namespace, name);
  const written = existing
    ? cluster.store.mutate<Deployment>(DEPLOYMENTS, namespace, name, 'test', (d) => {
      d.spec = body.spec!;
    })
    : cluster.store.create<Deployment>(DEPLOYMENTS, body, 'test');
  if (!written.ok) throw new Error(written.error.message);
  const generation = written.value.metadata.generation ?? 1;
  const status = cluster.store.mutate<Deployment>(DEPLOYMENTS, namespace, name, 'test', (d) => {
    d.status = {
      observedGeneration: s.unobserved ? generation - 1 : generation,
      replicas: s.total ?? s.updated ?? s.replicas,
      updatedReplicas: s.updated ?? s.replicas,
      readyReplicas: s.ready ?? 0,
      availableReplicas: s.available ?? s.ready ?? 0,
    };
  });
  if (!status.ok) throw new Error(status.error.message);
  return status.value;
}

/** A ReplicaSet controlled by the Deployment, and one SuccessfulCreate event per pod it made. */
export function addReplicaSetOf(cluster: Cluster, owner: Stored<Deployment>, name: string, podsCreated: number): void {
  const namespace = owner.metadata.namespace ?? 'default';
  const rs = cluster.store.create<ReplicaSet>(REPLICASETS, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: owner.metadata.name, uid: owner.metadata.uid, controller: true }] },
    spec: { selector: owner.spec!.selector, template: owner.spec!.template },
  }, 'test');
  if (!rs.ok) throw new Error(rs.error.message);
  for (let i = 0; i < podsCreated; i++) {
    cluster.store.create<Event>(EVENTS, {
      metadata: { name: `${name}.${i}`, namespace },
      involvedObject: { kind: 'ReplicaSet', name, namespace, uid: rs.value.metadata.uid },
      reason: 'SuccessfulCreate',
      message: `Created pod: ${name}-${i}`,
      count: 1,
    }, 'test');
  }
}

/** The Endpoints object of a Service with these ready (and not ready) pod addresses. */
export function putEndpoints(cluster: Cluster, service: string, ready: readonly string[], notReady: readonly string[] = [], namespace = 'default'): void {
  const subsets = ready.length + notReady.length === 0 ? [] : [{
    ...(ready.length > 0 ? { addresses: ready.map((ip) => ({ ip })) } : {}),
    ...(notReady.length > 0 ? { notReadyAddresses: notReady.map((ip) => ({ ip })) } : {}),
    ports: [{ port: 80, protocol: 'TCP' }],
  }];
  const existing = cluster.store.get<Endpoints>(ENDPOINTS, namespace, service);
  const result = existing
    ? cluster.store.mutate<Endpoints>(ENDPOINTS, namespace, service, 'test', (e) => {
      e.subsets = subsets;
    })
    : cluster.store.create<Endpoints>(ENDPOINTS, { metadata: { name: service, namespace }, subsets }, 'test');
  if (!result.ok) throw new Error(result.error.message);
}
