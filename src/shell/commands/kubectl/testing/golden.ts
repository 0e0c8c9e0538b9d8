/**
 * Golden files for CLI output: small reviewed .txt files beside the tests. Run the tests with
 * UPDATE_GOLDENS=1 to (re)write them, then review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

export function expectGolden(dir: string, name: string, actual: string): void {
  const path = join(dir, 'golden', `${name}.txt`);
  if (process.env.UPDATE_GOLDENS === '1' || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
