/** tr: translate, squeeze (-s) and delete (-d) characters; sets with ranges, classes and escapes. */
import type { Program } from '../../types';
import { Options, getopt } from './lib/args';
import { defineUtil, usageError } from './lib/define';
import { lq } from './lib/quote';

const CLASSES: Readonly<Record<string, () => string[]>> = {
  alpha: () => [...range('A', 'Z'), ...range('a', 'z')],
  digit: () => range('0', '9'),
  alnum: () => [...range('0', '9'), ...range('A', 'Z'), ...range('a', 'z')],
  upper: () => range('A', 'Z'),
  lower: () => range('a', 'z'),
  space: () => [' ', '\t', '\n', '\r', '\f', '\v'],
  blank: () => [' ', '\t'],
  punct: () => [...range('!', '/'), ...range(':', '@'), ...range('[', '`'), ...range('{', '~')],
  xdigit: () => [...range('0', '9'), ...range('A', 'F'), ...range('a', 'f')],
  cntrl: () => [...range('\x00', '\x1f'), '\x7f'],
  print: () => range(' ', '~'),
  graph: () => range('!', '~'),
};

function range(a: string, b: string): string[] {
  const out: string[] = [];
  for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) out.push(String.fromCharCode(c));
  return out;
}

class SetError {
  constructor(readonly message: string) {}
}

/** The characters a SET operand stands for. */
function expandSet(spec: string): string[] {
  const chars: string[] = [];
  const unescape = (i: number): { c: string; next: number } => {
    const c = spec[i]!;
    if (c !== '\\' || i + 1 >= spec.length) return { c, next: i + 1 };
    const e = spec[i + 1]!;
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\' };
    if (simple[e] !== undefined) return { c: simple[e], next: i + 2 };
    const oct = /^[0-7]{1,3}/.exec(spec.slice(i + 1));
    if (oct) return { c: String.fromCharCode(parseInt(oct[0], 8)), next: i + 1 + oct[0].length };
    return { c: e, next: i + 2 };
  };
  for (let i = 0; i < spec.length; ) {
    if (spec.startsWith('[:', i)) {
      const close = spec.indexOf(':]', i + 2);
      const name = close < 0 ? undefined : spec.slice(i + 2, close);
      if (name !== undefined && CLASSES[name]) {
        chars.push(...CLASSES[name]());
        i = close + 2;
        continue;
      }
      if (name !== undefined) throw new SetError(`invalid character class ${lq(name)}`);
    }
    const first = unescape(i);
    if (spec[first.next] === '-' && first.next + 1 < spec.length) {
      const last = unescape(first.next + 1);
      if (last.c < first.c) throw new SetError(`range-endpoints of '${first.c}-${last.c}' are in reverse collating sequence order`);
      chars.push(...range(first.c, last.c));
      i = last.next;
      continue;
    }
    chars.push(first.c);
    i = first.next;
  }
  return chars;
}

export const tr = defineUtil({
  name: 'tr',
  summary: 'Translate, squeeze, and/or delete characters from standard input, writing to standard output.',
  usage: '[OPTION]... SET1 [SET2]',
  run(ctx) {
    const prog = ctx.argv[0] ?? 'tr';
    const parsed = getopt(prog, ctx.argv.slice(1), [
      { key: 'd', short: 'd', long: 'delete' }, { key: 's', short: 's', long: 'squeeze-repeats' },
      { key: 'c', short: 'c', long: 'complement' }, { key: 'c', short: 'C' }, { key: 't', short: 't', long: 'truncate-set1' },
    ]);
    if (!parsed.ok) return usageError(ctx, parsed.message);
    const opts = new Options(parsed.opts);
    const del = opts.has('d');
    const squeeze = opts.has('s');
    const [s1, s2, extra] = parsed.operands;
    if (s1 === undefined) return usageError(ctx, `${prog}: missing operand`);
    const needTwo = !del && !squeeze;
    if (needTwo && s2 === undefined) return usageError(ctx, `${prog}: missing operand after ${lq(s1)}\nTwo strings must be given when translating.`);
    if (extra !== undefined || (del && !squeeze && s2 !== undefined)) {
      return usageError(ctx, `${prog}: extra operand ${lq(extra ?? s2!)}${del && !squeeze ? '\nOnly one string may be given when deleting without squeezing repeats.' : ''}`);
    }
    let set1: string[];
    let set2: string[];
    try {
      set1 = expandSet(s1);
      set2 = s2 === undefined ? [] : expandSet(s2);
    } catch (e) {
      if (!(e instanceof SetError)) throw e;
      ctx.stderr.write(`${prog}: ${e.message}\n`);
      return 1;
    }
    const complement = opts.has('c');
    const in1 = new Set(set1);
    const member = (c: string): boolean => in1.has(c) !== complement;
    const map = new Map<string, string>();
    if (!del && s2 !== undefined && !complement) {
      const t = opts.has('t') ? set1.slice(0, set2.length) : set1;
      t.forEach((c, i) => map.set(c, set2[Math.min(i, set2.length - 1)] ?? c));
    }
    const complementTarget = complement && set2.length > 0 ? set2[set2.length - 1] : undefined;
    const squeezeSet = new Set(del || s2 === undefined ? (complement ? [] : set1) : set2);
    const squeezeMember = (c: string): boolean => (s2 === undefined && !del && complement ? !in1.has(c) : squeezeSet.has(c));
    let last: string | undefined;
    const convert = (text: string): string => {
      let out = '';
      for (const ch of text) {
        let c: string | undefined = ch;
        if (del && member(ch)) c = undefined;
        else if (!del && s2 !== undefined) c = complement ? (member(ch) ? complementTarget : ch) : (map.get(ch) ?? ch);
        if (c === undefined) continue;
        if (squeeze && c === last && squeezeMember(c)) continue;
        last = c;
        out += c;
      }
      return out;
    };
    return (function* (): Program {
      for (let chunk = yield* ctx.stdin.read(); chunk !== null; chunk = yield* ctx.stdin.read()) ctx.stdout.write(convert(chunk));
      return 0;
    })();
  },
});
