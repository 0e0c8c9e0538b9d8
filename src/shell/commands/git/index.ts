/**
 * git 1.8.3.1, as CentOS 7 installs it: `git clone` from the world's GitHub, and what a learner
 * does in the clone afterwards (status, diff, log, remote, pull, checkout, branch). Other git
 * commands say they are not available here rather than pretending to work.
 */
import { knownRepositoryUrls } from '../../../engine';
import type { Command, CommandContext, CompletionRequest, Program } from '../../types';
import type { GitOption } from './args';
import { runBranch, runCheckout } from './checkout';
import { CLONE_OPTIONS, runClone } from './clone';
import { runDiff } from './diff';
import { runLog } from './log';
import { runPull, runRemote } from './remote';
import { runStatus } from './status';

export const GIT_VERSION = '1.8.3.1';

type Subcommand = (ctx: CommandContext, args: readonly string[]) => number | Program;

const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  branch: runBranch,
  checkout: runCheckout,
  clone: runClone,
  diff: runDiff,
  fetch: (ctx, args) => runPull(ctx, args, false),
  log: runLog,
  pull: (ctx, args) => runPull(ctx, args, true),
  remote: runRemote,
  status: runStatus,
};

/** `git --help`'s list of common commands (git 1.8 shows 21; these are the ones a learner meets). */
const COMMON: readonly (readonly [string, string])[] = [
  ['add', 'Stage file contents for the next commit'],
  ['branch', 'List, create or delete branches'],
  ['checkout', 'Switch branches, or restore files of the working tree'],
  ['clone', 'Copy a repository into a new directory'],
  ['commit', 'Record the staged changes in the history'],
  ['diff', 'Show changes between the working tree and HEAD'],
  ['fetch', 'Download objects and refs from another repository'],
  ['init', 'Create an empty repository'],
  ['log', 'Show the commit history'],
  ['pull', 'Fetch, then merge into the current branch'],
  ['push', 'Send local commits to a remote repository'],
  ['remote', 'Manage the tracked repositories'],
  ['status', 'Show the state of the working tree'],
];

const TOP_USAGE = [
  'usage: git [--version] [--help] [-c name=value]',
  '           [--exec-path[=<path>]] [--html-path] [--man-path] [--info-path]',
  '           [-p|--paginate|--no-pager] [--no-replace-objects] [--bare]',
  '           [--git-dir=<path>] [--work-tree=<path>] [--namespace=<name>]',
  '           <command> [<args>]',
].join('\n');

function topHelp(): string {
  const list = COMMON.map(([name, what]) => `   ${name.padEnd(11)}${what}`).join('\n');
  return `${TOP_USAGE}\n\nThe most commonly used git commands are:\n${list}\n\nSee 'git help <command>' for the options of one command.\n`;
}

/** Edit distance, for "Did you mean this?" (git suggests commands at most a few edits away). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = here;
    }
  }
  return row[b.length]!;
}

function notACommand(ctx: CommandContext, name: string): number {
  const all = [...new Set([...COMMON.map(([n]) => n), ...Object.keys(SUBCOMMANDS)])].sort();
  const close = all.filter((n) => distance(name, n) <= 2);
  ctx.stderr.write(`git: '${name}' is not a git command. See 'git --help'.\n`);
  if (close.length > 0) ctx.stderr.write(`\nDid you mean ${close.length === 1 ? 'this' : 'one of these'}?\n${close.map((n) => `\t${n}\n`).join('')}`);
  return 1;
}

const GLOBAL_FLAGS = new Set(['--no-pager', '-p', '--paginate', '--bare', '--no-replace-objects']);

function run(ctx: CommandContext): number | Program {
  const argv = ctx.argv.slice(1);
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) break;
    if (a === '--version') {
      ctx.stdout.write(`git version ${GIT_VERSION}\n`);
      return 0;
    }
    if (a === '--help' || a === '-h') {
      ctx.stdout.write(topHelp());
      return 0;
    }
    if (a === '-c') i++;
    else if (!GLOBAL_FLAGS.has(a) && !/^--(git-dir|work-tree|namespace)=/.test(a)) {
      ctx.stderr.write(`Unknown option: ${a}\n${TOP_USAGE}\n`);
      return 129;
    }
  }
  const name = argv[i];
  const args = argv.slice(i + 1);
  if (name === undefined) {
    ctx.stdout.write(topHelp());
    return 1;
  }
  if (name === 'help' || name === 'version') {
    if (name === 'version') ctx.stdout.write(`git version ${GIT_VERSION}\n`);
    else if (args[0] === undefined) ctx.stdout.write(topHelp());
    else if (SUBCOMMANDS[args[0]]) {
      // Every subcommand answers -h at once with its usage: that is the help this node has.
      SUBCOMMANDS[args[0]]!(ctx, ['-h']);
    } else {
      ctx.stderr.write(`No manual entry for git-${args[0]}\n`);
      return 1;
    }
    return 0;
  }
  const sub = SUBCOMMANDS[name];
  if (sub) return sub(ctx, args);
  if (COMMON.some(([n]) => n === name) || ['config', 'merge', 'rebase', 'reset', 'rm', 'mv', 'show', 'stash', 'tag'].includes(name)) {
    ctx.stderr.write(`git: '${name}' is not available on this node. Available: ${Object.keys(SUBCOMMANDS).join(', ')}.\n`);
    return 1;
  }
  return notACommand(ctx, name);
}

const SUBCOMMAND_OPTIONS: Readonly<Record<string, readonly GitOption[]>> = { clone: CLONE_OPTIONS };
const EXTRA_FLAGS: Readonly<Record<string, readonly string[]>> = {
  status: ['--short'],
  diff: ['--cached', '--name-status'],
  log: ['--oneline', '--max-count='],
  remote: ['--verbose'],
};

function complete(req: CompletionRequest): readonly string[] {
  const words = req.words.slice(1).filter((w) => !w.startsWith('-'));
  const cur = req.current;
  const prefix = (list: readonly string[]) => list.filter((c) => c.startsWith(cur));
  const sub = words[0];
  if (sub === undefined) return cur.startsWith('-') ? prefix(['--version', '--help', '--no-pager']) : prefix(Object.keys(SUBCOMMANDS).sort());
  if (cur.startsWith('-')) {
    const own = (SUBCOMMAND_OPTIONS[sub] ?? []).flatMap((o) => (o.long ? [`--${o.long}`] : []));
    return prefix([...own, ...(EXTRA_FLAGS[sub] ?? [])]);
  }
  if (sub === 'clone' && words.length === 1 && cur !== '' && 'https://github.com/'.startsWith(cur.slice(0, 19))) return prefix(knownRepositoryUrls());
  return [];
}

export const git: Command = {
  name: 'git',
  summary: 'the stupid content tracker',
  run,
  complete,
};
