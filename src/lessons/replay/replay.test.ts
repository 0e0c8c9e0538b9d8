import { describe, expect, it } from 'vitest';
import { World } from '../../engine';
import { compileLesson } from '../compile/compileLesson';
import { formatCompileError, type CompiledLesson } from '../model';
import { fakeShell } from '../testing/fakeShell';
import { Replay, replayLesson } from './replay';
import { formatStepReport, summaryLine } from './report';
import type { StepReport } from './types';

function compiled(body: string): CompiledLesson {
  const r = compileLesson(`---\nid: files\ntitle: Files\nsummary: Making files\n---\n${body}`, { lang: 'en', source: 'fixtures/01-files.md' });
  if (!r.ok) throw new Error(r.errors.map(formatCompileError).join('\n'));
  return r.lesson;
}

const shells: string[][] = [];
async function replay(lesson: CompiledLesson): Promise<StepReport[]> {
  return replayLesson(lesson, {
    createWorld: () => new World({ seed: 'replay-test' }),
    createShell: (world, host) => {
      const shell = fakeShell(world, host);
      shells.push(shell.lines as string[]);
      return shell;
    },
    checkTimeoutMs: 10_000,
    commandTimeoutMs: 20_000,
  });
}

const GOOD = `Intro.

## Make a file on node1 {#touch}

\`\`\`bash node1
mkdir -p /root/work
touch \\
/root/work/a.txt
\`\`\`

\`\`\`check
- file-exists: { host: node1, path: /root/work/a.txt }
\`\`\`

## Read about it

Nothing to run here.

## Wait, then write on node2 {#later}

\`\`\`bash node2
sleep 3
echo hello > /root/b.txt
\`\`\`

\`\`\`check
- file-exists: { host: node2, path: /root/b.txt }
\`\`\`
`;

describe('replayLesson', () => {
  it('runs each step on its node, waiting for commands on the virtual clock, and checks the state after', async () => {
    const reports = await replay(compiled(GOOD));
    expect(reports.map((r) => [r.stepId, r.outcome, r.elapsedMs, r.problems])).toEqual([
      ['touch', 'passed', 0, []],
      ['read-about-it', 'passed', 0, []],
      ['later', 'passed', 3000, []],
    ]);
    expect(reports.flatMap(formatStepReport)).toEqual([
      'ok   en/files 1/3 touch: /root/work/a.txt exists on node1 (0.0s)',
      'ok   en/files 2/3 read-about-it: reading step (0.0s)',
      'ok   en/files 3/3 later: /root/b.txt exists on node2 (3.0s)',
    ]);
    expect(summaryLine(3, 0)).toBe('3 passed, 0 failed');
  });

  it('joins continuation lines into one command, as bash reads a paste', async () => {
    shells.length = 0;
    await replay(compiled(GOOD));
    expect(shells[0]).toEqual(['mkdir -p /root/work', 'touch /root/work/a.txt']);
  });

  it('fails a step whose checks already hold before it runs, and skips the rest', async () => {
    const lesson = compiled(GOOD.replace('/root/work/a.txt }', '/etc/hostname }'));
    const reports = await replay(lesson);
    expect(reports.map((r) => r.outcome)).toEqual(['failed', 'skipped', 'skipped']);
    expect(reports[0]!.problems).toEqual(['line 17: "/etc/hostname exists on node1" already holds before the step\'s commands ran']);
    expect(reports[1]!.problems).toEqual(['not run: step "touch" failed']);
  });

  it('fails when the checks never hold, with the terminal tail to see why', async () => {
    const reports = await replay(compiled(GOOD.replace('touch \\\n/root/work/a.txt', 'touhc /root/work/a.txt')));
    expect(reports[0]!.outcome).toBe('failed');
    expect(reports[0]!.problems).toEqual(['line 10: `touhc /root/work/a.txt` on node1 exited with status 127 (mark the block ```bash node1 may-fail if that is intended)']);
    expect(reports[0]!.transcript).toContain('bash: touhc: command not found');
  });

  it('accepts a failing command in a may-fail block, then reports checks that never hold', async () => {
    const reports = await replay(compiled(GOOD.replace('```bash node1\n', '```bash node1 may-fail\nfalse\n').replace('touch \\\n/root/work/a.txt', 'touch /root/work/other.txt')));
    expect(reports[0]!.problems).toEqual(['line 17: "/root/work/a.txt exists on node1" still does not hold 10s after the step began']);
    expect(formatStepReport(reports[0]!)[0]).toBe('FAIL en/files 1/3 touch: /root/work/a.txt exists on node1 (10.0s)');
  });

  it('interrupts a command that never ends (waiting for input) after the timeout', async () => {
    const reports = await replay(compiled(GOOD.replace('sleep 3', 'read')));
    expect(reports[2]!.problems).toEqual(['line 26: `read` on node2 was still running after 20s (waiting for input?); interrupted']);
  });

  it('stops at once at a command that prompts for an answer', async () => {
    const reports = await replay(compiled(GOOD.replace('sleep 3', 'ask')));
    expect(reports[2]!.problems).toEqual(["line 26: `ask` on node2 stopped to wait for input; a lesson's commands must run without answers"]);
    expect(reports[2]!.elapsedMs).toBe(0);
  });

  it('reports a block whose variables cannot be resolved yet', async () => {
    const reports = await replay(compiled('## Join\n\n```bash node2\n{{joinCommand}}\n```\n'));
    expect(reports[0]!.problems).toEqual(["line 8: can't resolve {{joinCommand}}: There is no cluster yet: run kubeadm init on node1 first."]);
  });

  it('is deterministic', async () => {
    const a = (await replay(compiled(GOOD))).flatMap(formatStepReport);
    const b = (await replay(compiled(GOOD))).flatMap(formatStepReport);
    expect(a).toEqual(b);
  });
});

const SERVE = `## Serve until stopped {#serve}

\`\`\`bash node1 interrupt-after=5s
serve /root/serving
\`\`\`

\`\`\`check
- file-exists: { host: node1, path: /root/serving }
\`\`\`
`;

describe('interrupt-after', () => {
  it('presses Ctrl+C when the time is up, waits for the command to stop, and counts checks that held while it ran', async () => {
    shells.length = 0;
    const reports = await replay(compiled(SERVE));
    expect(reports.map((r) => [r.outcome, r.elapsedMs, r.problems])).toEqual([['passed', 7000, []]]);
    expect(shells[0]).toEqual(['serve /root/serving']);
  });

  it('judges a command that ended on its own before the interrupt as usual', async () => {
    const reports = await replay(compiled(SERVE.replace('serve /root/serving', 'false')));
    expect(reports[0]!.problems).toEqual(['line 8: `false` on node1 exited with status 1 (mark the block ```bash node1 may-fail if that is intended)']);
  });

  it('gives up on a command that does not stop a minute after Ctrl+C', async () => {
    const reports = await replay(compiled(SERVE.replace('serve /root/serving', 'deaf')));
    expect(reports[0]!.problems).toEqual(['line 8: `deaf` on node1 was still running 60s after Ctrl+C; interrupted again']);
    expect(reports[0]!.elapsedMs).toBe(65_000);
  });

  it('still fails when the checks never held', async () => {
    const reports = await replay(compiled(SERVE.replace('path: /root/serving', 'path: /root/other')));
    expect(reports[0]!.problems).toEqual(['line 13: "/root/other exists on node1" still does not hold 17s after the step began']);
  });
});

describe('Replay', () => {
  it('continues from one lesson to the next in the same world and shells', async () => {
    let created = 0;
    const course = new Replay({
      createWorld: () => new World({ seed: 'replay-test' }),
      createShell: (world, host) => {
        created++;
        return fakeShell(world, host);
      },
    });
    const first = await course.lesson(compiled(GOOD));
    const next = compiled('## Use the folder {#more}\n\n```bash node1\ntouch /root/work/b.txt\n```\n\n```check\n- file-exists: { host: node1, path: /root/work/b.txt }\n```\n');
    const second = await course.lesson(next);
    expect([...first, ...second].map((r) => r.outcome)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(created, 'one shell per node for the whole course').toBe(2);
    expect(course.world.now()).toBe(3000);
  });

  it('reports every step of a lesson as not run when the lesson before it failed', async () => {
    const course = new Replay({ createWorld: () => new World({ seed: 'replay-test' }), createShell: fakeShell });
    const reports = await course.lesson(compiled(GOOD), 'start-the-cluster');
    expect(reports.map((r) => [r.outcome, r.problems])).toEqual([
      ['skipped', ['not run: the lesson before it, "start-the-cluster", failed']],
      ['skipped', ['not run: the lesson before it, "start-the-cluster", failed']],
      ['skipped', ['not run: the lesson before it, "start-the-cluster", failed']],
    ]);
  });
});

describe('highlights in replay', () => {
  it('passes highlights that name something on the diagram, and reports the ones that name nothing', async () => {
    const reports = await replay(compiled('## Look {#look}\n\n```highlight\nnode/node1\nnode/*\npod/default/ghost-*\n```\n\nRead.\n'));
    expect(reports.map((r) => [r.outcome, r.problems])).toEqual([
      ['failed', ['highlight "pod/default/ghost-*" names nothing in the diagram, neither when the step began nor when it ended']],
    ]);
  });
});
