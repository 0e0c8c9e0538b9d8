/** wc: lines, words, bytes (-l -w -c -m -L), padded the way GNU wc pads them. */
import { utf8Encode } from '../../../engine';
import type { Program } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { errno, openInput } from './lib/text';

type Key = 'l' | 'w' | 'm' | 'c' | 'L';
const ORDER: readonly Key[] = ['l', 'w', 'm', 'c', 'L'];

function counts(text: string): Record<Key, number> {
  const lines = (text.match(/\n/g) ?? []).length;
  const words = (text.match(/[^\s]+/g) ?? []).length;
  const bytes = utf8Encode(text).length;
  const longest = Math.max(0, ...text.split('\n').map((l) => [...l.replace(/\t/g, '        ')].length));
  return { l: lines, w: words, m: [...text].length, c: bytes, L: longest };
}

export const wc = defineUtil({
  name: 'wc',
  summary: 'Print newline, word, and byte counts for each FILE, and a total line if more than one FILE is specified.',
  usage: '[OPTION]... [FILE]...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'wc';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'l', short: 'l', long: 'lines' }, { key: 'w', short: 'w', long: 'words' }, { key: 'c', short: 'c', long: 'bytes' },
      { key: 'm', short: 'm', long: 'chars' }, { key: 'L', short: 'L', long: 'max-line-length' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const opts = new Options(parsed.opts);
    let selected = ORDER.filter((k) => opts.has(k));
    if (selected.length === 0) selected = ['l', 'w', 'c'];
    const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
    return (function* (): Program {
      let status = 0;
      const rows: { name: string | undefined; c: Record<Key, number> }[] = [];
      let fromStdin = false;
      let totalBytes = 0;
      for (const name of files) {
        const input = openInput(ctx, name);
        if (!input.ok) {
          ctx.stderr.write(`${prog}: ${name}: ${errno(input.code)}\n`);
          status = 1;
          continue;
        }
        if (name === '-') fromStdin = true;
        const c = counts(yield* input.stream.readAll());
        totalBytes += c.c;
        rows.push({ name: parsed.operands.length > 0 ? name : undefined, c });
      }
      if (rows.length > 1) {
        const total = { l: 0, w: 0, m: 0, c: 0, L: 0 };
        for (const r of rows) for (const k of ORDER) total[k] = k === 'L' ? Math.max(total.L, r.c.L) : total[k] + r.c[k];
        rows.push({ name: 'total', c: total });
      }
      // GNU wc: one count of one input needs no padding; otherwise the width fits the total size, 7 for pipes.
      const width = selected.length === 1 && files.length === 1 ? 1 : Math.max(fromStdin ? 7 : 1, String(totalBytes).length);
      for (const r of rows) {
        const cols = selected.map((k) => String(r.c[k]).padStart(width)).join(' ');
        ctx.stdout.write(r.name === undefined ? `${cols}\n` : `${cols} ${r.name}\n`);
      }
      return status;
    })();
  },
});
