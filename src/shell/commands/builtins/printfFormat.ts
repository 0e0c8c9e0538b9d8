/**
 * bash's printf: conversions %s %b %q %c %d %i %u %o %x %X %e %f %g %%, flags, width and precision
 * (also `*`), backslash escapes, and the format reused until the arguments run out.
 */
import { backslashEscapes } from './backslashEscapes';

export interface PrintfResult {
  readonly text: string;
  /** "abc: invalid number" and the like; printf still prints, then exits 1. */
  readonly errors: readonly string[];
}

function toNumber(arg: string, errors: string[]): number {
  const t = arg.trim();
  if (t === '') return 0;
  if (/^['"]/.test(t)) return t.length > 1 ? t.codePointAt(1)! : 0;
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(t);
  if (m) {
    const body = m[2]!;
    const v = /^0[xX]/.test(body) ? parseInt(body, 16) : body.length > 1 && body.startsWith('0') ? parseInt(body, 8) : parseInt(body, 10);
    return m[1] === '-' ? -v : v;
  }
  const f = Number(t);
  if (!Number.isNaN(f)) return f;
  errors.push(`${arg}: invalid number`);
  const lead = /^[+-]?[0-9]+/.exec(t);
  return lead ? parseInt(lead[0], 10) : 0;
}

function pad(text: string, width: number, left: boolean, zero: boolean): string {
  if (text.length >= width) return text;
  if (left) return text.padEnd(width);
  if (zero) {
    const sign = /^[+-]/.test(text) ? text[0]! : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

function shellQuote(s: string): string {
  if (s === '') return "''";
  return /^[A-Za-z0-9_/.,:=@%+-]+$/.test(s) ? s : s.replace(/([^A-Za-z0-9_/.,:=@%+-])/g, '\\$1');
}

function formatGeneral(v: number, precision: number, upper: boolean, alt: boolean): string {
  const p = precision === 0 ? 1 : precision;
  if (v === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(v)));
  let out: string;
  if (exp < -4 || exp >= p) {
    out = v.toExponential(p - 1);
    if (!alt) out = out.replace(/\.?0+e/, 'e');
    out = out.replace(/e([+-])(\d)$/, 'e$10$2');
  } else {
    out = v.toFixed(Math.max(0, p - 1 - exp));
    if (!alt && out.includes('.')) out = out.replace(/\.?0+$/, '');
  }
  return upper ? out.toUpperCase() : out;
}

export function formatPrintf(format: string, args: readonly string[]): PrintfResult {
  const errors: string[] = [];
  let out = '';
  let argi = 0;
  const next = (): string | undefined => args[argi++];
  for (;;) {
    const usedBefore = argi;
    for (let i = 0; i < format.length; i++) {
      const c = format[i]!;
      if (c === '\\') {
        const m = /^\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/s.exec(format.slice(i));
        const seq = m ? m[0] : '\\';
        out += backslashEscapes(seq, false).text;
        i += seq.length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const spec = /^%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([diouxXeEfFgGcsbq%])/.exec(format.slice(i));
      if (!spec) {
        errors.push(`\`${format.slice(i + 1, i + 2) || '%'}': invalid format character`);
        return { text: out, errors };
      }
      i += spec[0].length - 1;
      const flags = spec[1]!;
      const conv = spec[4]!;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = spec[2] === '*' ? toNumber(next() ?? '', errors) : spec[2] !== undefined ? Number(spec[2]) : 0;
      const precisionRaw = spec[3] === '*' ? String(toNumber(next() ?? '', errors)) : spec[3];
      const precision = precisionRaw === undefined ? undefined : Number(precisionRaw || '0');
      const left = flags.includes('-') || width < 0;
      const w = Math.abs(width);
      const zero = flags.includes('0') && !left;
      const arg = next();
      let text: string;
      switch (conv) {
        case 's':
          text = arg ?? '';
          if (precision !== undefined) text = text.slice(0, precision);
          out += pad(text, w, left, false);
          break;
        case 'b': {
          const r = backslashEscapes(arg ?? '', true);
          out += pad(precision !== undefined ? r.text.slice(0, precision) : r.text, w, left, false);
          if (r.stop) return { text: out, errors };
          break;
        }
        case 'q':
          out += pad(shellQuote(arg ?? ''), w, left, false);
          break;
        case 'c':
          out += pad((arg ?? '').slice(0, 1), w, left, false);
          break;
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X': {
          let v = Math.trunc(toNumber(arg ?? '', errors));
          if (conv === 'u' && v < 0) v = 2 ** 64 + v;
          const base = conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10;
          let digits = Math.abs(v).toString(base);
          if (precision !== undefined) digits = digits.padStart(precision, '0');
          if (flags.includes('#') && v !== 0) digits = base === 8 ? `0${digits}` : base === 16 ? `0x${digits}` : digits;
          if (conv === 'X') digits = digits.toUpperCase();
          const sign = v < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
          out += pad(sign + digits, w, left, zero && precision === undefined);
          break;
        }
        default: {
          const v = toNumber(arg ?? '', errors);
          const p = precision ?? 6;
          let body: string;
          if (conv === 'f' || conv === 'F') body = Math.abs(v).toFixed(p);
          else if (conv === 'e' || conv === 'E') body = Math.abs(v).toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');
          else body = formatGeneral(Math.abs(v), p, conv === 'G', flags.includes('#'));
          if (conv === 'E') body = body.toUpperCase();
          const sign = v < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
          out += pad(sign + body, w, left, zero);
        }
      }
    }
    // The format is reused while arguments remain, but only if it consumed any.
    if (argi >= args.length || argi === usedBefore) break;
  }
  return { text: out, errors };
}
