import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFiles, incompressible } from './lib/testing-files';

const script = path.resolve(import.meta.dirname, 'size.mjs');

function runSize(dist: string) {
  const result = spawnSync(process.execPath, [script, dist], { encoding: 'utf8' });
  const figures = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { name: string; value: number; unit: string; budget?: number });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, figures };
}

const html = '<!doctype html><script type="module" src="./assets/index-AAAAAAAA.js"></script><link rel="stylesheet" href="./assets/index-CCCCCCCC.css">';

describe('npm run size', () => {
  it('prints a table and one JSON line per figure, and passes within budget', () => {
    const dist = tempFiles({
      'index.html': html,
      'assets/index-AAAAAAAA.js': `const big="${incompressible(40_000)}";const d=()=>import("./diagram-DDDDDDDD.js");`,
      'assets/diagram-DDDDDDDD.js': `const big="${incompressible(20_000, 2)}";`,
      'assets/index-CCCCCCCC.css': 'body{margin:0}',
    });
    const run = runSize(dist);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/first-prompt JS\s+\d+\.\d\s+200\.0\s+ok/);
    expect(run.figures.map((f) => f.name)).toEqual([
      'size.js.first-prompt', 'size.js.all', 'size.css.first-prompt', 'size.css.all',
      'size.chunk.js.diagram', 'size.chunk.js.index', 'size.chunk.css.index',
    ]);
    const first = run.figures[0];
    expect(first).toMatchObject({ unit: 'KB gzip', budget: 200 });
    expect(first?.value).toBeGreaterThan(25);
    expect(first?.value).toBeLessThan(40);
    expect(run.figures[1]?.value).toBeGreaterThan(first?.value ?? Infinity);
  });

  it('exits 1 and names each figure over its budget', () => {
    const dist = tempFiles({
      'index.html': html,
      'assets/index-AAAAAAAA.js': `const big="${incompressible(280_000)}";`,
      'assets/lazy-DDDDDDDD.js': `const big="${incompressible(220_000, 3)}";`,
      'assets/index-CCCCCCCC.css': `.a{content:"${incompressible(45_000, 4)}"}`,
    });
    const run = runSize(dist);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/first-prompt JS\s+\d+\.\d\s+200\.0\s+OVER BUDGET/);
    expect(run.stderr).toMatch(/first-prompt JS is \d+\.\d KB gzip, over its budget of 200 KB/);
    expect(run.stderr).toMatch(/all JS is \d+\.\d KB gzip, over its budget of 350 KB/);
    expect(run.stderr).toMatch(/all CSS is \d+\.\d KB gzip, over its budget of 30 KB/);
  });

  it('exits 2 with a hint when nothing was built', () => {
    const run = runSize(tempFiles({}));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/build first \(npm run build\)/);
  });
});
