/**
 * Golden files: small reviewed .txt files beside a test. `expectGolden(text, import.meta.url,
 * 'rollout.golden.txt')` compares; run with UPDATE_GOLDEN=1 to write what the code produces now
 * (then review the diff before committing).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

export function expectGolden(actual: string, testFileUrl: string, name: string): void {
  const path = join(dirname(fileURLToPath(testFileUrl)), name);
  const text = actual.endsWith('\n') ? actual : `${actual}\n`;
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(path)) {
    writeFileSync(path, text);
    if (process.env['UPDATE_GOLDEN'] !== '1') throw new Error(`golden file ${name} was missing: written, review it and run again`);
    return;
  }
  expect(text).toBe(readFileSync(path, 'utf8'));
}
