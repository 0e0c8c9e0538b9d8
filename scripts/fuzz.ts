/**
 * npm run fuzz: 100,000 generated command lines (src/shell/testing/fuzzLines.ts) through parse and
 * execute on a world with a running cluster (src/shell/testing/fuzzRunner.ts). Prints one JSON line
 * like the bench ({"name", "value", "unit", "budget"} plus the counts and the worst lines), and
 * exits non-zero when a line throws, reports an internal error, hangs, or costs more than 50 ms of
 * CPU. KUBEPLAY_FUZZ_LINES and KUBEPLAY_FUZZ_SEED change the run; the seed is in the output, so
 * any failure replays exactly.
 */
import { preloadCommands } from '../src/shell';
import { sampleLines } from '../src/shell/testing/fuzzLines';
import { FuzzRunner, type LineReport } from '../src/shell/testing/fuzzRunner';

const lines = Number(process.env.KUBEPLAY_FUZZ_LINES ?? 100_000);
const seed = Number(process.env.KUBEPLAY_FUZZ_SEED ?? 20261128);
const BUDGET_MS = 50;
const BATCH = 5_000;

/** Process CPU time (user + system) in ms: what the line cost, whoever else shares the machine. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

await preloadCommands();
const runner = new FuzzRunner({ seed: `fuzz-${seed}`, now: cpuMs, freshEvery: 1_000 });
const problems: LineReport[] = [];
const slow: LineReport[] = [];
const costs: number[] = [];
const startWall = performance.now();
const startCpu = cpuMs();
for (let done = 0; done < lines; done += BATCH) {
  // Lines come in batches from consecutive seeds: the same seed always gives the same 100,000 lines.
  for (const line of sampleLines(seed + done, Math.min(BATCH, lines - done))) {
    const r = runner.run(line);
    costs.push(r.ms);
    if (r.problem !== undefined) problems.push(r);
    else if (r.ms > BUDGET_MS) slow.push(r);
  }
  if (process.env.KUBEPLAY_FUZZ_PROGRESS) console.error(`fuzz: ${Math.min(done + BATCH, lines)} lines, ${problems.length} problems, ${slow.length} slow`);
}
const wallS = (performance.now() - startWall) / 1000;
const cpuS = (cpuMs() - startCpu) / 1000;
costs.sort((a, b) => a - b);
const pct = (p: number): number => Math.round((costs[Math.min(costs.length - 1, Math.ceil(p * costs.length) - 1)] ?? 0) * 100) / 100;
const shorten = (r: LineReport) => ({ line: r.line.length > 200 ? `${r.line.slice(0, 200)}… (${r.line.length} chars)` : r.line, ms: Math.round(r.ms * 10) / 10, ...(r.problem ? { problem: r.problem.slice(0, 600) } : {}) });
console.log(JSON.stringify({
  name: 'robustness.fuzz.max-line-cpu', value: pct(1), unit: 'ms CPU', budget: BUDGET_MS,
  seed, lines, problems: problems.length, slow: slow.length, p50: pct(0.5), p99: pct(0.99), linesPerSecond: Math.round(lines / wallS),
  wallSeconds: Math.round(wallS * 10) / 10, cpuSeconds: Math.round(cpuS * 10) / 10, worlds: runner.worldCount,
  firstProblems: problems.slice(0, 5).map(shorten), slowest: [...slow].sort((a, b) => b.ms - a.ms).slice(0, 5).map(shorten),
}));
process.exit(problems.length > 0 || slow.length > 0 ? 1 : 0);
