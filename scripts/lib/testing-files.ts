// Test helpers for the scripts: temporary file trees (a fake dist/, a fake e2e/ folder) and
// seeded incompressible text.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Letters and digits that gzip shrinks only to about 3/4 (safe inside any JS string or comment),
 * from a seeded xorshift32 generator so tests are repeatable.
 */
export function incompressible(length: number, seed = 1): string {
  let state = seed | 0 || 1;
  const chars: string[] = [];
  while (chars.length < length) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    chars.push(ALPHANUMERIC[(state >>> 0) % ALPHANUMERIC.length] ?? 'x');
  }
  return chars.join('');
}

/** Creates `files` (relative path → content) in a fresh temporary folder and returns its path. */
export function tempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeplay-dist-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}
