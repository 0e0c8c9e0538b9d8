import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../api/types';
import { fenceposts, maxUnavailable, newRSNewReplicas, scaledValue } from './deploymentUtil';

const d = (replicas: number, maxSurge?: number | string, maxUnavailableValue?: number | string): Deployment => ({
  metadata: { name: 'web' },
  spec: {
    replicas,
    selector: {},
    template: {},
    strategy: { type: 'RollingUpdate', rollingUpdate: { ...(maxSurge !== undefined ? { maxSurge } : {}), ...(maxUnavailableValue !== undefined ? { maxUnavailable: maxUnavailableValue } : {}) } },
  },
});

describe('deployment arithmetic', () => {
  it('rounds maxSurge up and maxUnavailable down', () => {
    expect(scaledValue('25%', 10, true)).toBe(3);
    expect(scaledValue('25%', 10, false)).toBe(2);
    expect(fenceposts(d(10))).toEqual({ surge: 3, unavailable: 2 });
    expect(fenceposts(d(3))).toEqual({ surge: 1, unavailable: 0 });
    expect(fenceposts(d(1))).toEqual({ surge: 1, unavailable: 0 });
  });

  it('never lets both be zero: one may be unavailable', () => {
    expect(fenceposts(d(4, 0, '10%'))).toEqual({ surge: 0, unavailable: 1 });
    expect(maxUnavailable(d(0))).toBe(0);
    expect(maxUnavailable(d(2, 0, 5))).toBe(2);
  });

  it('sizes the new ReplicaSet within replicas + maxSurge', () => {
    const rs = (replicas: number): ReplicaSet => ({ spec: { replicas, selector: {} } });
    const old = rs(10);
    const fresh = rs(0);
    expect(newRSNewReplicas(d(10), [old, fresh], fresh)).toBe(3);
    expect(newRSNewReplicas(d(10), [rs(13), fresh], fresh)).toBe(0);
    expect(newRSNewReplicas(d(10), [fresh], fresh)).toBe(10);
  });
});
