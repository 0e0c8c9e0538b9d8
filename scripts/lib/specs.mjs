// Whether a folder holds any Playwright spec file, using Playwright's default testMatch
// (`**/*.@(spec|test).?(c|m)[jt]s?(x)`). With none, there is nothing to serve: the config then
// skips its web server, so an empty suite costs no build and counts as zero tests.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const SPEC_FILE = /\.(spec|test)\.[cm]?[jt]sx?$/;

/** @param {string} dir */
export function hasSpecFiles(dir) {
  if (!existsSync(dir)) return false;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    if (entry.isDirectory() && hasSpecFiles(path.join(dir, entry.name))) return true;
    if (entry.isFile() && SPEC_FILE.test(entry.name)) return true;
  }
  return false;
}
