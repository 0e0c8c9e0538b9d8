import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import type { ConfigMap, Event, Node, Pod, Secret, Service } from 'kubernetes-types/core/v1';
import type { DaemonSet, Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { mustResolve } from '../api/resources';
import { base64Decode } from '../util/base64';
import { snapshotOf } from '../snapshot';
import { applyWeaveNow } from './scenario';
import { initialized, joined, networked } from './testing/fixtures';
import { nodeRows, podRow, podRows } from './testing/podTable';
import { NETWORK_NOT_READY_MESSAGE } from './kubelet/nodeStatus';
import { WEAVE_CONFLIST_PATH } from './addons/weaveAgent';

/** Reads back a file kubeadm wrote; `any` keeps the deep property reads of these assertions short. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const parse = (text: string): any => load(text);

const R = {
  nodes: mustResolve('nodes'), pods: mustResolve('pods'), ns: mustResolve('namespaces'), cm: mustResolve('configmaps'),
  secrets: mustResolve('secrets'), svc: mustResolve('services'), ds: mustResolve('daemonsets'), deploy: mustResolve('deployments'),
  rs: mustResolve('replicasets'), sa: mustResolve('serviceaccounts'), events: mustResolve('events'),
};

describe('after kubeadm init', () => {
  const p = initialized();
  p.world.advance(30_000);
  const { cluster, world } = p;
  const node1 = world.host('node1')!;

  it('runs the control plane as static pods and kube-proxy; coredns waits for a pod network; node1 is NotReady', () => {
    expect(nodeRows(cluster)).toEqual(['node1 NotReady']);
    const rows = podRows(cluster, 'kube-system').map((r) => `${r.name.replace(/^(coredns-5d78c9869d|kube-proxy)-[a-z0-9]{5}$/, '$1-xxxxx')} ${r.ready} ${r.status} ${r.node}`);
    expect(rows).toEqual([
      'coredns-5d78c9869d-xxxxx 0/1 Pending <none>',
      'coredns-5d78c9869d-xxxxx 0/1 Pending <none>',
      'etcd-node1 1/1 Running node1',
      'kube-apiserver-node1 1/1 Running node1',
      'kube-controller-manager-node1 1/1 Running node1',
      'kube-proxy-xxxxx 1/1 Running node1',
      'kube-scheduler-node1 1/1 Running node1',
    ]);
    const ready = cluster.store.get<Node>(R.nodes, undefined, 'node1')!.status!.conditions!.find((c) => c.type === 'Ready')!;
    expect(ready).toMatchObject({ status: 'False', reason: 'KubeletNotReady', message: NETWORK_NOT_READY_MESSAGE });
  });

  it('registers node1 as the real kubelet does, marked control-plane by kubeadm', () => {
    const node = cluster.store.get<Node>(R.nodes, undefined, 'node1')!;
    expect(node.metadata.labels).toMatchObject({
      'kubernetes.io/hostname': 'node1', 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '',
    });
    expect(node.spec?.taints).toContainEqual({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' });
    expect(node.status?.nodeInfo).toMatchObject({
      osImage: 'CentOS Linux 7 (Core)', kubeletVersion: 'v1.27.2', containerRuntimeVersion: 'containerd://1.6.21', machineID: node1.machineId,
    });
    expect(node.status?.addresses).toEqual([{ type: 'InternalIP', address: node1.ip }, { type: 'Hostname', address: 'node1' }]);
    expect(node.status?.capacity?.pods).toBe('110');
    expect(node1.kubelet?.running).toBe(true);
    expect(node1.kubelet?.apiServer).toBe(`${node1.ip}:6443`);
  });

  it('writes the files kubeadm writes, with the cluster CA in every kubeconfig', () => {
    const read = (path: string) => {
      const r = node1.fs.readFile(path);
      if (!r.ok) throw new Error(`${path}: ${r.error.code}`);
      return r.value;
    };
    for (const file of ['admin.conf', 'kubelet.conf', 'controller-manager.conf', 'scheduler.conf']) {
      const kubeconfig = parse(read(`/etc/kubernetes/${file}`));
      expect(kubeconfig.clusters[0].cluster).toEqual({ 'certificate-authority-data': cluster.ca.certData, server: `https://${node1.ip}:6443` });
    }
    expect(parse(read('/etc/kubernetes/admin.conf'))['current-context']).toBe('kubernetes-admin@kubernetes');
    expect(read('/etc/kubernetes/pki/ca.crt')).toBe(base64Decode(cluster.ca.certData));
    expect(node1.fs.readdir('/etc/kubernetes/pki').ok && (node1.fs.readdir('/etc/kubernetes/pki') as { value: string[] }).value).toEqual([
      'apiserver-etcd-client.crt', 'apiserver-etcd-client.key', 'apiserver-kubelet-client.crt', 'apiserver-kubelet-client.key', 'apiserver.crt',
      'apiserver.key', 'ca.crt', 'ca.key', 'etcd', 'front-proxy-ca.crt', 'front-proxy-ca.key', 'front-proxy-client.crt', 'front-proxy-client.key',
      'sa.key', 'sa.pub',
    ]);
    for (const [name, image] of [
      ['etcd', 'registry.k8s.io/etcd:3.5.7-0'], ['kube-apiserver', 'registry.k8s.io/kube-apiserver:v1.27.2'],
      ['kube-controller-manager', 'registry.k8s.io/kube-controller-manager:v1.27.2'], ['kube-scheduler', 'registry.k8s.io/kube-scheduler:v1.27.2'],
    ]) {
      const manifest = parse(read(`/etc/kubernetes/manifests/${name}.yaml`));
      expect(manifest).toMatchObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'kube-system' }, spec: { hostNetwork: true } });
      expect(manifest.spec.containers[0].image).toBe(image);
    }
    expect(parse(read('/var/lib/kubelet/config.yaml')).kind).toBe('KubeletConfiguration');
    expect(read('/var/lib/kubelet/kubeadm-flags.env')).toContain('--container-runtime-endpoint=unix:///run/docker/containerd/containerd.sock');
    expect(node1.fs.exists('/var/lib/etcd/member/snap/db')).toBe(true);
  });

  it('creates through the API what kubeadm and the control plane create', () => {
    const store = cluster.store;
    expect(store.list(R.ns).map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(store.get<ConfigMap>(R.cm, 'kube-system', 'kubeadm-config')?.data?.['ClusterConfiguration']).toContain('kubernetesVersion: v1.27.2');
    expect(store.get(R.cm, 'kube-system', 'kubelet-config')).toBeDefined();
    const info = store.get<ConfigMap>(R.cm, 'kube-public', 'cluster-info')!;
    expect(info.data?.[`jws-kubeconfig-${p.token.slice(0, 6)}`]).toMatch(/^[\w-]+\.\.[\w-]{43}$/);
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
      expect(store.get(R.cm, ns, 'kube-root-ca.crt')).toBeDefined();
      expect(store.get(R.sa, ns, 'default')).toBeDefined();
    }
    const secret = store.get<Secret>(R.secrets, 'kube-system', `bootstrap-token-${p.token.slice(0, 6)}`)!;
    expect(secret.type).toBe('bootstrap.kubernetes.io/token');
    expect(Date.parse(base64Decode(secret.data!['expiration']!)!) - Date.parse(secret.metadata.creationTimestamp)).toBe(24 * 3600 * 1000);
    expect(store.get<Service>(R.svc, 'default', 'kubernetes')?.spec?.clusterIP).toBe('10.96.0.1');
    const dns = store.get<Service>(R.svc, 'kube-system', 'kube-dns')!;
    expect(dns.spec?.clusterIP).toBe('10.96.0.10');
    expect(dns.spec?.ports?.map((x) => `${x.port}/${x.protocol}`)).toEqual(['53/UDP', '53/TCP', '9153/TCP']);
    const coredns = store.get<Deployment>(R.deploy, 'kube-system', 'coredns')!;
    expect(coredns.spec?.replicas).toBe(2);
    expect(coredns.spec?.template.spec?.priorityClassName).toBe('system-cluster-critical');
    expect(coredns.spec?.template.spec?.containers[0]?.image).toBe('registry.k8s.io/coredns/coredns:v1.10.1');
    expect(store.list<ReplicaSet>(R.rs).map((rs) => rs.metadata.name)).toEqual(['coredns-5d78c9869d']);
    const proxy = store.get<DaemonSet>(R.ds, 'kube-system', 'kube-proxy')!;
    expect(proxy.spec?.template.spec?.hostNetwork).toBe(true);
    expect(proxy.spec?.template.spec?.tolerations).toEqual([{ operator: 'Exists' }]);
    expect(store.get(mustResolve('clusterrolebindings'), undefined, 'kubeadm:kubelet-bootstrap')).toBeDefined();
    expect(store.get(mustResolve('clusterroles'), undefined, 'cluster-admin')).toBeDefined();
  });

  it('serves the API on the advertise address while kube-apiserver runs', () => {
    const dial = world.network.dial('node2', node1.ip, 6443);
    expect(dial.ok && (dial.listener.service as { cluster: unknown }).cluster).toBe(cluster);
    expect(world.network.isListening('node1', 10250)).toBe(true);
    expect(world.network.isListening('node1', 2379)).toBe(true);
  });
});

describe('after kubeadm join', () => {
  const p = joined();
  p.world.advance(20_000);
  const node2 = p.world.host('node2')!;

  it('registers node2 NotReady and runs kube-proxy on it', () => {
    expect(nodeRows(p.cluster)).toEqual(['node1 NotReady', 'node2 NotReady']);
    const proxies = podRow(p.cluster, 'kube-proxy-');
    expect(proxies.map((r) => `${r.node} ${r.ready} ${r.status}`).sort()).toEqual(['node1 1/1 Running', 'node2 1/1 Running']);
    expect(proxies.find((r) => r.node === 'node2')?.ip).toBe(node2.ip);
  });

  it('leaves node2 with its kubeconfig, the CA, and a running kubelet', () => {
    const kubeconfig = parse((node2.fs.readFile('/etc/kubernetes/kubelet.conf') as { value: string }).value);
    expect(kubeconfig.clusters[0].cluster.server).toBe(p.cluster.endpoint.replace(/^/, 'https://'));
    expect(kubeconfig.users[0].user['client-certificate']).toBe('/var/lib/kubelet/pki/kubelet-client-current.pem');
    expect(node2.fs.readFile('/etc/kubernetes/pki/ca.crt')).toEqual({ ok: true, value: base64Decode(p.cluster.ca.certData) });
    expect(node2.fs.exists('/etc/kubernetes/bootstrap-kubelet.conf')).toBe(false);
    expect(node2.kubelet?.running).toBe(true);
  });

  it('pulls kube-proxy on node2 (node1 had it from kubeadm init)', () => {
    const events = p.cluster.store.list<Event>(R.events, { namespace: 'kube-system' })
      .filter((e) => e.source?.host === 'node2' && (e.involvedObject.name ?? '').startsWith('kube-proxy-'));
    expect(events.map((e) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(events[0]!.message).toBe('Pulling image "registry.k8s.io/kube-proxy:v1.27.2"');
    expect(events[1]!.message).toMatch(/^Successfully pulled image "registry\.k8s\.io\/kube-proxy:v1\.27\.2" in \d+\.\d+s \(\d+\.\d+s including waiting\)$/);
    expect(events[2]!.message).toBe('Created container kube-proxy');
  });
});

describe('Weave Net', () => {
  it('starts weave on both nodes (Init:0/1 → 2/2), makes them Ready, and lets coredns run on the overlay', () => {
    const p = joined();
    p.world.advance(20_000);
    applyWeaveNow(p.cluster);
    const seen = new Map<string, string[]>();
    let readyAt: number | undefined;
    const start = p.world.now();
    for (let t = 0; t < 60_000; t += 250) {
      p.world.advance(250);
      for (const row of podRow(p.cluster, 'weave-net-')) {
        const list = seen.get(row.name) ?? [];
        const label = `${row.ready} ${row.status}`;
        if (list[list.length - 1] !== label) list.push(label);
        seen.set(row.name, list);
      }
      if (readyAt === undefined && nodeRows(p.cluster).every((r) => r.endsWith(' Ready'))) readyAt = p.world.now() - start;
    }
    expect(seen.size).toBe(2);
    for (const statuses of seen.values()) {
      expect(statuses[0]).toBe('0/2 Init:0/1');
      expect(statuses[statuses.length - 1]).toBe('2/2 Running');
    }
    expect(readyAt).toBeGreaterThan(5_000);
    expect(readyAt).toBeLessThanOrEqual(30_000);
    const dns = podRow(p.cluster, 'coredns-');
    expect(dns.map((r) => `${r.ready} ${r.status}`)).toEqual(['1/1 Running', '1/1 Running']);
    for (const r of dns) expect(r.ip).toMatch(r.node === 'node1' ? /^10\.32\.0\.\d+$/ : /^10\.44\.0\.\d+$/);
    expect(new Set(dns.map((r) => r.ip)).size).toBe(2);
    expect(p.cluster.podNetwork.nodesUp()).toEqual(['node1', 'node2']);
    expect(p.cluster.podNetwork.slices().map((s) => s.cidr)).toHaveLength(2);
    for (const host of p.world.hosts) expect(host.fs.readFile(WEAVE_CONFLIST_PATH).ok).toBe(true);
    const net = p.cluster.store.get<Node>(R.nodes, undefined, 'node2')!.status!.conditions![0];
    expect(net).toMatchObject({ type: 'NetworkUnavailable', status: 'False', reason: 'WeaveIsUp', message: 'Weave pod has set this' });
  });

  it('restarts weave once on some nodes, from the seed', () => {
    const restarts = (seed: string) => podRow(networked(seed).cluster, 'weave-net-').map((r) => r.restarts);
    const all = ['a', 'b', 'c', 'd', 'e', 'f'].flatMap((s) => restarts(s));
    expect(new Set(all)).toEqual(new Set([0, 1]));
    expect(restarts('a')).toEqual(restarts('a'));
  });
});

describe('the Weave manifest on the simulated internet', () => {
  it('answers the cloud.weave.works one-liner (any query) and the v2.8.1 release URL with the same List', () => {
    const { world } = initialized();
    const cloud = world.internet.fetch('https://cloud.weave.works/k8s/net?k8s-version=Q2xpZW50IFZlcnNpb246IHYxLjI3LjIK');
    const release = world.internet.fetch('https://github.com/weaveworks/weave/releases/download/v2.8.1/weave-daemonset-k8s.yaml');
    if (!cloud.ok || !release.ok) throw new Error('weave URLs do not answer');
    expect(cloud.body).toBe(release.body);
    const list = parse(cloud.body);
    expect(list.kind).toBe('List');
    expect(list.items.map((i: { kind: string }) => i.kind)).toEqual(['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding', 'DaemonSet']);
    const ds = list.items[5];
    expect(ds.metadata).toMatchObject({ name: 'weave-net', namespace: 'kube-system', labels: { name: 'weave-net' } });
    expect(ds.spec.minReadySeconds).toBe(5);
    expect(ds.spec.template.spec.initContainers.map((c: { name: string }) => c.name)).toEqual(['weave-init']);
    expect(ds.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(['weave', 'weave-npc']);
    expect(ds.spec.template.spec.tolerations).toEqual([{ effect: 'NoSchedule', operator: 'Exists' }, { effect: 'NoExecute', operator: 'Exists' }]);
    expect(world.internet.fetch('https://cloud.weave.works/other')).toMatchObject({ ok: false, status: 404 });
  });
});

describe('determinism', () => {
  it('the same seed gives the same cluster, byte for byte; another seed another token', () => {
    const picture = (seed: string) => {
      const p = networked(seed);
      const snap = snapshotOf(p.world);
      const events = p.cluster.store.list<Event>(R.events).map((e) => `${e.metadata.name} ${e.reason} ${e.message}`);
      return { json: JSON.stringify({ snap, events }), token: p.token };
    };
    const a = picture('same');
    const b = picture('same');
    expect(a.json).toBe(b.json);
    expect(picture('other').token).not.toBe(a.token);
  });

  it('pods get unique names and the node1 pods keep the node IP', () => {
    const p = networked();
    const pods = p.cluster.store.list<Pod>(R.pods);
    expect(new Set(pods.map((x) => x.metadata.name)).size).toBe(pods.length);
    for (const pod of pods.filter((x) => x.spec?.hostNetwork)) expect(pod.status?.podIP).toBe(p.world.host(pod.spec!.nodeName!)!.ip);
  });
});
