/** sort (-r -n -h -u -f -b -k -t -o) and uniq (-c -d -u -i), byte order as in the C locale. */
import { resolvePath } from '../../../engine';
import type { CommandContext, Effect, Program } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { lq } from './lib/quote';
import { errno, openInput, splitLines } from './lib/text';

interface KeySpec {
  readonly start: number;
  readonly end: number | undefined;
  readonly flags: string;
}

function parseKey(text: string): KeySpec | undefined {
  const m = /^([0-9]+)(?:\.[0-9]+)?([bdfghinrMV]*)(?:,([0-9]+)(?:\.[0-9]+)?([bdfghinrMV]*))?$/.exec(text);
  if (!m || Number(m[1]) === 0) return undefined;
  return { start: Number(m[1]), end: m[3] === undefined ? undefined : Number(m[3]), flags: (m[2] ?? '') + (m[4] ?? '') };
}

/** Fields as sort sees them: split on -t, or at each blank-to-nonblank transition (blanks stay with the field). */
function fields(line: string, sep: string | undefined): string[] {
  if (sep !== undefined) return line.split(sep);
  return line.match(/\s*\S+/g) ?? [line];
}

function extract(line: string, key: KeySpec, sep: string | undefined): string {
  const f = fields(line, sep);
  const end = key.end ?? f.length;
  return f.slice(key.start - 1, end).join(sep ?? '');
}

const HUMAN: Readonly<Record<string, number>> = { '': 1, K: 1e3, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

function numeric(text: string, human: boolean): number {
  const m = /^\s*([+-]?[0-9]*\.?[0-9]+)([KkMGT]?)/.exec(text);
  if (!m) return 0;
  return Number(m[1]) * (human ? HUMAN[m[2] ?? ''] ?? 1 : 1);
}

function compareBy(a: string, b: string, flags: string): number {
  let x = a;
  let y = b;
  if (flags.includes('b')) {
    x = x.trimStart();
    y = y.trimStart();
  }
  if (flags.includes('n') || flags.includes('h')) {
    const d = numeric(x, flags.includes('h')) - numeric(y, flags.includes('h'));
    if (d !== 0) return d < 0 ? -1 : 1;
    return 0;
  }
  if (flags.includes('f')) {
    x = x.toUpperCase();
    y = y.toUpperCase();
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

function* readAllInputs(ctx: CommandContext, files: readonly string[], onError: (name: string, msg: string) => void): Generator<Effect, string[] | undefined, unknown> {
  const lines: string[] = [];
  for (const name of files.length > 0 ? files : ['-']) {
    const input = openInput(ctx, name);
    if (!input.ok) {
      onError(name, errno(input.code));
      return undefined;
    }
    lines.push(...splitLines(yield* input.stream.readAll()));
  }
  return lines;
}

export const sort = defineUtil({
  name: 'sort',
  summary: 'Write sorted concatenation of all FILE(s) to standard output.',
  usage: '[OPTION]... [FILE]...',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'sort';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'r', short: 'r', long: 'reverse' }, { key: 'n', short: 'n', long: 'numeric-sort' }, { key: 'h', short: 'h', long: 'human-numeric-sort' },
      { key: 'u', short: 'u', long: 'unique' }, { key: 'f', short: 'f', long: 'ignore-case' }, { key: 'b', short: 'b', long: 'ignore-leading-blanks' },
      { key: 'k', short: 'k', long: 'key', arg: true }, { key: 't', short: 't', long: 'field-separator', arg: true },
      { key: 'o', short: 'o', long: 'output', arg: true }, { key: 's', short: 's', long: 'stable' }, { key: 'V', short: 'V', long: 'version-sort' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message, 2);
    const opts = new Options(parsed.opts);
    const sep = opts.value('t');
    if (sep !== undefined && [...sep].length !== 1) {
      ctx.stderr.write(`${prog}: multi-character tab ${lq(sep)}\n`);
      return 2;
    }
    const keys: KeySpec[] = [];
    for (const [k, v] of parsed.opts) {
      if (k !== 'k') continue;
      const key = parseKey(v);
      if (!key) {
        ctx.stderr.write(`${prog}: invalid number at field start: invalid count at start of ${lq(v)}\n`);
        return 2;
      }
      keys.push(key);
    }
    const global = ['n', 'h', 'f', 'b'].filter((f) => opts.has(f)).join('') + (opts.has('V') ? 'n' : '');
    const reverse = opts.has('r');
    return (function* (): Program {
      const lines = yield* readAllInputs(ctx, parsed.operands, (name, msg) => ctx.stderr.write(`${prog}: cannot read: ${name}: ${msg}\n`));
      if (!lines) return 2;
      const compareKeys = (a: string, b: string): number => {
        for (const key of keys) {
          const flags = key.flags.replace('r', '') || global;
          const d = compareBy(extract(a, key, sep), extract(b, key, sep), flags);
          if (d !== 0) return key.flags.includes('r') ? -d : d;
        }
        return keys.length > 0 ? 0 : compareBy(a, b, global);
      };
      const sorted = [...lines].sort((a, b) => {
        const d = compareKeys(a, b);
        // Equal keys fall back to the whole line, byte order (unless -u or -s), as GNU sort does.
        const final = d !== 0 || opts.has('u') || opts.has('s') ? d : a < b ? -1 : a > b ? 1 : 0;
        return reverse ? -final : final;
      });
      const out = opts.has('u') ? sorted.filter((l, i) => i === 0 || compareKeys(sorted[i - 1]!, l) !== 0) : sorted;
      const text = out.map((l) => `${l}\n`).join('');
      const target = opts.value('o');
      if (target !== undefined) {
        const w = ctx.host.fs.writeFile(resolvePath(target, ctx.cwd), text);
        if (!w.ok) {
          ctx.stderr.write(`${prog}: open failed: ${target}: ${errno(w.error.code)}\n`);
          return 2;
        }
      } else ctx.stdout.write(text);
      return 0;
    })();
  },
});

export const uniq = defineUtil({
  name: 'uniq',
  summary: 'Filter adjacent matching lines from INPUT (or standard input), writing to OUTPUT (or standard output).',
  usage: '[OPTION]... [INPUT [OUTPUT]]',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'uniq';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'c', short: 'c', long: 'count' }, { key: 'd', short: 'd', long: 'repeated' }, { key: 'u', short: 'u', long: 'unique' },
      { key: 'i', short: 'i', long: 'ignore-case' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const opts = new Options(parsed.opts);
    if (parsed.operands.length > 2) return usageError(ctx, `${prog}: extra operand ${lq(parsed.operands[2]!)}`);
    return (function* (): Program {
      const lines = yield* readAllInputs(ctx, parsed.operands.slice(0, 1), (name, msg) => ctx.stderr.write(`${prog}: ${name}: ${msg}\n`));
      if (!lines) return 1;
      const same = (a: string, b: string): boolean => (opts.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
      let out = '';
      for (let i = 0; i < lines.length; ) {
        let j = i + 1;
        while (j < lines.length && same(lines[i]!, lines[j]!)) j++;
        const n = j - i;
        if (!(opts.has('d') && n === 1) && !(opts.has('u') && n > 1)) out += opts.has('c') ? `${String(n).padStart(7)} ${lines[i]}\n` : `${lines[i]}\n`;
        i = j;
      }
      const target = parsed.operands[1];
      if (target !== undefined) ctx.host.fs.writeFile(resolvePath(target, ctx.cwd), out);
      else ctx.stdout.write(out);
      return 0;
    })();
  },
});
