/**
 * npm run lessons:check [-- --lesson <id>] [--lang <es|en>]
 *
 * Replays every built-in lesson headless with the real shell and commands (see
 * scripts/lessons/check.ts). Exit status 1 on any failure; the last line is `N passed, M failed`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createShellSession, preloadCommands } from '../src/shell';
import { checkLessons } from './lessons/check';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function flag(name: string): string[] {
  const args = process.argv.slice(2);
  return args.flatMap((arg, i) => (arg === name && args[i + 1] !== undefined ? [args[i + 1]!] : []));
}

async function main(): Promise<number> {
  // Lazily registered commands (kubectl, kubeadm) load up front, so replay never waits on I/O.
  await preloadCommands();
  const { failed } = await checkLessons({
    dir: path.join(root, 'lessons'),
    root,
    ids: flag('--lesson'),
    langs: flag('--lang'),
    createShell: (world, host) => createShellSession({ world, host }),
    flush: () => new Promise((resolve) => setImmediate(resolve)),
    print: (line) => process.stdout.write(`${line}\n`),
  });
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(`FAIL lessons:check crashed: ${error instanceof Error ? error.stack : String(error)}\n0 passed, 1 failed\n`);
    process.exitCode = 1;
  },
);
