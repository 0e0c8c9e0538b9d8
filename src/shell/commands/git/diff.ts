/**
 * `git diff [--] [<path>...]`: the working tree against HEAD (nothing is ever staged here, so
 * `--cached` shows nothing), as unified diffs with git's headers: "diff --git", the blob ids on
 * the "index" line, "deleted file mode" for removed files. Paths in headers are root-relative.
 */
import { gitBlobId, type SourceFile } from '../../../engine';
import type { CommandContext } from '../../types';
import { parseGitArgs, usageError, usageText, wantsUsage, type GitOption } from './args';
import { ambiguous, matches, openRepository, pathspecs } from './open';
import { unifiedHunks } from './unifiedDiff';
import { workingChanges } from './worktree';

const USAGE = 'git diff [<options>] [<commit> [<commit>]] [--] [<path>...]';
const OPTIONS: readonly GitOption[] = [
  { key: 'cached', long: 'cached', help: 'compare the index with HEAD' },
  { key: 'nameStatus', long: 'name-status', help: 'show only names and status of changed files' },
];

const short = (sha: string) => sha.slice(0, 7);

function fileDiff(file: SourceFile, current: string | undefined): string {
  const path = file.path;
  const mode = file.executable ? '100755' : '100644';
  const oldId = short(gitBlobId(file.content));
  if (current === undefined) {
    return `diff --git a/${path} b/${path}\ndeleted file mode ${mode}\nindex ${oldId}..0000000\n--- a/${path}\n+++ /dev/null\n${unifiedHunks(file.content, '')}`;
  }
  return `diff --git a/${path} b/${path}\nindex ${oldId}..${short(gitBlobId(current))} ${mode}\n--- a/${path}\n+++ b/${path}\n${unifiedHunks(file.content, current)}`;
}

export function runDiff(ctx: CommandContext, args: readonly string[]): number {
  if (wantsUsage(args)) {
    ctx.stdout.write(usageText(USAGE, OPTIONS));
    return 129;
  }
  const parsed = parseGitArgs(args, OPTIONS);
  if (!parsed.ok) return usageError(ctx, parsed.message, USAGE, OPTIONS);
  const opened = openRepository(ctx);
  if (typeof opened === 'number') return opened;
  const { checkout, tree } = opened;
  const operands = parsed.operands.filter((o) => o !== 'HEAD');
  const { specs, outside } = pathspecs(checkout, ctx.cwd, operands);
  if (outside !== undefined) {
    ctx.stderr.write(`fatal: ${outside}: '${outside}' is outside repository\n`);
    return 128;
  }
  if (parsed.opts.has('cached')) return 0;
  const changes = workingChanges(ctx.host.fs, checkout.root, tree.files);
  const changed = [...changes.modified, ...changes.deleted].filter((p) => matches(specs, p)).sort();
  const deleted = new Set(changes.deleted);
  let out = '';
  for (const path of changed) {
    if (parsed.opts.has('nameStatus')) out += `${deleted.has(path) ? 'D' : 'M'}\t${path}\n`;
    else {
      const abs = `${checkout.root === '/' ? '' : checkout.root}/${path}`;
      const current = deleted.has(path) ? undefined : ctx.host.fs.readFile(abs);
      out += fileDiff(tree.files.get(path)!, current?.ok ? current.value : undefined);
    }
  }
  // Without "--", a path that exists nowhere could be a mistyped revision: git refuses to guess.
  for (const [i, spec] of specs.entries()) {
    if (args.includes('--')) break;
    const abs = `${checkout.root === '/' ? '' : checkout.root}/${spec}`;
    if (spec !== '' && !ctx.host.fs.exists(abs) && ![...tree.files.keys()].some((p) => matches([spec], p))) {
      const arg = operands[i]!;
      return ambiguous(ctx, arg);
    }
  }
  ctx.stdout.write(out);
  return 0;
}
