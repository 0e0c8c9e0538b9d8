/**
 * Robustness (issue 5, R2), the CI-sized subset: generated command lines (../testing/fuzzLines.ts:
 * kubectl, kubeadm, docker, docker-compose, git, coreutils, vi and nano, shell syntax, garbage,
 * huge inputs, unicode, escape sequences) through parse and execute on a world with a running
 * cluster. No exception escapes, no command crashes ("internal error"), every line gives the
 * prompt back. The full 100,000 lines with the 50 ms per-line budget: `npm run fuzz`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { preloadCommands } from './preload';
import { fuzzLine } from '../testing/fuzzLines';
import { FuzzRunner } from '../testing/fuzzRunner';

// Lazy commands load now: the runner drives the session synchronously.
beforeAll(() => preloadCommands());

/** CPU ms of this process; the ceiling below is generous (CI shares 2 cores), the budget is npm run fuzz's. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const CI_CEILING_MS = 1_000;

describe('random command lines on a running cluster', () => {
  it('never throw, never crash a command, always give the prompt back', () => {
    const runner = new FuzzRunner({ seed: 'ci-fuzz', now: cpuMs, freshEvery: 1_500 });
    let worst = { ms: 0, line: '' };
    fc.assert(
      fc.property(fuzzLine, (line) => {
        const r = runner.run(line);
        if (r.ms > worst.ms) worst = { ms: r.ms, line: r.line.slice(0, 120) };
        expect(r.problem, line).toBeUndefined();
        expect(r.ms, line).toBeLessThan(CI_CEILING_MS);
      }),
      { numRuns: 2_500, seed: 20230601 },
    );
    expect(worst.ms).toBeGreaterThan(0);
  }, 120_000);

  it('answers Ctrl+D, the editors\' quit keys and Ctrl+C the way a learner would', () => {
    const runner = new FuzzRunner({ seed: 'ci-fuzz-keys' });
    for (const line of ['cat', 'read x', 'vi /tmp/a', 'nano /tmp/b', 'vim', 'kubectl get pods -w', 'yes', 'sleep 600', 'less /etc/hosts', 'kubectl edit deployment/coredns -n kube-system', "echo 'open"]) {
      expect(runner.run(line).problem, line).toBeUndefined();
    }
    // Still usable afterwards: the same shell answers.
    expect(runner.run('echo alive').problem).toBeUndefined();
    expect(runner.lastOutput).toBe('alive\n');
  });
});
