import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeShell } from '../../src/lessons/testing/fakeShell';
import { checkLessons } from './check';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function run(dir: string, extra: { ids?: string[]; langs?: string[] } = {}) {
  const lines: string[] = [];
  const result = await checkLessons({ dir, root: path.dirname(dir), createShell: fakeShell, print: (l) => lines.push(l), ...extra });
  return { ...result, lines };
}

function copyOfFixtures(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'kp-check-'));
  dirs.push(root);
  cpSync(FIXTURES, path.join(root, 'lessons'), { recursive: true });
  return path.join(root, 'lessons');
}

describe('checkLessons', () => {
  it('replays every language of every lesson, one line per step, then the summary', async () => {
    const { passed, failed, lines } = await run(FIXTURES);
    expect({ passed, failed }).toEqual({ passed: 10, failed: 0 });
    // A reviewed golden file: the report a teacher reads.
    expect(`${lines.join('\n')}\n`).toBe(readFileSync(path.join(import.meta.dirname, 'check.golden.txt'), 'utf8'));
  });

  it('counts compile errors and translation mismatches as failures', async () => {
    const dir = copyOfFixtures();
    const es = path.join(dir, 'es/01-files.md');
    writeFileSync(es, readFileSync(es, 'utf8').replace('sleep 2', 'sleep 3'));
    writeFileSync(path.join(dir, 'en/02-broken.md'), '---\nid: broken\ntitle: Broken\nsummary: x\n---\n## Step\n\n```bash node3\nls\n```\n');
    const { failed, lines } = await run(dir);
    expect(lines.filter((l) => l.startsWith('FAIL'))).toEqual([
      'FAIL compile lessons/en/02-broken.md:8: unknown node "node3" in ```bash node3: this playground has node1 and node2 (e.g. ```bash node1)',
      'FAIL parity lessons/en/01-files.md:25: block 1 of step "node2-file" differs from lessons/es/01-files.md:25 (`sleep 2` on node2 vs `sleep 3` on node2)',
    ]);
    expect(failed).toBe(2);
    expect(lines[lines.length - 1]).toBe('10 passed, 2 failed');
  });

  it('filters by lesson id', async () => {
    const { lines } = await run(FIXTURES, { ids: ['nothing'] });
    expect(lines).toEqual(['0 passed, 0 failed']);
  });

  it('replays the lessons before a selected one quietly: each continues where the previous ended', async () => {
    const { lines } = await run(FIXTURES, { ids: ['more'], langs: ['en'] });
    expect(lines).toEqual([
      'ok   en/more 1/2 more-file: /root/work/more.txt exists on node1 (0.0s)',
      'ok   en/more 2/2 serve: /root/work/serving exists on node1 (7.0s)',
      '2 passed, 0 failed',
    ]);
  });

  it('reports the first failing lesson of a course and does not run the ones after it', async () => {
    const dir = copyOfFixtures();
    for (const file of ['en/01-files.md', 'es/01-files.md']) {
      const full = path.join(dir, file);
      writeFileSync(full, readFileSync(full, 'utf8').replace('mkdir -p /root/work', 'mkdri -p /root/work'));
    }
    const { lines } = await run(dir, { ids: ['more'], langs: ['en'] });
    expect(lines.filter((l) => /^(ok|FAIL|SKIP) /.test(l))).toEqual([
      'FAIL en/files 1/3 node1-file: /root/work/notes.txt exists on node1 (0.0s)',
      'SKIP en/files 2/3 reading: reading step (0.0s)',
      'SKIP en/files 3/3 node2-file: /root/hello.txt exists on node2 (0.0s)',
      'SKIP en/more 1/2 more-file: /root/work/more.txt exists on node1 (0.0s)',
      'SKIP en/more 2/2 serve: /root/work/serving exists on node1 (0.0s)',
    ]);
    expect(lines).toContain('       not run: the lesson before it, "files", failed');
    expect(lines[lines.length - 1]).toBe('0 passed, 5 failed');
  });
});
