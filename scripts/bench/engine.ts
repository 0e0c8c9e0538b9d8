/**
 * Engine figures, measured in Node with the virtual clock (run by scripts/bench.mjs through tsx).
 * Prints one JSON line per figure: {"name", "value", "unit", "budget"?}.
 */
import { performance } from 'node:perf_hooks';
import { CONTROLLER_BENCHMARKS } from '../../src/engine/testing/controllerBench';
import { Playground } from '../../src/shell/commands/kubectl/testing/playground';
import { preloadCommands } from '../../src/shell';

function emit(name: string, value: number, unit: string, budget?: number): void {
  console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, ...(budget === undefined ? {} : { budget }) }));
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

await preloadCommands();

// kubectl get pods -A with 1,000 pods: engine time per call (the printer included), p50 and p95.
{
  const q = new Playground().init();
  for (let i = 0; i < 1000; i++) {
    q.create('pods', { metadata: { name: `web-${String(i).padStart(4, '0')}`, namespace: i % 2 ? 'default' : 'kube-system' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
  }
  for (let i = 0; i < 20; i++) q.kubectl('get pods -A');
  const samples: number[] = [];
  for (let i = 0; i < 100; i++) {
    const start = performance.now();
    q.kubectl('get pods -A');
    samples.push(performance.now() - start);
  }
  emit('engine.kubectl-get-pods-A.1000-pods.p50', percentile(samples, 50), 'ms');
  emit('engine.kubectl-get-pods-A.1000-pods.p95', percentile(samples, 95), 'ms', 20);
}

// Controllers at scale: CPU for 1,000 pods to come up, and for a rolling update of them.
for (const bench of CONTROLLER_BENCHMARKS) {
  const cluster = bench.prepare();
  const cpu = process.cpuUsage();
  bench.run(cluster);
  const used = process.cpuUsage(cpu);
  emit(`engine.${bench.name.replace(/^controllers: /, 'controllers.').replace(/[^a-z0-9.]+/gi, '-').toLowerCase()}`, (used.user + used.system) / 1000, 'ms CPU');
}
