import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import { deployment } from '../testing/fixtures';
import type { ConfigMap, Namespace } from '../api/types';
import { mustResolve } from '../api/resources';

describe('namespace lifecycle', () => {
  it('a new namespace is Active and gets a default ServiceAccount and kube-root-ca.crt', () => {
    const t = TestCluster.create();
    t.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
    expect(t.get<Namespace>('ns', 'demo')).toMatchObject({ spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    expect(t.get('sa', 'default', 'demo')).toBeDefined();
    const cm = t.get<ConfigMap>('cm', 'kube-root-ca.crt', 'demo');
    expect(cm?.data?.['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
  });

  it('deleting a namespace marks it Terminating, empties it, then removes it', () => {
    const t = TestCluster.create({ kubelet: { stopMs: 3000 } });
    t.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
    t.create(deployment('web', { namespace: 'demo', replicas: 2 }));
    t.advance('5s');
    t.delete('ns', 'demo');
    expect(t.get<Namespace>('ns', 'demo')?.status?.phase).toBe('Terminating');
    expect(t.podLines('demo').every((l) => l.includes('Terminating'))).toBe(true);
    const refused = t.store.create(mustResolve('configmaps'), { metadata: { name: 'late', namespace: 'demo' } }, 'user:kubectl');
    expect(refused.ok ? '' : refused.error.toKubectl()).toBe(
      'Error from server (Forbidden): configmaps "late" is forbidden: unable to create new content in namespace demo because it is being terminated');
    t.advance('4s');
    expect(t.get('ns', 'demo')).toBeUndefined();
    expect(t.pods('demo')).toEqual([]);
  });

  it('refuses to delete default, kube-system and kube-public', () => {
    const t = TestCluster.create();
    const result = t.store.delete(mustResolve('namespaces'), undefined, 'kube-system', 'user:kubectl');
    expect(result.ok ? '' : result.error.toKubectl()).toBe('Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted');
  });
});
