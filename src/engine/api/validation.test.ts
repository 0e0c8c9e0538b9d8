import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { mustResolve } from './resources';
import { ApiStore } from './store';
import type { KubeObject, WatchEvent } from './types';

const DEPLOYMENTS = mustResolve('deployments');
const NAMESPACES = mustResolve('namespaces');
const CONFIGMAPS = mustResolve('configmaps');
const CLUSTERROLES = mustResolve('clusterroles');
const JOBS = mustResolve('jobs');

function store(): { s: ApiStore; events: WatchEvent[] } {
  const s = new ApiStore(() => 0, Date.UTC(2023, 5, 1, 9), Random.fromSeed('validation'));
  s.create(NAMESPACES, { metadata: { name: 'default' } }, 'test');
  const events: WatchEvent[] = [];
  s.watch((e) => events.push(e));
  return { s, events };
}

function deployment(name: string, labels: Record<string, string>, selector: Record<string, string> = labels): KubeObject {
  return {
    metadata: { name },
    spec: { replicas: 2, selector: { matchLabels: selector }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
  } as KubeObject;
}

describe('the API server validates every write, whoever sends it', () => {
  it('refuses a Deployment whose selector does not match its template, with every cause, and stores nothing', () => {
    const { s, events } = store();
    const sent = deployment('Web', { app: 'web' }, { app: 'api' });
    const r = s.create(DEPLOYMENTS, sent, 'user:kubectl');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.reason).toBe('Invalid');
    expect(r.error.causes).toEqual([
      expect.stringMatching(/^metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain/),
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
    expect(r.error.message).toMatch(/^Deployment\.apps "Web" is invalid: \[metadata\.name/);
    expect(s.list(DEPLOYMENTS)).toEqual([]);
    expect(events).toEqual([]);
  });

  it('checks validation before existence: an invalid object under a taken name is Invalid, not AlreadyExists', () => {
    const { s } = store();
    expect(s.create(DEPLOYMENTS, deployment('web', { app: 'web' }), 'test').ok).toBe(true);
    const again = s.create(DEPLOYMENTS, deployment('web', { app: 'web' }, { app: 'other' }), 'test');
    expect(!again.ok && again.error.reason).toBe('Invalid');
  });

  it('refuses an update that changes an apps/v1 selector, or makes replicas negative, from a controller as from kubectl', () => {
    const { s } = store();
    s.create(DEPLOYMENTS, deployment('web', { app: 'web', tier: 'a' }, { app: 'web' }), 'test');
    const moved = s.mutate(DEPLOYMENTS, 'default', 'web', 'controller:test', (d) => {
      (d as unknown as { spec: { selector: unknown } }).spec.selector = { matchLabels: { tier: 'a' } };
    });
    expect(!moved.ok && moved.error.causes).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"tier":"a"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
    const negative = s.mutate(DEPLOYMENTS, 'default', 'web', 'controller:test', (d) => {
      (d as unknown as { spec: { replicas: number } }).spec.replicas = -1;
    });
    expect(!negative.ok && negative.error.message).toBe('Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    expect((s.get(DEPLOYMENTS, 'default', 'web') as unknown as { spec: { replicas: number } }).spec.replicas).toBe(2);
  });

  it('validates dry runs the same way, and a valid dry run stores nothing', () => {
    const { s, events } = store();
    const bad = s.createDryRun(DEPLOYMENTS, deployment('web', { app: 'web' }, { app: 'x' }));
    expect(!bad.ok && bad.error.reason).toBe('Invalid');
    expect(s.createDryRun(DEPLOYMENTS, deployment('web', { app: 'web' })).ok).toBe(true);
    s.create(DEPLOYMENTS, deployment('web', { app: 'web' }), 'test');
    const stored = s.get(DEPLOYMENTS, 'default', 'web')!;
    const scaled = s.updateDryRun(DEPLOYMENTS, { ...stored, spec: { ...(stored as unknown as { spec: object }).spec, replicas: 5 } } as KubeObject);
    expect(scaled.ok && (scaled.value as unknown as { spec: { replicas: number } }).spec.replicas).toBe(5);
    expect(s.get(DEPLOYMENTS, 'default', 'web')).toBe(stored);
    expect(events.map((e) => e.type)).toEqual(['ADDED']);
    const already = s.createDryRun(DEPLOYMENTS, deployment('web', { app: 'web' }));
    expect(!already.ok && already.error.reason).toBe('AlreadyExists');
  });

  it('names: DNS subdomains for most kinds, path segments for RBAC ("system:node" is fine)', () => {
    const { s } = store();
    const cm = s.create(CONFIGMAPS, { metadata: { name: 'kube_root' } } as KubeObject, 'test');
    expect(!cm.ok && cm.error.causes?.[0]).toMatch(/^metadata\.name: Invalid value: "kube_root": a lowercase RFC 1123 subdomain/);
    expect(s.create(CLUSTERROLES, { metadata: { name: 'system:node' } } as KubeObject, 'test').ok).toBe(true);
    const slash = s.create(CLUSTERROLES, { metadata: { name: 'a/b' } } as KubeObject, 'test');
    expect(!slash.ok && slash.error.message).toBe('ClusterRole.rbac.authorization.k8s.io "a/b" is invalid: metadata.name: Invalid value: "a/b": may not contain \'/\'');
  });

  it('Jobs: pods that would restart Always (the template said nothing), negative counts, a manual selector left out', () => {
    const { s } = store();
    const job = (spec: object) => ({ metadata: { name: 'pi' }, spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } }, ...spec } }) as unknown as KubeObject;
    const always = s.create(JOBS, job({}), 'user:kubectl');
    expect(!always.ok && always.error.message).toBe('Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
    const counts = s.create(JOBS, job({ parallelism: -1, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } }), 'user:kubectl');
    expect(!counts.ok && counts.error.causes).toEqual(['spec.parallelism: Invalid value: -1: must be greater than or equal to 0']);
    const manual = s.create(JOBS, job({ manualSelector: true, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } }), 'user:kubectl');
    expect(!manual.ok && manual.error.causes).toEqual(['spec.selector: Required value']);
    // Without manualSelector the server writes the selector, and the Job is stored with it.
    const fine = s.create(JOBS, job({ template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'pi', image: 'perl' }] } } }), 'user:kubectl');
    expect(fine.ok && (fine.value as unknown as { spec: { selector: { matchLabels: Record<string, string> } } }).spec.selector.matchLabels['batch.kubernetes.io/controller-uid']).toBe(fine.ok ? fine.value.metadata.uid : '');
  });
});
