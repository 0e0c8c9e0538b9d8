#!/usr/bin/env node
// npm start: the one command that starts kubeplay on a fresh clone. Installs the locked
// dependencies when node_modules is missing, then runs the Vite dev server on 127.0.0.1:5173.
// Arguments pass through to Vite: `npm start -- --host` listens on every address (to open it
// from another machine), `npm start -- --port 3000` picks another port.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStreamed } from './lib/child.mjs';
import { ensureDependencies } from './lib/npm.mjs';

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = '5173';

/**
 * The value a flag was given (`--port 3000` or `--port=3000`); '' for a bare flag; undefined
 * when absent.
 * @param {string[]} args
 * @param {string} flag
 */
function flagValue(args, flag) {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
    if (arg === flag) {
      const next = args[i + 1];
      return next === undefined || next.startsWith('-') ? '' : next;
    }
  }
  return undefined;
}

/**
 * Vite's arguments, and the URL to print (undefined when listening on every address: Vite lists
 * them itself).
 * @param {string[]} passthrough what followed `npm start --`
 * @returns {{ args: string[], url: string | undefined }}
 */
export function devServerPlan(passthrough) {
  const host = flagValue(passthrough, '--host');
  const port = flagValue(passthrough, '--port');
  const args = [
    ...(host === undefined ? ['--host', DEFAULT_HOST] : []),
    // --strictPort: fail clearly when the port is taken, rather than serve on another port than
    // the URL printed.
    ...(port === undefined ? ['--port', DEFAULT_PORT, '--strictPort'] : []),
    ...passthrough,
  ];
  const shownHost = host === undefined ? DEFAULT_HOST : host;
  const url = shownHost === '' || shownHost === '0.0.0.0' || shownHost === 'true'
    ? undefined
    : `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port || DEFAULT_PORT}/`;
  return { args, url };
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const install = await ensureDependencies(root);
  if (install.exitCode !== 0) {
    console.error(`npm ci failed (exit code ${install.exitCode}): kubeplay cannot start without its dependencies.`);
    return install.exitCode;
  }
  const { args, url } = devServerPlan(process.argv.slice(2));
  console.log(url === undefined
    ? '\nkubeplay: starting on every address; Vite lists them below. Ctrl+C stops it.\n'
    : `\nkubeplay: starting on ${url}  (open it in a browser; Ctrl+C stops it)\n`);
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const { exitCode } = await runStreamed(process.execPath, [vite, '--configLoader', 'runner', ...args], { cwd: root, interactive: true });
  return exitCode;
}

// Run only when started as a script, so the test can import devServerPlan.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
