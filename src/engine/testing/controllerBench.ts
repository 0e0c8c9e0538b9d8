/**
 * Measurements for `npm run bench` (scripts call these; unit tests never time anything): how much
 * CPU the control loops need to bring 1,000 pods up, and to roll them to a new image.
 * Each returns `{ name, value, unit }` lines as the bench contract asks.
 */
import { performance } from 'node:perf_hooks';
import { TestCluster } from './testCluster';
import { TOLERATE_CONTROL_PLANE, deployment } from './fixtures';

export interface BenchLine {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

/** A cluster of 12 nodes (110 pods each) where 1,000 pods of one Deployment are Running and Ready. */
export function thousandPods(): TestCluster {
  const nodes = Array.from({ length: 12 }, (_, i) => ({ name: `node${i + 1}`, controlPlane: i === 0 }));
  const t = TestCluster.create({ nodes });
  t.create(deployment('web', { replicas: 1000, tolerations: TOLERATE_CONTROL_PLANE }));
  t.advance('30s');
  return t;
}

export function benchControllers(): BenchLine[] {
  let start = performance.now();
  const t = thousandPods();
  const settle = performance.now() - start;
  start = performance.now();
  t.setImage('deploy', 'web', 'nginx:1.25');
  t.advance('5m');
  const rollout = performance.now() - start;
  return [
    { name: 'controllers: 1,000 pods from one Deployment to Ready', value: Math.round(settle), unit: 'ms' },
    { name: 'controllers: rolling update of 1,000 pods', value: Math.round(rollout), unit: 'ms' },
  ];
}
