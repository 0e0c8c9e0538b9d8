/** cut: -f with -d (tab by default), -c and -b, lists like 1,3 2-4 -3 5-, -s, --output-delimiter. */
import type { Program } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { lq } from './lib/quote';
import { errno, forEachLine, openInput } from './lib/text';

type Range = readonly [number, number];

function parseList(list: string, what: 'field' | 'byte/character'): Range[] | string {
  const ranges: Range[] = [];
  for (const part of list.split(',')) {
    const m = /^([0-9]*)(-?)([0-9]*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '') || (m[2] === '' && m[3] !== '')) return `invalid ${what} value ${lq(part)}`;
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] === '' ? from : m[3] === '' ? Infinity : Number(m[3]);
    if (from === 0 || to === 0) return `${what === 'field' ? 'fields' : 'byte/character positions'} are numbered from 1`;
    if (to < from) return 'invalid decreasing range';
    ranges.push([from, to]);
  }
  return ranges;
}

const selected = (ranges: readonly Range[], n: number): boolean => ranges.some(([a, b]) => n >= a && n <= b);

export const cut = defineUtil({
  name: 'cut',
  summary: 'Print selected parts of lines from each FILE to standard output.',
  usage: 'OPTION... [FILE]...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'cut';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'f', short: 'f', long: 'fields', arg: true }, { key: 'c', short: 'c', long: 'characters', arg: true },
      { key: 'b', short: 'b', long: 'bytes', arg: true }, { key: 'd', short: 'd', long: 'delimiter', arg: true },
      { key: 's', short: 's', long: 'only-delimited' }, { key: 'complement', long: 'complement' },
      { key: 'od', long: 'output-delimiter', arg: true }, { key: 'n', short: 'n' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const opts = new Options(parsed.opts);
    const mode = opts.last(['f', 'c', 'b']);
    if (mode === undefined) return usageError(ctx, `${prog}: you must specify a list of bytes, characters, or fields`);
    if (['f', 'c', 'b'].filter((k) => opts.has(k)).length > 1) return usageError(ctx, `${prog}: only one type of list may be specified`);
    const ranges = parseList(opts.value(mode)!, mode === 'f' ? 'field' : 'byte/character');
    if (typeof ranges === 'string') return usageError(ctx, `${prog}: ${ranges}`);
    const delim = opts.value('d') ?? '\t';
    if ([...delim].length !== 1) return usageError(ctx, `${prog}: the delimiter must be a single character`);
    if (mode !== 'f' && opts.has('d')) return usageError(ctx, `${prog}: an input delimiter may be specified only when operating on fields`);
    const outDelim = opts.value('od') ?? (mode === 'f' ? delim : '');
    const complement = opts.has('complement');
    const keep = (n: number): boolean => selected(ranges, n) !== complement;
    const cutLine = (line: string): string | undefined => {
      if (mode !== 'f') return [...line].filter((_, i) => keep(i + 1)).join(outDelim);
      if (!line.includes(delim)) return opts.has('s') ? undefined : line;
      return line.split(delim).filter((_, i) => keep(i + 1)).join(outDelim);
    };
    const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
    return (function* (): Program {
      let status = 0;
      for (const name of files) {
        const input = openInput(ctx, name);
        if (!input.ok) {
          ctx.stderr.write(`${prog}: ${name}: ${errno(input.code)}\n`);
          status = 1;
          continue;
        }
        yield* forEachLine(input.stream, (line) => {
          const out = cutLine(line);
          if (out !== undefined) ctx.stdout.write(`${out}\n`);
        });
      }
      return status;
    })();
  },
});
