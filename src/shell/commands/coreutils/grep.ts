/** grep: BRE by default, -E, -F, -i -v -n -c -l -L -o -q -s -w -x -r -h -H -e; streams stdin line by line. */
import { resolvePath } from '../../../engine';
import type { CommandContext, Effect, InputStream, Program } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { compilePatterns } from './lib/regex';
import { errno, forEachLine, openInput } from './lib/text';

interface GrepState {
  matched: boolean;
  error: boolean;
}

function* searchStream(ctx: CommandContext, re: RegExp, opts: Options, stream: InputStream, label: string | undefined, state: GrepState): Generator<Effect, boolean, unknown> {
  const invert = opts.has('v');
  const quiet = opts.has('q');
  let count = 0;
  let lineNo = 0;
  const prefix = (n: number): string => `${label !== undefined ? `${label}:` : ''}${opts.has('n') ? `${n}:` : ''}`;
  const keepGoing = yield* forEachLine(stream, (line) => {
    lineNo++;
    re.lastIndex = 0;
    const hit = re.test(line) !== invert;
    if (!hit) return true;
    count++;
    state.matched = true;
    if (quiet) return false;
    if (opts.has('l') || opts.has('L')) return false;
    if (opts.has('c')) return true;
    if (opts.has('o')) {
      if (invert) return true;
      re.lastIndex = 0;
      for (const m of line.matchAll(re)) if (m[0] !== '') ctx.stdout.write(`${prefix(lineNo)}${m[0]}\n`);
      return true;
    }
    ctx.stdout.write(`${prefix(lineNo)}${line}\n`);
    return true;
  });
  const name = label ?? '(standard input)';
  if (opts.has('c') && !quiet) ctx.stdout.write(`${label !== undefined ? `${label}:` : ''}${count}\n`);
  if (opts.has('l') && count > 0 && !quiet) ctx.stdout.write(`${name}\n`);
  if (opts.has('L') && count === 0 && !quiet) ctx.stdout.write(`${name}\n`);
  return keepGoing || !quiet;
}

/** Files under a directory, depth first in name order, as grep -r visits them. */
function walk(ctx: CommandContext, path: string, shown: string, out: string[]): void {
  const fs = ctx.host.fs;
  const names = fs.readdir(resolvePath(path, ctx.cwd));
  if (!names.ok) return;
  for (const n of names.value) {
    const child = `${path === '/' ? '' : path}/${n}`;
    const childShown = shown === '' ? n : `${shown.endsWith('/') ? shown.slice(0, -1) : shown}/${n}`;
    const st = fs.stat(resolvePath(child, ctx.cwd), false);
    if (!st.ok || st.value.kind === 'symlink') continue;
    if (st.value.kind === 'dir') walk(ctx, child, childShown, out);
    else out.push(childShown);
  }
}

export const grep = defineUtil({
  name: 'grep',
  summary: 'Search for PATTERN in each FILE or standard input.',
  usage: '[OPTION]... PATTERN [FILE]...',
  package: 'GNU grep',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'grep';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'E', short: 'E', long: 'extended-regexp' }, { key: 'F', short: 'F', long: 'fixed-strings' }, { key: 'G', short: 'G', long: 'basic-regexp' },
      { key: 'e', short: 'e', long: 'regexp', arg: true }, { key: 'i', short: 'i', long: 'ignore-case' }, { key: 'y', short: 'y' },
      { key: 'v', short: 'v', long: 'invert-match' }, { key: 'w', short: 'w', long: 'word-regexp' }, { key: 'x', short: 'x', long: 'line-regexp' },
      { key: 'c', short: 'c', long: 'count' }, { key: 'l', short: 'l', long: 'files-with-matches' }, { key: 'L', short: 'L', long: 'files-without-match' },
      { key: 'n', short: 'n', long: 'line-number' }, { key: 'o', short: 'o', long: 'only-matching' }, { key: 'q', short: 'q', long: 'quiet' },
      { key: 'q', long: 'silent' }, { key: 's', short: 's', long: 'no-messages' }, { key: 'r', short: 'r', long: 'recursive' },
      { key: 'r', short: 'R', long: 'dereference-recursive' }, { key: 'h', short: 'h', long: 'no-filename' }, { key: 'H', short: 'H', long: 'with-filename' },
      { key: 'color', long: 'color', optionalArg: true }, { key: 'lb', long: 'line-buffered' }, { key: 'color', long: 'colour', optionalArg: true },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message, 2);
    const opts = new Options(parsed.opts);
    const operands = [...parsed.operands];
    const patterns = parsed.opts.filter(([k]) => k === 'e').map(([, v]) => v);
    if (patterns.length === 0) {
      const p = operands.shift();
      if (p === undefined) {
        ctx.stderr.write(`Usage: grep [OPTION]... PATTERN [FILE]...\nTry 'grep --help' for more information.\n`);
        return 2;
      }
      patterns.push(...p.split('\n'));
    }
    let re: RegExp;
    try {
      re = compilePatterns(patterns, {
        extended: opts.last(['E', 'G', 'F']) === 'E', fixed: opts.last(['E', 'G', 'F']) === 'F',
        ignoreCase: opts.has('i') || opts.has('y'), word: opts.has('w'), line: opts.has('x'),
      });
    } catch (e) {
      ctx.stderr.write(`${prog}: ${e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : 'Invalid regular expression'}\n`);
      return 2;
    }
    const recursive = opts.has('r');
    let files = operands.length > 0 ? operands : recursive ? ['.'] : ['-'];
    if (recursive) {
      const expanded: string[] = [];
      for (const f of files) {
        if (f !== '-' && ctx.host.fs.isDir(resolvePath(f, ctx.cwd))) walk(ctx, f, operands.length === 0 ? '' : f, expanded);
        else expanded.push(f);
      }
      files = expanded;
    }
    const withNames = opts.has('H') || (!opts.has('h') && (files.length > 1 || recursive));
    return (function* (): Program {
      const state: GrepState = { matched: false, error: false };
      for (const name of files) {
        if (name !== '-' && ctx.host.fs.isDir(resolvePath(name, ctx.cwd))) {
          if (!opts.has('s')) ctx.stderr.write(`${prog}: ${name}: Is a directory\n`);
          state.error = true;
          continue;
        }
        const input = openInput(ctx, name);
        if (!input.ok) {
          if (!opts.has('s')) ctx.stderr.write(`${prog}: ${name}: ${errno(input.code)}\n`);
          state.error = true;
          continue;
        }
        const label = withNames ? (name === '-' ? '(standard input)' : name) : undefined;
        const goOn = yield* searchStream(ctx, re, opts, input.stream, label, state);
        if (!goOn && opts.has('q')) return 0;
      }
      if (state.error && !(opts.has('q') && state.matched)) return 2;
      return state.matched ? 0 : 1;
    })();
  },
});
