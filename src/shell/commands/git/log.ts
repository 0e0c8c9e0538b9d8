/**
 * `git log`: the commits of HEAD's history, newest first, in git's "medium" format (or
 * --oneline), with dates in the author's time zone as git prints them. A shallow clone's history
 * stops at its boundary.
 */
import { findCommit, type SourceCommit } from '../../../engine';
import type { CommandContext } from '../../types';
import { parseGitArgs, usageError, usageText, wantsUsage, type GitOption } from './args';
import { shallowBoundary } from './gitDir';
import { ambiguous, openRepository } from './open';

const USAGE = 'git log [<options>] [<revision range>] [[--] <path>...]';
const OPTIONS: readonly GitOption[] = [
  { key: 'max', short: 'n', long: 'max-count', value: '<n>', help: 'limit the number of commits to output' },
  { key: 'oneline', long: 'oneline', help: 'one line per commit, with an abbreviated id' },
];

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Fri May 26 16:41:09 2023 +0200": git's default date, in the commit's own zone. */
export function gitDate(time: number, tz: string): string {
  const sign = tz.startsWith('-') ? -1 : 1;
  const offset = sign * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(3, 5)));
  const d = new Date((time + offset * 60) * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${clock} ${d.getUTCFullYear()} ${tz}`;
}

function medium(c: SourceCommit): string {
  const body = c.body ? `\n${c.body.split('\n').map((l) => (l ? `    ${l}` : '')).join('\n')}\n` : '';
  return `commit ${c.sha}\nAuthor: ${c.author} <${c.email}>\nDate:   ${gitDate(c.time, c.tz)}\n\n    ${c.subject}\n${body}`;
}

export function runLog(ctx: CommandContext, rawArgs: readonly string[]): number {
  // "-3" is "-n 3".
  const args = rawArgs.flatMap((a) => (/^-[0-9]+$/.test(a) ? ['-n', a.slice(1)] : [a]));
  if (wantsUsage(args)) {
    ctx.stdout.write(usageText(USAGE, OPTIONS));
    return 129;
  }
  const parsed = parseGitArgs(args, OPTIONS);
  if (!parsed.ok) return usageError(ctx, parsed.message, USAGE, OPTIONS);
  const opened = openRepository(ctx);
  if (typeof opened === 'number') return opened;
  const { checkout, tree } = opened;
  const branch = tree.head.branch ?? 'master';
  const known = ['HEAD', branch, `origin/${branch}`, `remotes/origin/${branch}`, tree.head.sha, tree.head.sha.slice(0, 7)];
  const unknown = parsed.operands.find((rev) => !known.includes(rev));
  if (unknown !== undefined) return ambiguous(ctx, unknown);
  const found = findCommit(tree.head.sha)!;
  let commits = found.repo.commits.slice(found.index);
  const boundary = shallowBoundary(ctx.host.fs, checkout.gitDir);
  const stop = boundary === undefined ? -1 : commits.findIndex((c) => c.sha === boundary);
  if (stop >= 0) commits = commits.slice(0, stop + 1);
  const max = parsed.opts.get('max');
  if (max !== undefined) {
    if (!/^-?[0-9]+$/.test(max)) {
      ctx.stderr.write(`fatal: '${max}': not an integer\n`);
      return 128;
    }
    if (Number(max) >= 0) commits = commits.slice(0, Number(max));
  }
  const oneline = parsed.opts.has('oneline');
  ctx.stdout.write(oneline ? commits.map((c) => `${c.sha.slice(0, 7)} ${c.subject}\n`).join('') : commits.map(medium).join('\n'));
  return 0;
}
