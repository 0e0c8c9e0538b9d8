/** base64: encode with GNU's 76-column wrapping (-w N, -w 0), decode with -d (-i ignores garbage). */
import { base64ToBytes, bytesToBase64, utf8Decode, utf8Encode } from '../../../engine';
import type { Program } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { lq } from './lib/quote';
import { errno, openInput } from './lib/text';

export function wrap(text: string, width: number): string {
  if (text === '') return '';
  // -w 0: one line and no newline at all, as GNU base64 prints it.
  if (width <= 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i += width) out += `${text.slice(i, i + width)}\n`;
  return out;
}

export const base64 = defineUtil({
  name: 'base64',
  summary: 'Base64 encode or decode FILE, or standard input, to standard output.',
  usage: '[OPTION]... [FILE]',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'base64';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'd', short: 'd', long: 'decode' }, { key: 'i', short: 'i', long: 'ignore-garbage' }, { key: 'w', short: 'w', long: 'wrap', arg: true },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const opts = new Options(parsed.opts);
    if (parsed.operands.length > 1) return usageError(ctx, `${prog}: extra operand ${lq(parsed.operands[1]!)}`);
    const wrapRaw = opts.value('w') ?? '76';
    if (!/^[0-9]+$/.test(wrapRaw)) {
      ctx.stderr.write(`${prog}: invalid wrap size: ${lq(wrapRaw)}\n`);
      return 1;
    }
    const name = parsed.operands[0] ?? '-';
    const input = openInput(ctx, name);
    if (!input.ok) {
      ctx.stderr.write(`${prog}: ${name}: ${errno(input.code)}\n`);
      return 1;
    }
    return (function* (): Program {
      const text = yield* input.stream.readAll();
      if (!opts.has('d')) {
        ctx.stdout.write(wrap(bytesToBase64(utf8Encode(text)), Number(wrapRaw)));
        return 0;
      }
      let clean = text.replace(/\n/g, '');
      if (opts.has('i')) clean = clean.replace(/[^A-Za-z0-9+/=]/g, '');
      const bytes = base64ToBytes(clean);
      if (bytes) {
        ctx.stdout.write(utf8Decode(bytes));
        return 0;
      }
      // Like GNU base64, print what decodes before the first bad group, then complain.
      const valid = /^[A-Za-z0-9+/]*/.exec(clean)![0];
      const prefix = base64ToBytes(valid.slice(0, valid.length - (valid.length % 4)));
      if (prefix) ctx.stdout.write(utf8Decode(prefix));
      ctx.stderr.write(`${prog}: invalid input\n`);
      return 1;
    })();
  },
});
