/**
 * `git remote [-v]`, `git pull` and `git fetch`. Our repositories never move
 * after a clone, so pulling talks to the server (and fails as clone would when it can't) and then
 * says "Already up-to-date." in git 1.8's spelling.
 */
import { sleep, type CommandContext, type Program } from '../../types';
import { parseGitArgs, usageError, usageText, wantsUsage, type GitOption } from './args';
import { NOT_A_REPOSITORY, findCheckout, readConfig, readHead, remotesOf } from './gitDir';
import { locateRemote } from './transport';

const REMOTE_USAGE = 'git remote [-v | --verbose]';
const REMOTE_OPTIONS: readonly GitOption[] = [{ key: 'verbose', short: 'v', long: 'verbose', help: 'be verbose; must be placed before a subcommand' }];

export function runRemote(ctx: CommandContext, args: readonly string[]): number {
  if (wantsUsage(args)) {
    ctx.stdout.write(usageText(REMOTE_USAGE, REMOTE_OPTIONS));
    return 129;
  }
  const parsed = parseGitArgs(args, REMOTE_OPTIONS);
  if (!parsed.ok) return usageError(ctx, parsed.message, REMOTE_USAGE, REMOTE_OPTIONS);
  const checkout = findCheckout(ctx.host.fs, ctx.cwd);
  if (!checkout) {
    ctx.stderr.write(NOT_A_REPOSITORY);
    return 128;
  }
  const remotes = remotesOf(readConfig(ctx.host.fs, checkout.gitDir));
  const [sub] = parsed.operands;
  if (sub === undefined) {
    const verbose = parsed.opts.has('verbose');
    ctx.stdout.write(remotes.map((r) => (verbose ? `${r.name}\t${r.url} (fetch)\n${r.name}\t${r.url} (push)\n` : `${r.name}\n`)).join(''));
    return 0;
  }
  return usageError(ctx, `error: Unknown subcommand: ${sub}`, REMOTE_USAGE, REMOTE_OPTIONS);
}

/** `git pull` (say = true) and `git fetch` (quiet when there is nothing new). */
export function runPull(ctx: CommandContext, args: readonly string[], say: boolean): number | Program {
  if (wantsUsage(args)) {
    ctx.stdout.write(say ? 'usage: git pull [options] [<repository> [<refspec>...]]\n' : 'usage: git fetch [<options>] [<repository> [<refspec>...]]\n');
    return 129;
  }
  const checkout = findCheckout(ctx.host.fs, ctx.cwd);
  if (!checkout) {
    ctx.stderr.write(NOT_A_REPOSITORY);
    return 128;
  }
  const config = readConfig(ctx.host.fs, checkout.gitDir);
  const head = readHead(ctx.host.fs, checkout.gitDir);
  const remoteName = args.find((a) => !a.startsWith('-')) ?? config.get(`branch.${head.branch}.remote`) ?? 'origin';
  const url = config.get(`remote.${remoteName}.url`);
  if (url === undefined) {
    ctx.stderr.write(`fatal: '${remoteName}' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n`);
    return 128;
  }
  return (function* (): Program {
    const remote = locateRemote(ctx.world, ctx.host, ctx.cwd, url);
    yield sleep(remote.kind === 'local' ? 30 : 400 + ctx.world.random.fork(`git-pull/${ctx.host.name}/${ctx.world.now()}`).int(400));
    if (remote.kind === 'error') {
      ctx.stderr.write(remote.message);
      return remote.message.startsWith('fatal: repository') ? 1 : 128;
    }
    if (say) ctx.stdout.write('Already up-to-date.\n');
    return 0;
  })();
}
