import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { mustResolve } from './resources';
import { serviceAccountAdmission } from './serviceAccountAdmission';
import { ApiStore } from './store';
import type { Pod } from './types';

const PODS = mustResolve('pods');
const NAMESPACES = mustResolve('namespaces');

function store(): ApiStore {
  const s = new ApiStore(() => 0, Date.UTC(2023, 5, 1, 9), Random.fromSeed('sa'));
  s.admit(serviceAccountAdmission(Random.fromSeed('sa').fork('volumes')));
  s.create(NAMESPACES, { metadata: { name: 'default' } }, 'test');
  return s;
}

function create(s: ApiStore, pod: Pod): Pod {
  const r = s.create<Pod>(PODS, pod, 'test');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the ServiceAccount admission plugin', () => {
  it('gives a new pod the default account and the kube-api-access projected volume, mounted read-only in every container', () => {
    const pod = create(store(), { metadata: { name: 'web' }, spec: { initContainers: [{ name: 'init', image: 'busybox' }], containers: [{ name: 'web', image: 'nginx' }] } });
    const volume = pod.spec!.volumes![0]!;
    expect(volume.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(volume.projected).toEqual({
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    });
    const mount = { name: volume.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };
    expect(pod.spec!.initContainers![0]!.volumeMounts).toEqual([mount]);
    expect(pod.spec!.containers[0]!.volumeMounts).toEqual([mount]);
    expect(pod.spec).toMatchObject({ serviceAccountName: 'default', serviceAccount: 'default' });
  });

  it('leaves mirror pods, pods that opt out and containers with their own mount at the path alone', () => {
    const s = store();
    const mirror = create(s, { metadata: { name: 'etcd-node1', annotations: { 'kubernetes.io/config.mirror': 'abc' } }, spec: { containers: [{ name: 'etcd', image: 'etcd' }] } });
    expect(mirror.spec!.volumes).toBeUndefined();
    expect(mirror.spec!.serviceAccountName).toBeUndefined();
    const optOut = create(s, { metadata: { name: 'quiet' }, spec: { automountServiceAccountToken: false, containers: [{ name: 'c', image: 'nginx' }] } });
    expect(optOut.spec!.volumes).toBeUndefined();
    const own = { name: 'mine', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };
    const mixed = create(s, {
      metadata: { name: 'mixed' },
      spec: { volumes: [{ name: 'mine', emptyDir: {} }], containers: [{ name: 'a', image: 'nginx', volumeMounts: [own] }, { name: 'b', image: 'nginx' }] },
    });
    expect(mixed.spec!.containers[0]!.volumeMounts).toEqual([own]);
    expect(mixed.spec!.containers[1]!.volumeMounts![0]!.name).toMatch(/^kube-api-access-/);
    expect(mixed.spec!.volumes!.map((v) => v.name)).toEqual(['mine', mixed.spec!.containers[1]!.volumeMounts![0]!.name]);
  });

  it('adds nothing on update', () => {
    const s = store();
    const pod = create(s, { metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
    const r = s.update<Pod>(PODS, { ...pod, metadata: { ...pod.metadata, labels: { a: 'b' } } }, 'test');
    expect(r.ok && r.value.spec!.volumes).toEqual(pod.spec!.volumes);
  });
});

describe('a pod naming a ServiceAccount', () => {
  const SERVICE_ACCOUNTS = mustResolve('serviceaccounts');
  function storeWithLookup(): ApiStore {
    const s = new ApiStore(() => 0, Date.UTC(2023, 5, 1, 9), Random.fromSeed('sa'));
    s.admit(serviceAccountAdmission(Random.fromSeed('sa').fork('volumes'), (namespace, name) => s.get(SERVICE_ACCOUNTS, namespace, name) !== undefined));
    s.create(NAMESPACES, { metadata: { name: 'default' } }, 'test');
    return s;
  }

  it('that does not exist is refused with the plugin\'s words; once it exists the pod is admitted', () => {
    const s = storeWithLookup();
    const pod: Pod = { metadata: { name: 'build' }, spec: { serviceAccountName: 'builder', containers: [{ name: 'b', image: 'busybox' }] } };
    const refused = s.create<Pod>(PODS, pod, 'test');
    expect(!refused.ok && refused.error.toKubectl()).toBe('Error from server (Forbidden): pods "build" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found');
    expect(s.list(PODS)).toEqual([]);
    s.create(SERVICE_ACCOUNTS, { metadata: { name: 'builder', namespace: 'default' } }, 'test');
    expect(s.create<Pod>(PODS, pod, 'test').ok).toBe(true);
  });

  it('`default` is not looked up: its controller creates it a tick after the namespace', () => {
    expect(storeWithLookup().create<Pod>(PODS, { metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } }, 'test').ok).toBe(true);
  });
});
