// Runs a command with its output streamed live to ours, keeping the tail of its stdout for
// parsing (a runner's last line). Never throws: a command that cannot start is exit code 127,
// as a shell would say.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const TAIL_BYTES = 64 * 1024;

/** @type {import('node:child_process').ChildProcess | undefined} */
let current;
let forwardingTerm = false;

// When CI (or a person) stops our script with SIGTERM, stop the command it is running too.
function forwardTerm() {
  if (forwardingTerm) return;
  forwardingTerm = true;
  process.once('SIGTERM', () => {
    current?.kill('SIGTERM');
    process.exit(128 + constants.signals.SIGTERM);
  });
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, interactive?: boolean }} [options]
 *   interactive: the child gets our terminal itself (its colours and keyboard shortcuts work),
 *   and nothing is captured
 * @returns {Promise<{ exitCode: number, stdoutTail: string }>}
 */
export function runStreamed(command, args, options = {}) {
  forwardTerm();
  return new Promise((resolve) => {
    let tail = '';
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: options.interactive === true ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      // npm is npm.cmd on Windows, which only a shell can start.
      shell: process.platform === 'win32',
    });
    current = child;
    child.stdout?.on('data', (/** @type {Buffer} */ chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-TAIL_BYTES);
    });
    child.stderr?.on('data', (/** @type {Buffer} */ chunk) => process.stderr.write(chunk));
    child.on('error', (error) => {
      process.stderr.write(`cannot run ${command}: ${error.message}\n`);
      current = undefined;
      resolve({ exitCode: 127, stdoutTail: tail });
    });
    child.on('close', (code, signal) => {
      current = undefined;
      const bySignal = signal === null ? 1 : 128 + (constants.signals[signal] ?? 0);
      resolve({ exitCode: code ?? bySignal, stdoutTail: tail });
    });
  });
}
