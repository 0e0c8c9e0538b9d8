import { describe, expect, it } from 'vitest';
import type { Event, Pod, PodSpec } from 'kubernetes-types/core/v1';
import { mustResolve } from '../../api/resources';
import type { Stored } from '../../api/types';
import type { Cluster } from '../cluster';
import { applyWeaveNow, kubeadmInitNow, kubeadmJoinNow } from '../scenario';
import { joined, networked, type Playground } from '../testing/fixtures';
import { podStatusText, podRow, podRows } from '../testing/podTable';
import { cleanDirectories, deleteEtcdData, deleteFiles, planReset, stopKubelet } from '../kubeadm/reset';

const PODS = mustResolve('pods');
const EVENTS = mustResolve('events');

function run(p: Playground, name: string, spec: Partial<PodSpec> & Pick<PodSpec, 'containers'>): void {
  const created = p.cluster.store.create<Pod>(PODS, { metadata: { name, namespace: 'default' }, spec: { nodeName: 'node2', ...spec } }, 'user:kubectl');
  if (!created.ok) throw new Error(created.error.message);
  // As the shell does after every command: controllers react at the instant of the write.
  p.world.settle();
}

function get(cluster: Cluster, name: string): Stored<Pod> | undefined {
  return cluster.store.get<Pod>(PODS, 'default', name);
}

/** The distinct STATUS values a pod shows, sampled every `step` ms for `ms`. */
function statuses(p: Playground, name: string, ms: number, step = 250): string[] {
  const seen: string[] = [];
  for (let t = 0; t < ms; t += step) {
    p.world.advance(step);
    const pod = get(p.cluster, name);
    const s = pod ? podStatusText(pod) : '(gone)';
    if (seen[seen.length - 1] !== s) seen.push(s);
  }
  return seen;
}

function events(cluster: Cluster, name: string): Stored<Event>[] {
  return cluster.store.list<Event>(EVENTS).filter((e) => e.involvedObject.name === name);
}

describe('the kubelet runs pods bound to its node', () => {
  it('pulls, creates and starts, with the real event messages; a second pod finds the image present', () => {
    const p = networked();
    run(p, 'web', { containers: [{ name: 'web', image: 'nginx:1.25' }] });
    expect(statuses(p, 'web', 10_000)).toEqual(['ContainerCreating', 'Running']);
    const e = events(p.cluster, 'web');
    expect(e.map((x) => x.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(e[0]!.message).toBe('Pulling image "nginx:1.25"');
    expect(e.map((x) => x.involvedObject.fieldPath)).toEqual(Array(4).fill('spec.containers{web}'));
    expect(e.every((x) => x.source?.component === 'kubelet' && x.source.host === 'node2')).toBe(true);
    run(p, 'web2', { containers: [{ name: 'web', image: 'nginx:1.25' }] });
    p.world.advance(5_000);
    expect(events(p.cluster, 'web2')[0]!.message).toBe('Container image "nginx:1.25" already present on machine');
    expect(get(p.cluster, 'web2')?.status?.podIP).toMatch(/^10\.44\.0\.\d+$/);
    expect(get(p.cluster, 'web2')?.status?.podIP).not.toBe(get(p.cluster, 'web')?.status?.podIP);
  });

  it('runs init containers first (Init:0/1, PodInitializing)', () => {
    const p = networked();
    run(p, 'setup', {
      initContainers: [{ name: 'wait', image: 'busybox:1.36', command: ['sleep', '1'] }],
      containers: [{ name: 'app', image: 'redis:7' }],
    });
    const seen = statuses(p, 'setup', 15_000);
    expect(seen[0]).toBe('Init:0/1');
    expect(seen).toContain('PodInitializing');
    expect(seen[seen.length - 1]).toBe('Running');
    expect(get(p.cluster, 'setup')?.status?.initContainerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('restarts a container that exits, with CrashLoopBackOff back-off, and counts restarts', () => {
    const p = networked();
    run(p, 'shell', { containers: [{ name: 'alpine', image: 'alpine' }] });
    const seen = statuses(p, 'shell', 60_000);
    expect(seen).toContain('Completed');
    expect(seen).toContain('CrashLoopBackOff');
    const status = get(p.cluster, 'shell')!.status!.containerStatuses![0]!;
    expect(status.restartCount).toBeGreaterThanOrEqual(2);
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const backOff = events(p.cluster, 'shell').find((e) => e.reason === 'BackOff')!;
    expect(backOff.message).toBe(`Back-off restarting failed container alpine in pod shell_default(${get(p.cluster, 'shell')!.metadata.uid})`);
    expect(backOff.type).toBe('Warning');
  });

  it('reports images that do not exist: ErrImagePull, then ImagePullBackOff', () => {
    const p = networked();
    run(p, 'worker', { containers: [{ name: 'worker', image: 'dockercoins/worker:v0.3' }] });
    const seen = statuses(p, 'worker', 30_000);
    expect(seen.slice(0, 3)).toEqual(['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff']);
    const failed = events(p.cluster, 'worker').filter((e) => e.reason === 'Failed').map((e) => e.message);
    expect(failed[0]).toBe('Failed to pull image "dockercoins/worker:v0.3": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/dockercoins/worker:v0.3": failed to resolve reference "docker.io/dockercoins/worker:v0.3": docker.io/dockercoins/worker:v0.3: not found');
    expect(failed).toContain('Error: ImagePullBackOff');
  });

  it('a typo in the repository (ngnix) and an unknown tag (nginx:1.99) fail as containerd words them, alternating with the back-off', () => {
    const p = networked();
    run(p, 'typo', { containers: [{ name: 'typo', image: 'ngnix' }] });
    run(p, 'badtag', { containers: [{ name: 'badtag', image: 'nginx:1.99' }] });
    const seen = statuses(p, 'typo', 120_000, 500);
    expect(seen.slice(0, 5)).toEqual(['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff', 'ErrImagePull', 'ImagePullBackOff']);
    const typo = events(p.cluster, 'typo').filter((e) => e.reason === 'Failed').map((e) => e.message);
    expect(typo[0]).toBe('Failed to pull image "ngnix": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed');
    expect(typo[1]).toBe('Error: ErrImagePull');
    expect(events(p.cluster, 'typo').find((e) => e.reason === 'BackOff')).toMatchObject({ type: 'Normal', message: 'Back-off pulling image "ngnix"' });
    const bad = events(p.cluster, 'badtag').filter((e) => e.reason === 'Failed').map((e) => e.message);
    expect(bad[0]).toBe('Failed to pull image "nginx:1.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found');
    expect(get(p.cluster, 'badtag')!.status!.containerStatuses![0]!.state!.waiting).toMatchObject({ reason: expect.stringMatching(/^(ErrImagePull|ImagePullBackOff)$/) });
    // The image back-off doubles from 10 s: 4 pulls in the first two minutes (0, ~10-15, ~30-45, ~70-100 s), then at most one each 5 min.
    const pulls = () => events(p.cluster, 'typo').find((e) => e.reason === 'Pulling')!.count ?? 1;
    expect(pulls()).toBeGreaterThanOrEqual(3);
    expect(pulls()).toBeLessThanOrEqual(5);
    const before = pulls();
    p.world.advance(600_000);
    expect(pulls() - before).toBeLessThanOrEqual(4);
  });

  it('pulls the images learners and the workshop use: real nginx tags, alpine variants, busybox, redis, httpd, DockerCoins v0.1', () => {
    const p = networked();
    const images = ['nginx:1.25.3', 'nginx:1.14.2', 'nginx:alpine', 'nginx:1.24-alpine', 'busybox:1.36', 'alpine:3.18', 'redis:7', 'httpd:2.4', 'dockercoins/hasher:v0.1', 'jpetazzo/color', 'python:3.11-slim', 'ubuntu:22.04'];
    images.forEach((image, i) => run(p, `img${i}`, { containers: [{ name: 'c', image, command: ['sleep', '3600'] }] }));
    p.world.advance(120_000);
    expect(images.map((image, i) => `${image} ${podStatusText(get(p.cluster, `img${i}`)!)}`)).toEqual(images.map((image) => `${image} Running`));
  });

  it('deletes gracefully: Terminating until the containers stop (30 s for one that ignores SIGTERM)', () => {
    const p = networked();
    run(p, 'worker', { containers: [{ name: 'worker', image: 'dockercoins/worker:v0.1' }] });
    run(p, 'web', { containers: [{ name: 'web', image: 'nginx' }] });
    p.world.advance(15_000);
    const lowest = get(p.cluster, 'worker')!.status!.podIP!;
    p.cluster.store.delete(PODS, 'default', 'worker', 'user:kubectl');
    p.cluster.store.delete(PODS, 'default', 'web', 'user:kubectl');
    p.world.settle();
    p.world.advance(2_000);
    expect(get(p.cluster, 'web')).toBeUndefined();
    expect(podStatusText(get(p.cluster, 'worker')!)).toBe('Terminating');
    expect(events(p.cluster, 'worker').some((e) => e.reason === 'Killing' && e.message === 'Stopping container worker')).toBe(true);
    p.world.advance(26_000);
    expect(get(p.cluster, 'worker')).toBeDefined();
    p.world.advance(4_000);
    expect(get(p.cluster, 'worker')).toBeUndefined();
    run(p, 'again', { containers: [{ name: 'web', image: 'nginx' }] });
    p.world.advance(5_000);
    // Freed addresses are handed out again, lowest first.
    expect(get(p.cluster, 'again')?.status?.podIP).toBe(lowest);
  });

  it('gives host-network pods the node IP', () => {
    const p = networked();
    run(p, 'hostnet', { hostNetwork: true, containers: [{ name: 'c', image: 'nginx' }] });
    p.world.advance(10_000);
    expect(get(p.cluster, 'hostnet')?.status?.podIP).toBe(p.world.host('node2')!.ip);
  });

  it('keeps pod-network pods in ContainerCreating while the node has no CNI config (NetworkNotReady)', () => {
    const p = joined();
    run(p, 'early', { containers: [{ name: 'c', image: 'nginx' }] });
    expect(statuses(p, 'early', 20_000)).toEqual(['ContainerCreating']);
    const warning = events(p.cluster, 'early').find((e) => e.reason === 'NetworkNotReady')!;
    expect(warning.message).toBe('network is not ready: container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized');
    expect(warning.count).toBeGreaterThan(5);
    applyWeaveNow(p.cluster);
    expect(statuses(p, 'early', 30_000).pop()).toBe('Running');
  });
});

describe('static pods', () => {
  it('removing a manifest stops that part of the control plane; putting it back restarts it', () => {
    const p = networked();
    const node1 = p.world.host('node1')!;
    const manifest = (node1.fs.readFile('/etc/kubernetes/manifests/kube-scheduler.yaml') as { value: string }).value;
    node1.fs.remove('/etc/kubernetes/manifests/kube-scheduler.yaml');
    // The kubelet looks at the directory every 5 s (housekeeping).
    p.world.advance(6_000);
    expect(podRow(p.cluster, 'kube-scheduler-')).toEqual([]);
    expect(p.world.network.isListening('node1', 10259)).toBe(false);
    const created = p.cluster.store.create<Pod>(PODS, { metadata: { name: 'unscheduled', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, 'user:kubectl');
    expect(created.ok).toBe(true);
    p.world.advance(10_000);
    expect(get(p.cluster, 'unscheduled')?.spec?.nodeName).toBeUndefined();
    node1.fs.writeFile('/etc/kubernetes/manifests/kube-scheduler.yaml', manifest);
    p.world.advance(10_000);
    expect(podRow(p.cluster, 'kube-scheduler-').map((r) => `${r.ready} ${r.status}`)).toEqual(['1/1 Running']);
    expect(get(p.cluster, 'unscheduled')?.spec?.nodeName).toBeDefined();
  });

  it('moving kube-apiserver\'s manifest away takes the API down; moving it back brings it up again', () => {
    const p = networked();
    const node1 = p.world.host('node1')!;
    const path = '/etc/kubernetes/manifests/kube-apiserver.yaml';
    const manifest = (node1.fs.readFile(path) as { value: string }).value;
    node1.fs.remove(path);
    p.world.advance(40_000);
    expect(p.cluster.apiServerUp).toBe(false);
    expect(p.world.network.dial('node2', node1.ip, 6443)).toEqual({ ok: false, reason: 'refused' });
    node1.fs.writeFile(path, manifest);
    p.world.advance(15_000);
    expect(p.cluster.apiServerUp).toBe(true);
    expect(podRow(p.cluster, 'kube-apiserver-').map((r) => `${r.ready} ${r.status}`)).toEqual(['1/1 Running']);
  });

  it('recreates a mirror pod deleted through the API (the static pod never stopped)', () => {
    const p = networked();
    const before = p.cluster.store.get<Pod>(PODS, 'kube-system', 'etcd-node1')!;
    p.cluster.store.delete(PODS, 'kube-system', 'etcd-node1', 'user:kubectl');
    p.world.settle();
    p.world.advance(2_000);
    const after = p.cluster.store.get<Pod>(PODS, 'kube-system', 'etcd-node1')!;
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.metadata.annotations?.['kubernetes.io/config.mirror']).toBe(before.metadata.annotations?.['kubernetes.io/config.mirror']);
    expect(after.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'node1', controller: true });
  });
});

describe('after a reset, the leftover CNI config', () => {
  it('makes the new node Ready at once, but pods fail to get a sandbox until Weave runs again', () => {
    const p = networked();
    for (const name of ['node2', 'node1']) {
      const host = p.world.host(name)!;
      const plan = planReset(p.world, host);
      stopKubelet(p.world, host);
      deleteEtcdData(p.world, host, plan);
      cleanDirectories(host, plan);
      deleteFiles(host);
    }
    expect(p.world.clusters).toHaveLength(0);
    const init = kubeadmInitNow(p.world, 'node1');
    if (!init.ok) throw new Error(init.error);
    const cluster = init.value.cluster;
    p.world.advance(30_000);
    const dns = podRows(cluster, 'kube-system').filter((r) => r.name.startsWith('coredns-'));
    expect(dns.map((r) => `${r.node} ${r.status}`)).toEqual(['node1 ContainerCreating', 'node1 ContainerCreating']);
    const failure = cluster.store.list<Event>(EVENTS).find((e) => e.reason === 'FailedCreatePodSandBox')!;
    expect(failure.message).toMatch(/^Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "[0-9a-f]{64}": plugin type="weave-net" name="weave" failed \(add\): unable to allocate IP address: Post "http:\/\/127\.0\.0\.1:6784\/ip\/[0-9a-f]{64}": dial tcp 127\.0\.0\.1:6784: connect: connection refused$/);
    const join = kubeadmJoinNow(p.world, 'node2', cluster, init.value.token);
    expect(join.ok).toBe(true);
    applyWeaveNow(cluster);
    p.world.advance(40_000);
    expect(podRows(cluster, 'kube-system').filter((r) => r.name.startsWith('coredns-')).map((r) => r.status)).toEqual(['Running', 'Running']);
  });
});
