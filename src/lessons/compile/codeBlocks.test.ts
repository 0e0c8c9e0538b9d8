import { describe, expect, it } from 'vitest';
import { compileLesson } from './compileLesson';
import { classifyInfoString, parseDuration } from './codeBlocks';
import { formatCompileError } from '../model';

const NODES = ['node1', 'node2'];

describe('classifyInfoString', () => {
  it('reads the node and the options of a runnable block', () => {
    expect(classifyInfoString('bash node1', NODES)).toEqual({ kind: 'run', node: 'node1', mayFail: false, interruptAfterMs: undefined });
    expect(classifyInfoString('bash node2 may-fail', NODES)).toEqual({ kind: 'run', node: 'node2', mayFail: true, interruptAfterMs: undefined });
    expect(classifyInfoString('bash node1 interrupt-after=30s', NODES)).toEqual({ kind: 'run', node: 'node1', mayFail: false, interruptAfterMs: 30_000 });
    expect(classifyInfoString('sh node1 may-fail interrupt-after=1m30s', NODES)).toEqual({ kind: 'run', node: 'node1', mayFail: true, interruptAfterMs: 90_000 });
  });

  it('explains a malformed interrupt-after', () => {
    const expected = {
      kind: 'error',
      message: '"interrupt-after=soon" needs a duration between 1s and 10m, like interrupt-after=30s or interrupt-after=1m30s (replay presses Ctrl+C that long after the command starts)',
    };
    expect(classifyInfoString('bash node1 interrupt-after=soon', NODES)).toEqual(expected);
    for (const bad of ['interrupt-after', 'interrupt-after=', 'interrupt-after=0s', 'interrupt-after=11m', 'interrupt-after=30']) {
      expect(classifyInfoString(`bash node1 ${bad}`, NODES).kind, bad).toBe('error');
    }
  });
});

describe('parseDuration', () => {
  it("reads Go's duration spelling in ms, s and m", () => {
    expect(['500ms', '30s', '2m', '1m30s', '1m500ms'].map(parseDuration)).toEqual([500, 30_000, 120_000, 90_000, 60_500]);
    expect(['', '1h', '1.5s', 's', '30 s'].map(parseDuration)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('compiled blocks', () => {
  it('carry interruptAfterMs only when the block asks for it', () => {
    const r = compileLesson('---\nid: up\ntitle: Up\nsummary: Up\n---\n## Run {#run}\n\n```bash node1 interrupt-after=20s\ndocker-compose up\n```\n\n```bash node1\ndocker-compose ps\n```\n', { lang: 'en', source: 'lessons/en/04-up.md' });
    if (!r.ok) throw new Error(r.errors.map(formatCompileError).join('\n'));
    expect(r.lesson.steps[0]!.blocks).toEqual([
      { index: 0, node: 'node1', command: 'docker-compose up', variables: [], mayFail: false, line: 8, interruptAfterMs: 20_000 },
      { index: 1, node: 'node1', command: 'docker-compose ps', variables: [], mayFail: false, line: 12 },
    ]);
  });
});
