/** cat (and less/more, which act like cat on a terminal-less pane): files or stdin, streamed. */
import type { CommandContext, Program } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { shq } from './lib/quote';
import { errno, forEachLine, openInput } from './lib/text';

function* catProgram(ctx: CommandContext, files: readonly string[], opts: Options): Program {
  const prog = ctx.argv[0] ?? 'cat';
  const numberAll = opts.has('n');
  const numberNonBlank = opts.has('b');
  const showEnds = opts.has('E') || opts.has('A');
  const squeeze = opts.has('s');
  const plain = !numberAll && !numberNonBlank && !showEnds && !squeeze;
  let status = 0;
  let lineNo = 0;
  let lastBlank = false;
  for (const name of files.length > 0 ? files : ['-']) {
    const input = openInput(ctx, name);
    if (!input.ok) {
      ctx.stderr.write(`${prog}: ${name}: ${errno(input.code)}\n`);
      status = 1;
      continue;
    }
    if (plain) {
      for (let chunk = yield* input.stream.read(); chunk !== null; chunk = yield* input.stream.read()) ctx.stdout.write(chunk);
      continue;
    }
    yield* forEachLine(input.stream, (line, newline) => {
      const blank = line === '';
      if (squeeze && blank && lastBlank) return;
      lastBlank = blank;
      let prefix = '';
      if (numberNonBlank ? !blank : numberAll) prefix = `${String(++lineNo).padStart(6)}\t`;
      ctx.stdout.write(`${prefix}${line}${showEnds && newline ? '$' : ''}${newline ? '\n' : ''}`);
    });
  }
  return status;
}

function catLike(name: string, summary: string) {
  return defineUtil({
    name,
    summary,
    usage: '[OPTION]... [FILE]...',
    run(ctx) {
      const parsed = getopt(ctx.argv[0] ?? name, ctx.argv.slice(1), [
        { key: 'n', short: 'n', long: 'number' }, { key: 'b', short: 'b', long: 'number-nonblank' },
        { key: 'E', short: 'E', long: 'show-ends' }, { key: 's', short: 's', long: 'squeeze-blank' },
        { key: 'A', short: 'A', long: 'show-all' }, { key: 'u', short: 'u' },
        ...(name === 'cat' ? [] : [{ key: 'R', short: 'R' }, { key: 'F', short: 'F' }, { key: 'X', short: 'X' }]),
      ]);
      if (!parsed.ok) return usageError(ctx, parsed.message);
      return catProgram(ctx, parsed.operands, new Options(parsed.opts));
    },
  });
}

export const cat = catLike('cat', 'Concatenate FILE(s) to standard output.');
/** The panes are not full-screen terminals: the pagers print everything, like `less` into a pipe. */
export const less = catLike('less', 'Page through text (prints it all here).');
export const more = catLike('more', 'Page through text (prints it all here).');

/** tac: the lines of each file (or stdin) in reverse order. */
export const tac = defineUtil({
  name: 'tac',
  summary: 'Write each FILE to standard output, last line first.',
  usage: '[OPTION]... [FILE]...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'tac';
    const parsed = getopt(prog, ctx.argv.slice(1), []);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    return (function* (): Program {
      let status = 0;
      for (const name of parsed.operands.length > 0 ? parsed.operands : ['-']) {
        const input = openInput(ctx, name);
        if (!input.ok) {
          ctx.stderr.write(`${prog}: failed to open ${shq(name)} for reading: ${errno(input.code)}\n`);
          status = 1;
          continue;
        }
        const text = yield* input.stream.readAll();
        const lines = text.split('\n');
        if (text.endsWith('\n')) lines.pop();
        ctx.stdout.write(lines.reverse().map((l) => `${l}\n`).join(''));
      }
      return status;
    })();
  },
});
