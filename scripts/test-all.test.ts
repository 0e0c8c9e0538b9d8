// Runs scripts/test-all.mjs for real, against a fake project whose package.json scripts stand in
// for typecheck, lint, vitest, lesson replay, build, size, Playwright and the perf subset.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const exit = (code: number) => `node -e "process.exit(${code})"`;

function fakeProject(scripts: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeplay-test-all-'));
  cpSync(path.join(import.meta.dirname, 'test-all.mjs'), path.join(dir, 'scripts', 'test-all.mjs'));
  cpSync(path.join(import.meta.dirname, 'lib'), path.join(dir, 'scripts', 'lib'), { recursive: true });
  mkdirSync(path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'node_modules', '.package-lock.json'), '{}');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'fake', private: true, type: 'module', scripts }));
  // Stands in for vitest: writes its JSON report where --outputFile.json says.
  writeFileSync(path.join(dir, 'fake-vitest.mjs'), `
    import { writeFileSync } from 'node:fs';
    const file = process.argv.find((a) => a.startsWith('--outputFile.json=')).split('=')[1];
    writeFileSync(file, JSON.stringify({ numPassedTests: 4, numFailedTests: 1, numPendingTests: 0, numTodoTests: 0,
      testResults: [{ name: 'a.test.ts', status: 'failed', message: '', assertionResults: [{ status: 'failed' }] }] }));
    process.exit(1);`);
  // Stands in for Playwright: reports zero specs, and says whether it was told the build is fresh.
  writeFileSync(path.join(dir, 'fake-playwright.mjs'), `
    import { writeFileSync } from 'node:fs';
    console.log('prebuilt=' + (process.env.KUBEPLAY_E2E_PREBUILT ?? 'no'));
    writeFileSync(process.env.PLAYWRIGHT_JSON_OUTPUT_FILE, JSON.stringify({ stats: { expected: 0, unexpected: 0, skipped: 0, flaky: 0 }, errors: [] }));`);
  return dir;
}

function testAll(dir: string, only?: string) {
  const env = { ...process.env, KUBEPLAY_TEST_ONLY: only ?? '' };
  const result = spawnSync(process.execPath, [path.join(dir, 'scripts', 'test-all.mjs')], { cwd: dir, env, encoding: 'utf8' });
  const lines = result.stdout.trimEnd().split('\n');
  return { status: result.status, stdout: result.stdout, lines, last: lines[lines.length - 1] };
}

const ALL_SCRIPTS = {
  typecheck: exit(0),
  lint: exit(1),
  'test:unit': 'node fake-vitest.mjs',
  'lessons:check': `node -e "console.log('step one ok'); console.log('2 passed, 1 failed'); process.exit(1)"`,
  build: exit(1),
  size: exit(0),
  'test:e2e': 'node fake-playwright.mjs',
  'perf:quick': `node -e "console.log('6 passed, 0 failed')"`,
};

describe('npm test (scripts/test-all.mjs)', () => {
  it('runs every step after failures, tables them, and ends with the totals', { timeout: 60_000 }, () => {
    const run = testAll(fakeProject(ALL_SCRIPTS));
    expect(run.status).toBe(1);
    expect(run.last).toBe('7 passed, 6 failed');
    const table = run.lines.slice(run.lines.findIndex((l) => l.startsWith('======== summary')) + 1, -1);
    expect(table.map((line) => line.split(/\s+/).slice(0, 4).join(' '))).toEqual([
      'step result passed failed',
      'typecheck ok 1 0',
      'lint FAIL 0 1',
      'unit FAIL 4 1',
      'lessons FAIL 2 1',
      'build FAIL 0 1',
      'size FAIL 0 1',
      'e2e ok 0 0',
      'perf FAIL 0 1',
      'total FAIL 7 6',
    ]);
    expect(run.stdout).toContain('not run: the build failed');
    expect(run.stdout).toContain('prebuilt=no');
  });

  it('runs only the steps KUBEPLAY_TEST_ONLY names, and tells e2e when this run built', { timeout: 60_000 }, () => {
    const run = testAll(fakeProject({ ...ALL_SCRIPTS, build: exit(0) }), 'build,e2e');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('prebuilt=1');
    expect(run.stdout).not.toContain('npm run lint');
    expect(run.last).toBe('1 passed, 0 failed');
  });

  it('rejects an unknown step name', { timeout: 60_000 }, () => {
    const run = testAll(fakeProject(ALL_SCRIPTS), 'unit,bogus');
    expect(run.status).toBe(2);
    expect(run.last).toBe('0 passed, 1 failed');
  });
});
