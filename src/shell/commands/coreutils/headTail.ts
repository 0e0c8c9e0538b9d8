/** head and tail: -n N, -c N, -N, tail's +N and -f (follows a file on the virtual clock). */
import { resolvePath } from '../../../engine';
import type { Program } from '../../types';
import { sleep } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { lq, shq } from './lib/quote';
import { errno, forEachLine, openInput } from './lib/text';

/** `head -5` is `head -n 5`: GNU still accepts the old numeric option first. */
function modernize(args: readonly string[]): string[] {
  const first = args[0];
  if (first !== undefined && /^-[0-9]+$/.test(first)) return ['-n', first.slice(1), ...args.slice(1)];
  return [...args];
}

function parseCount(text: string): { n: number; fromStart: boolean; negative: boolean } | undefined {
  const m = /^([+-]?)([0-9]+)([kKmMbB]?)$/.exec(text);
  if (!m) return undefined;
  const mult = { '': 1, b: 512, k: 1024, K: 1024, m: 1048576, M: 1048576, B: 1 }[m[3]!] ?? 1;
  return { n: Number(m[2]) * mult, fromStart: m[1] === '+', negative: m[1] === '-' };
}

function headerFor(name: string, first: boolean): string {
  return `${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`;
}

export const head = defineUtil({
  name: 'head',
  summary: 'Print the first 10 lines of each FILE to standard output.',
  usage: '[OPTION]... [FILE]...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'head';
    const parsed = getopt(prog, modernize(ctx.argv.slice(1)), [
      { key: 'n', short: 'n', long: 'lines', arg: true }, { key: 'c', short: 'c', long: 'bytes', arg: true },
      { key: 'q', short: 'q', long: 'quiet' }, { key: 'v', short: 'v', long: 'verbose' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const opts = new Options(parsed.opts);
    const bytes = opts.last(['n', 'c']) === 'c';
    const raw = opts.value(bytes ? 'c' : 'n') ?? '10';
    const count = parseCount(raw);
    if (!count) {
      ctx.stderr.write(`${prog}: invalid number of ${bytes ? 'bytes' : 'lines'}: ${lq(raw)}\n`);
      return 1;
    }
    const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
    const headers = opts.has('v') || (files.length > 1 && !opts.has('q'));
    return (function* (): Program {
      let status = 0;
      let first = true;
      for (const name of files) {
        const input = openInput(ctx, name);
        if (!input.ok) {
          ctx.stderr.write(`${prog}: cannot open ${shq(name)} for reading: ${errno(input.code)}\n`);
          status = 1;
          continue;
        }
        if (headers) ctx.stdout.write(headerFor(name, first));
        first = false;
        if (bytes || count.negative) {
          const all = yield* input.stream.readAll();
          if (bytes) ctx.stdout.write(count.negative ? all.slice(0, Math.max(0, all.length - count.n)) : all.slice(0, count.n));
          else {
            // -n -N: everything but the last N lines.
            const lines = all.split('\n');
            if (all.endsWith('\n')) lines.pop();
            ctx.stdout.write(lines.slice(0, Math.max(0, lines.length - count.n)).map((l) => `${l}\n`).join(''));
          }
          continue;
        }
        let left = count.n;
        if (left === 0) continue;
        // Stops reading as soon as it has enough: the writer of a pipe gets SIGPIPE, as with GNU head.
        yield* forEachLine(input.stream, (line, newline) => {
          ctx.stdout.write(newline ? `${line}\n` : line);
          return --left > 0;
        });
      }
      return status;
    })();
  },
});

function lastLines(text: string, n: number, fromStart: boolean): string {
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  if (endsWithNewline) lines.pop();
  const kept = fromStart ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n);
  if (kept.length === 0) return '';
  return kept.join('\n') + (endsWithNewline || kept[kept.length - 1] !== lines[lines.length - 1] ? '\n' : '');
}

export const tail = defineUtil({
  name: 'tail',
  summary: 'Print the last 10 lines of each FILE to standard output.',
  usage: '[OPTION]... [FILE]...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'tail';
    const parsed = getopt(prog, modernize(ctx.argv.slice(1)), [
      { key: 'n', short: 'n', long: 'lines', arg: true }, { key: 'c', short: 'c', long: 'bytes', arg: true },
      { key: 'f', short: 'f', long: 'follow' }, { key: 'F', short: 'F' }, { key: 'q', short: 'q', long: 'quiet' },
      { key: 'v', short: 'v', long: 'verbose' }, { key: 's', short: 's', long: 'sleep-interval', arg: true },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const opts = new Options(parsed.opts);
    const bytes = opts.last(['n', 'c']) === 'c';
    const raw = opts.value(bytes ? 'c' : 'n') ?? '10';
    const count = parseCount(raw);
    if (!count) {
      ctx.stderr.write(`${prog}: invalid number of ${bytes ? 'bytes' : 'lines'}: ${lq(raw)}\n`);
      return 1;
    }
    const follow = opts.has('f') || opts.has('F');
    const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
    const headers = opts.has('v') || (files.length > 1 && !opts.has('q'));
    return (function* (): Program {
      let status = 0;
      let first = true;
      const sizes = new Map<string, number>();
      for (const name of files) {
        const input = openInput(ctx, name);
        if (!input.ok) {
          ctx.stderr.write(`${prog}: cannot open ${shq(name)} for reading: ${errno(input.code)}\n`);
          status = 1;
          continue;
        }
        if (headers) ctx.stdout.write(headerFor(name, first));
        first = false;
        const all = yield* input.stream.readAll();
        sizes.set(name, all.length);
        if (bytes) ctx.stdout.write(count.fromStart ? all.slice(Math.max(0, count.n - 1)) : count.n === 0 ? '' : all.slice(-count.n));
        else ctx.stdout.write(lastLines(all, count.n, count.fromStart));
      }
      if (!follow || sizes.size === 0 || files.every((f) => f === '-')) return status;
      // -f: print what gets appended, checking once a second of virtual time, until Ctrl+C.
      for (;;) {
        yield sleep(1000);
        for (const [name, size] of sizes) {
          if (name === '-') continue;
          const now = ctx.host.fs.readFile(resolvePath(name, ctx.cwd));
          if (!now.ok) continue;
          if (now.value.length > size) ctx.stdout.write(now.value.slice(size));
          else if (now.value.length < size) ctx.stderr.write(`${prog}: ${name}: file truncated\n`);
          sizes.set(name, now.value.length);
        }
      }
    })();
  },
});

