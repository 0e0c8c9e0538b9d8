import { describe, expect, it } from 'vitest';
import { CONTROLLER_BENCHMARKS } from './controllerBench';
import type { Deployment } from '../api/types';

describe('controller benchmarks (correctness only; timing belongs to npm run bench)', () => {
  it('bring 1,000 pods up and roll them over', { timeout: 30_000 }, () => {
    const [up, rollout] = CONTROLLER_BENCHMARKS;
    const t = up!.prepare();
    up!.run(t);
    expect(t.get<Deployment>('deploy', 'web')?.status).toMatchObject({ readyReplicas: 1000, availableReplicas: 1000 });
    rollout!.run(t);
    const status = t.get<Deployment>('deploy', 'web')?.status;
    expect(status).toMatchObject({ replicas: 1000, updatedReplicas: 1000, availableReplicas: 1000 });
    expect(t.pods().every((p) => p.spec?.containers[0]?.image === 'nginx:1.25')).toBe(true);
  });
});
