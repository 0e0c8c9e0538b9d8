/**
 * Workloads for `npm run bench` (the script times them; unit tests never time anything): the CPU
 * the control loops need to bring 1,000 pods up, and to roll them to a new image. Each scenario is
 * a `prepare` (untimed) and a `run` (timed) so the script can report `{ name, value, unit }`.
 */
import { TestCluster } from './testCluster';
import { TOLERATE_CONTROL_PLANE, deployment } from './fixtures';

export interface ControllerBenchmark {
  readonly name: string;
  /** Untimed setup; returns what `run` works on. */
  prepare(): TestCluster;
  /** The timed part. */
  run(t: TestCluster): void;
}

/** 12 nodes of 110 pods: room for 1,000 pods plus a rolling update's surge. */
function bigCluster(): TestCluster {
  const nodes = Array.from({ length: 12 }, (_, i) => ({ name: `node${i + 1}`, controlPlane: i === 0 }));
  return TestCluster.create({ nodes, kubelet: { startMs: 2000, stopMs: 1000, jitterMs: 3000 } });
}

/** A Deployment of 1,000 pods, created and advanced until every pod is Running and Ready. */
export function thousandPods(t: TestCluster = bigCluster()): TestCluster {
  t.create(deployment('web', { replicas: 1000, tolerations: TOLERATE_CONTROL_PLANE }));
  t.advance('30s');
  return t;
}

export const CONTROLLER_BENCHMARKS: readonly ControllerBenchmark[] = [
  { name: 'controllers: 1,000 pods from one Deployment to Ready', prepare: bigCluster, run: (t) => void thousandPods(t) },
  {
    name: 'controllers: rolling update of 1,000 pods',
    prepare: () => thousandPods(),
    run: (t) => {
      t.setImage('deploy', 'web', 'nginx:1.25');
      t.advance('5m');
    },
  },
];
