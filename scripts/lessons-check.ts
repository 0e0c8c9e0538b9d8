/**
 * npm run lessons:check [-- --lesson <id>] [--lang <es|en>]
 *
 * Replays every built-in lesson headless with the real shell and commands (see
 * scripts/lessons/check.ts). Exit status 1 on any failure; the last line is `N passed, M failed`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { World } from '../src/engine';
import type { ReplayShell } from '../src/lessons';
import { checkLessons } from './lessons/check';

interface ShellModule {
  createShellSession(options: { world: World; host: string }): ReplayShell;
  preloadCommands?(): Promise<void>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function flag(name: string): string[] {
  const args = process.argv.slice(2);
  return args.flatMap((arg, i) => (arg === name && args[i + 1] !== undefined ? [args[i + 1]!] : []));
}

/** The shell layer is loaded by path so this script also reports clearly while it is unfinished. */
async function loadShell(): Promise<ShellModule | string> {
  const shellIndex = path.join(root, 'src/shell/index.ts');
  try {
    const mod = (await import(shellIndex)) as Partial<ShellModule>;
    if (typeof mod.createShellSession !== 'function') return 'src/shell/index.ts does not export createShellSession';
    await mod.preloadCommands?.();
    return mod as ShellModule;
  } catch (error) {
    return `cannot load src/shell/index.ts: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

async function main(): Promise<number> {
  const shell = await loadShell();
  const print = (line: string) => process.stdout.write(`${line}\n`);
  if (typeof shell === 'string') {
    print(`FAIL shell: ${shell}`);
    print('0 passed, 1 failed');
    return 1;
  }
  const { failed } = await checkLessons({
    dir: path.join(root, 'lessons'),
    root,
    ids: flag('--lesson'),
    langs: flag('--lang'),
    createShell: (world, host) => shell.createShellSession({ world, host }),
    flush: () => new Promise((resolve) => setImmediate(resolve)),
    print,
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
