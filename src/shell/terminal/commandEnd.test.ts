// The session's commandEnd event: what each command line printed and its exit status, once its job
// ends. The page's screen-reader mode reads it out (src/ui/terminal/commandAnnouncement.ts).
import { describe, expect, test } from 'vitest';
import type { RunResult } from './terminalTypes';
import { terminalHarness } from './testing/harness';

function recorded(t: ReturnType<typeof terminalHarness>): RunResult[] {
  const results: RunResult[] = [];
  t.term.onCommandEnd?.((r) => results.push(r));
  return results;
}

describe('commandEnd', () => {
  test('a command that prints and ends at once: its output and status 0', () => {
    const t = terminalHarness();
    const results = recorded(t);
    t.type('echo hello world\r');
    expect(results).toEqual([{ output: 'hello world\n', exitCode: 0 }]);
  });

  test('a failing command: its error and its exit status', () => {
    const t = terminalHarness();
    const results = recorded(t);
    t.type('kubectll get pods\r');
    t.type('false\r');
    expect(results).toEqual([
      { output: 'bash: kubectll: command not found\n', exitCode: 127 },
      { output: '', exitCode: 1 },
    ]);
  });

  test('a job that takes virtual time: reported when it ends, not before', () => {
    const t = terminalHarness();
    const results = recorded(t);
    t.type('sleep 2\r');
    expect(results).toEqual([]);
    t.advance(2_000);
    expect(results).toEqual([{ output: '', exitCode: 0 }]);
  });

  test('lines typed for a running job and empty lines are not commands of their own', () => {
    const t = terminalHarness();
    const results = recorded(t);
    t.type('\r');
    t.type('ask\r');
    t.type('yes\r');
    expect(results).toEqual([{ output: "cp: overwrite '/root/.kube/config'? answer=yes\n", exitCode: 0 }]);
  });

  test('Ctrl+C: the interrupted job is reported with what it printed, without the ^C echo', () => {
    const t = terminalHarness();
    const results = recorded(t);
    t.type('cat\r');
    t.type('one\r');
    t.type('\x03');
    expect(results).toHaveLength(1);
    expect(results[0]!.output).toBe('one\n');
    expect(results[0]!.exitCode).not.toBe(0);
  });

  test('a huge output is kept only in its first kilobytes', () => {
    const t = terminalHarness();
    const results = recorded(t);
    t.type('cat\r');
    for (let i = 0; i < 2_000; i++) t.type(`line ${i} of a long listing\r`);
    t.type('\x04');
    expect(results).toHaveLength(1);
    expect(results[0]!.output.startsWith('line 0 of a long listing\n')).toBe(true);
    expect(results[0]!.output.length).toBeLessThan(8_300);
  });
});
