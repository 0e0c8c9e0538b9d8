import { describe, expect, it } from 'vitest';
import type { DaemonSet, Pod } from './types';
import { applyDefaults, pullPolicyFor, qosClassOf } from './defaults';

describe('API defaulting', () => {
  it('picks imagePullPolicy from the tag', () => {
    expect(pullPolicyFor('nginx')).toBe('Always');
    expect(pullPolicyFor('nginx:latest')).toBe('Always');
    expect(pullPolicyFor('nginx:1.25')).toBe('IfNotPresent');
    expect(pullPolicyFor('localhost:5000/worker')).toBe('Always');
    expect(pullPolicyFor('localhost:5000/worker:v0.1')).toBe('IfNotPresent');
    expect(pullPolicyFor('redis@sha256:abc')).toBe('IfNotPresent');
  });

  it('fills a new pod as the API server and its admission plugins do', () => {
    const pod: Pod = { metadata: { name: 'p' }, spec: { hostNetwork: true, priorityClassName: 'system-node-critical', containers: [{ name: 'c', image: 'x:1', ports: [{ containerPort: 6783 }], readinessProbe: { httpGet: { port: 6784, path: '/status' } } }] } };
    applyDefaults('Pod', pod, 'create');
    expect(pod.spec).toMatchObject({ priority: 2000001000, dnsPolicy: 'ClusterFirst', serviceAccountName: 'default', serviceAccount: 'default' });
    expect(pod.spec?.containers[0]?.ports).toEqual([{ containerPort: 6783, hostPort: 6783, protocol: 'TCP' }]);
    expect(pod.spec?.containers[0]?.readinessProbe).toEqual({ httpGet: { port: 6784, path: '/status', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('does not add default tolerations to a pod that already tolerates everything', () => {
    const pod: Pod = { metadata: { name: 'p' }, spec: { tolerations: [{ operator: 'Exists' }], containers: [{ name: 'c', image: 'x' }] } };
    applyDefaults('Pod', pod, 'create');
    expect(pod.spec?.tolerations).toEqual([{ operator: 'Exists' }]);
  });

  it('defaults a DaemonSet update strategy', () => {
    const ds: DaemonSet = { metadata: { name: 'd' }, spec: { selector: {}, template: { spec: { containers: [{ name: 'c', image: 'x' }] } } } };
    applyDefaults('DaemonSet', ds, 'create');
    expect(ds.spec?.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec?.revisionHistoryLimit).toBe(10);
  });

  it('computes the QoS class', () => {
    expect(qosClassOf({ containers: [{ name: 'a', resources: { requests: { cpu: '100m' } } }] })).toBe('Burstable');
    expect(qosClassOf({ containers: [{ name: 'a', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } } }] })).toBe('Guaranteed');
  });
});
