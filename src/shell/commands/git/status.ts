/**
 * `git status` in git 1.8.3's long format: every line of the report starts with "# " (git 2.0
 * dropped that), "working directory clean", the "git add/rm" hint only when something was deleted,
 * paths relative to the current directory. `-s` gives the short format.
 */
import type { CommandContext } from '../../types';
import { parseGitArgs, usageError, usageText, wantsUsage, type GitOption } from './args';
import { openRepository } from './open';
import { fromCwd, workingChanges } from './worktree';

const USAGE = 'git status [options] [--] <pathspec>...';
const OPTIONS: readonly GitOption[] = [
  { key: 'short', short: 's', long: 'short', help: 'show status concisely' },
];

export function runStatus(ctx: CommandContext, args: readonly string[]): number {
  if (wantsUsage(args)) {
    ctx.stdout.write(usageText(USAGE, OPTIONS));
    return 129;
  }
  const parsed = parseGitArgs(args, OPTIONS);
  if (!parsed.ok) return usageError(ctx, parsed.message, USAGE, OPTIONS);
  const opened = openRepository(ctx);
  if (typeof opened === 'number') return opened;
  const { checkout, tree } = opened;
  const changes = workingChanges(ctx.host.fs, checkout.root, tree.files);
  const show = (rel: string) => fromCwd(checkout.root, ctx.cwd, rel);
  const branch = tree.head.branch;
  const tracked = [
    ...changes.modified.map((p) => ({ path: p, kind: 'modified' as const })),
    ...changes.deleted.map((p) => ({ path: p, kind: 'deleted' as const })),
  ].sort((a, b) => (a.path < b.path ? -1 : 1));

  if (parsed.opts.has('short')) {
    let out = '';
    for (const t of tracked) out += ` ${t.kind === 'modified' ? 'M' : 'D'} ${show(t.path)}\n`;
    for (const u of changes.untracked) out += `?? ${show(u)}\n`;
    ctx.stdout.write(out);
    return 0;
  }

  let out = branch !== undefined ? `# On branch ${branch}\n` : '# Not currently on any branch.\n';
  if (tracked.length > 0) {
    const verb = changes.deleted.length > 0 ? 'add/rm' : 'add';
    out += '# Changes not staged for commit:\n';
    out += `#   (use "git ${verb} <file>..." to update what will be committed)\n`;
    out += '#   (use "git checkout -- <file>..." to discard changes in working directory)\n#\n';
    for (const t of tracked) out += `#\t${`${t.kind}:`.padEnd(12)}${show(t.path)}\n`;
    out += '#\n';
  }
  if (changes.untracked.length > 0) {
    out += '# Untracked files:\n#   (use "git add <file>..." to include in what will be committed)\n#\n';
    for (const u of changes.untracked) out += `#\t${show(u)}\n`;
  }
  if (tracked.length > 0) out += 'no changes added to commit (use "git add" and/or "git commit -a")\n';
  else if (changes.untracked.length > 0) out += 'nothing added to commit but untracked files present (use "git add" to track)\n';
  else out += 'nothing to commit, working directory clean\n';
  ctx.stdout.write(out);
  return 0;
}
