/**
 * `git checkout -- <path>...` (throw away edits: the file goes back to HEAD's content),
 * `git checkout <branch>` and `git branch [-a]`.
 */
import { resolvePath } from '../../../engine';
import type { CommandContext } from '../../types';
import { parseGitArgs, usageError, usageText, wantsUsage, type GitOption } from './args';
import { matches, openRepository, pathspecs } from './open';

const CHECKOUT_USAGE = 'git checkout [options] <branch>\n   or: git checkout [options] [<branch>] -- <file>...';
const CHECKOUT_OPTIONS: readonly GitOption[] = [{ key: 'quiet', short: 'q', long: 'quiet', help: 'suppress progress reporting' }];

function branchExists(ctx: CommandContext, gitDir: string, name: string): boolean {
  return ctx.host.fs.isFile(`${gitDir}/refs/heads/${name}`);
}

export function runCheckout(ctx: CommandContext, args: readonly string[]): number {
  if (wantsUsage(args)) {
    ctx.stdout.write(usageText(CHECKOUT_USAGE, CHECKOUT_OPTIONS));
    return 129;
  }
  const parsed = parseGitArgs(args, CHECKOUT_OPTIONS);
  if (!parsed.ok) return usageError(ctx, parsed.message, CHECKOUT_USAGE, CHECKOUT_OPTIONS);
  const opened = openRepository(ctx);
  if (typeof opened === 'number') return opened;
  const { checkout, tree } = opened;
  const fs = ctx.host.fs;
  const dashdash = args.includes('--');
  const [first] = parsed.operands;
  if (!dashdash && parsed.operands.length === 1 && first !== undefined && branchExists(ctx, checkout.gitDir, first)) {
    // A clone has one branch: it is the one checked out.
    ctx.stderr.write(`Already on '${first}'\n`);
    return 0;
  }
  const { specs, outside } = pathspecs(checkout, ctx.cwd, parsed.operands);
  if (outside !== undefined) {
    ctx.stderr.write(`fatal: ${outside}: '${outside}' is outside repository\n`);
    return 128;
  }
  // Every pathspec must name something tracked before anything is touched.
  for (const [i, spec] of specs.entries()) {
    if (![...tree.files.keys()].some((p) => matches([spec], p))) {
      ctx.stderr.write(`error: pathspec '${parsed.operands[i]}' did not match any file(s) known to git.\n`);
      return 1;
    }
  }
  const base = checkout.root === '/' ? '' : checkout.root;
  for (const [path, file] of tree.files) {
    if (specs.length === 0 || !matches(specs, path)) continue;
    const abs = `${base}/${path}`;
    const now = fs.readFile(abs);
    if (now.ok && now.value === file.content) continue;
    if (fs.isDir(abs)) fs.remove(abs, { recursive: true });
    fs.mkdir(resolvePath('..', abs), { parents: true });
    fs.writeFile(abs, file.content, file.executable ? { mode: 0o755 } : {});
  }
  return 0;
}

export function runBranch(ctx: CommandContext, args: readonly string[]): number {
  if (wantsUsage(args)) {
    ctx.stdout.write('usage: git branch [options] [-r | -a]\n');
    return 129;
  }
  const opened = openRepository(ctx);
  if (typeof opened === 'number') return opened;
  const { checkout, tree } = opened;
  const names = ctx.host.fs.readdir(`${checkout.gitDir}/refs/heads`);
  let out = (names.ok ? names.value : []).map((n) => `${n === tree.head.branch ? '*' : ' '} ${n}\n`).join('');
  if (args.includes('-a') || args.includes('--all')) {
    const branch = tree.head.branch ?? 'master';
    out += `  remotes/origin/HEAD -> origin/${branch}\n  remotes/origin/${branch}\n`;
  }
  ctx.stdout.write(out);
  return 0;
}
