// A fresh clone has no node_modules: the entry scripts (npm test, npm start) install the locked
// dependencies first, so one command is all a newcomer needs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runStreamed } from './child.mjs';

/** @param {string} root the project folder (holding package.json) */
export function dependenciesInstalled(root) {
  // npm writes node_modules/.package-lock.json at the end of a complete install.
  return existsSync(path.join(root, 'node_modules', '.package-lock.json'));
}

/**
 * Runs `npm ci` when node_modules is missing or incomplete.
 * @param {string} root
 * @returns {Promise<{ installed: boolean, exitCode: number }>} installed: whether it ran npm ci
 */
export async function ensureDependencies(root) {
  if (dependenciesInstalled(root)) return { installed: false, exitCode: 0 };
  console.log('node_modules is missing: installing the locked dependencies (npm ci)...');
  const { exitCode } = await runStreamed('npm', ['ci'], { cwd: root });
  return { installed: true, exitCode };
}
