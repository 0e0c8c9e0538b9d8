/**
 * `git clone <repo> [<dir>]` as git 1.8.3.1 (CentOS 7) prints it against GitHub: "Cloning into
 * 'dir'...", then, when stderr is a terminal (or with --progress), the server's "remote:" lines
 * and the local "Receiving objects" / "Resolving deltas" counters redrawn in place, over a few
 * virtual seconds. The files appear when the clone completes; Ctrl+C before that leaves nothing.
 */
import { findCommit, resolvePath, type PackStats, type Random, type SourceRepository } from '../../../engine';
import { sleep, type CommandContext, type Effect, type Program } from '../../types';
import { parseGitArgs, usageError, usageText, wantsUsage, type GitOption } from './args';
import { defaultIdent, findCheckout, readHead, writeGitDir } from './gitDir';
import { counterText, localLine, remoteLine } from './progress';
import { humanishName, locateRemote } from './transport';

export const CLONE_USAGE = 'git clone [options] [--] <repo> [<dir>]';

export const CLONE_OPTIONS: readonly GitOption[] = [
  { key: 'verbose', short: 'v', long: 'verbose', help: 'be more verbose' },
  { key: 'quiet', short: 'q', long: 'quiet', help: 'be more quiet' },
  { key: 'progress', long: 'progress', help: 'force progress reporting' },
  { key: 'branch', short: 'b', long: 'branch', value: '<branch>', help: "checkout <branch> instead of the remote's HEAD" },
  { key: 'depth', long: 'depth', value: '<depth>', help: 'create a shallow clone of that depth' },
];

/** Virtual time between two redraws of a counter. */
const TICK_MS = 200;

type Steps = Generator<Effect, void, unknown>;

/** A counter from 0 to total over ms, redrawn every tick; the last call is final. */
function* counter(ctx: CommandContext, ms: number, render: (elapsed: number, final: boolean) => string): Steps {
  let elapsed = 0;
  while (elapsed + TICK_MS < ms) {
    elapsed += TICK_MS;
    yield sleep(TICK_MS);
    ctx.stderr.write(render(elapsed, false));
  }
  yield sleep(ms - elapsed);
  ctx.stderr.write(render(ms, true));
}

/** The phases of fetching a pack from GitHub, with their durations drawn from the clone's stream. */
function* fetchPack(ctx: CommandContext, pack: PackStats, rnd: Random, progress: boolean): Steps {
  const enumerate = 100 + Math.round(pack.objects / 60);
  const count = 50 + Math.round(pack.counted / 8);
  const compress = 50 + Math.round(pack.compressed / 4);
  const bytesPerMs = rnd.between(6000, 14000) * 1.048576;
  const receive = Math.max(120, Math.round(pack.bytes / bytesPerMs));
  const resolve = pack.deltas === 0 ? 0 : 40 + Math.round(pack.deltas / 30);
  if (!progress) {
    yield sleep(enumerate + count + compress + receive + resolve);
    return;
  }
  const part = (total: number, elapsed: number, ms: number) => Math.floor((total * elapsed) / ms);
  yield* counter(ctx, enumerate, (t, final) =>
    remoteLine(`Enumerating objects: ${part(pack.objects, t, enumerate)}${final ? ', done.' : ''}`, final));
  yield* counter(ctx, count, (t, final) =>
    remoteLine(counterText('Counting objects', part(pack.counted, t, count), pack.counted) + (final ? ', done.' : ''), final));
  yield* counter(ctx, compress, (t, final) =>
    remoteLine(counterText('Compressing objects', part(pack.compressed, t, compress), pack.compressed) + (final ? ', done.' : ''), final));
  ctx.stderr.write(remoteLine(
    `Total ${pack.objects} (delta ${pack.sentDeltas}), reused ${pack.reused} (delta ${pack.reusedDeltas}), pack-reused ${pack.packReused}`, true));
  // git shows a throughput once it has measured half a second of transfer; the last line always
  // has one, so a quick transfer ends with "| 0 bytes/s".
  let rate: number | undefined;
  yield* counter(ctx, receive, (t, final) => {
    if (t >= 500 && !final) rate = Math.round(bytesPerMs * 1000 * (0.92 + rnd.next() * 0.16));
    const tp = rate !== undefined || final ? { bytes: part(pack.bytes, t, receive), rate: rate ?? 0 } : undefined;
    return localLine(counterText('Receiving objects', part(pack.objects, t, receive), pack.objects, tp), final);
  });
  if (resolve > 0) {
    yield* counter(ctx, resolve, (t, final) => localLine(counterText('Resolving deltas', part(pack.deltas, t, resolve), pack.deltas), final));
  }
}

function writeCheckout(ctx: CommandContext, dest: string, repo: SourceRepository): void {
  const fs = ctx.host.fs;
  fs.mkdir(dest, { parents: true });
  for (const file of repo.files) {
    const path = `${dest}/${file.path}`;
    fs.mkdir(resolvePath('..', path), { parents: true });
    fs.writeFile(path, file.content, file.executable ? { mode: 0o755 } : {});
  }
}

function isUrlLike(url: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) || /^[^/]*:/.test(url);
}

export function runClone(ctx: CommandContext, args: readonly string[]): number | Program {
  if (wantsUsage(args)) {
    ctx.stdout.write(usageText(CLONE_USAGE, CLONE_OPTIONS));
    return 129;
  }
  const parsed = parseGitArgs(args, CLONE_OPTIONS);
  if (!parsed.ok) return usageError(ctx, parsed.message, CLONE_USAGE, CLONE_OPTIONS);
  const [url, dirArg, ...extra] = parsed.operands;
  if (url === undefined || extra.length > 0) {
    const why = url === undefined ? 'You must specify a repository to clone.' : 'Too many arguments.';
    ctx.stderr.write(`fatal: ${why}\n\n${usageText(CLONE_USAGE, CLONE_OPTIONS)}`);
    return 129;
  }
  const depth = parsed.opts.get('depth');
  if (depth !== undefined && !/^[1-9][0-9]*$/.test(depth)) {
    ctx.stderr.write(`fatal: depth ${depth} is not a positive number\n`);
    return 128;
  }
  const fs = ctx.host.fs;
  // A path that is no repository fails before anything else, as git checks it first.
  if (!isUrlLike(url) && !fs.isDir(`${resolvePath(url, ctx.cwd)}/.git`)) {
    ctx.stderr.write(`fatal: repository '${url}' does not exist\n`);
    return 128;
  }
  const dir = dirArg ?? humanishName(url);
  if (dir === '') {
    ctx.stderr.write('fatal: No directory name could be guessed.\nPlease specify a directory on the command line\n');
    return 128;
  }
  const dest = resolvePath(dir, ctx.cwd);
  const existing = fs.readdir(dest);
  if (fs.exists(dest) && !(existing.ok && existing.value.length === 0)) {
    ctx.stderr.write(`fatal: destination path '${dir}' already exists and is not an empty directory.\n`);
    return 128;
  }
  const quiet = parsed.opts.has('quiet');
  const progress = !quiet && (ctx.stderr.isTerminal || parsed.opts.has('progress'));
  const remoteName = 'origin';
  return (function* (): Program {
    if (!quiet) ctx.stderr.write(`Cloning into '${dir}'...\n`);
    const rnd = ctx.world.random.fork(`git-clone/${ctx.host.name}/${ctx.world.now()}/${dest}`);
    const remote = locateRemote(ctx.world, ctx.host, ctx.cwd, url);
    if (remote.kind !== 'local') yield sleep(rnd.between(250, 600));
    const record = { url, remoteName, ident: defaultIdent(ctx.host.name), unixSeconds: Math.floor(ctx.world.wallNow() / 1000) };
    switch (remote.kind) {
      case 'error':
        ctx.stderr.write(remote.message);
        return 128;
      case 'local': {
        const source = findCheckout(fs, remote.path);
        const head = source && readHead(fs, source.gitDir);
        const found = head?.sha !== undefined ? findCommit(head.sha) : undefined;
        if (!head?.sha || !found) {
          ctx.stderr.write('warning: You appear to have cloned an empty repository.\n');
          return 0;
        }
        yield sleep(50);
        writeCheckout(ctx, dest, found.repo);
        writeGitDir(fs, dest, { ...record, url: remote.path, repo: found.repo, branch: head.branch ?? found.repo.defaultBranch, sha: head.sha, shallow: false });
        if (!quiet) ctx.stderr.write('done.\n');
        ctx.world.touch();
        return 0;
      }
      case 'repository': {
        const repo = remote.repo;
        const branch = parsed.opts.get('branch') ?? repo.defaultBranch;
        if (branch !== repo.defaultBranch) {
          ctx.stderr.write(`warning: Could not find remote branch ${branch} to clone.\nfatal: Remote branch ${branch} not found in upstream ${remoteName}\n`);
          return 128;
        }
        yield* fetchPack(ctx, depth === undefined ? repo.pack : repo.shallowPack, rnd, progress);
        writeCheckout(ctx, dest, repo);
        writeGitDir(fs, dest, { ...record, repo, branch, sha: repo.commits[0]!.sha, shallow: depth !== undefined });
        ctx.world.touch();
        return 0;
      }
    }
  })();
}
