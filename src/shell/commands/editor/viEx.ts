/**
 * vi's `:` commands: :w [file], :q, :q!, :wq, :x, ZZ's write, their `a` forms (one buffer here),
 * :N and :$ to go to a line, :s and :%s substitutions, :set (accepted, without effect). Messages
 * are vim 7.4's ("web.yaml" 12L, 230C written; E37: No write since last change (add ! to override)).
 */
import { posixToJs } from '../coreutils/lib/regex';
import { parseReplacement, type ReplacementPart } from '../coreutils/sedRegex';
import { sizeOf } from './model';
import type { Vi } from './vi';

/** A vim pattern (magic: `\(` `\)` `\|` `\+` as in GNU BRE) as a JavaScript regex, or undefined if it does not compile. */
export function searchRegex(pattern: string): RegExp | undefined {
  try {
    return new RegExp(posixToJs(pattern.replace(/\\=/g, '\\?'), false));
  } catch {
    return undefined;
  }
}

function write(vi: Vi, file: string | undefined, whole: boolean): boolean {
  const name = file ?? vi.name;
  if (name === undefined) {
    vi.setMessage('E32: No file name', true);
    return false;
  }
  const existed = vi.files.read(name).kind === 'file';
  const text = vi.buf.text();
  const r = vi.files.write(name, text);
  if (!r.ok) {
    vi.setMessage(r.reason === 'dir' ? `E502: "${name}" is a directory` : `"${name}" E212: Can't open file for writing`, true);
    return false;
  }
  if (vi.name === undefined) vi.name = name;
  if (whole && name === vi.name) vi.buf.modified = false;
  const size = sizeOf(text);
  vi.setMessage(`"${name}" ${existed ? '' : '[New] '}${size.lines}L, ${size.chars}C written`);
  return true;
}

function quit(vi: Vi, force: boolean): void {
  if (vi.buf.modified && !force) {
    vi.setMessage('E37: No write since last change (add ! to override)', true);
    return;
  }
  vi.exitCode = 0;
}

function expand(parts: readonly ReplacementPart[], m: RegExpExecArray): string {
  return parts.map((p) => (p.kind === 'text' ? p.text : p.kind === 'group' ? (m[p.n] ?? '') : '')).join('');
}

/** :[range]s/pattern/replacement/[g][i] */
function substitute(vi: Vi, from: number, to: number, spec: string): void {
  const delim = spec[0];
  if (delim === undefined || /[\w\s"|]/.test(delim)) {
    vi.setMessage('E486: Pattern not found: ', true);
    return;
  }
  const parts: string[] = [];
  let current = '';
  for (let i = 1; i < spec.length; i++) {
    const c = spec[i]!;
    if (c === '\\' && spec[i + 1] === delim) {
      current += delim;
      i++;
    } else if (c === '\\' && i + 1 < spec.length) {
      current += c + spec[++i]!;
    } else if (c === delim && parts.length < 2) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  const [pattern = '', replacement = '', flags = ''] = parts;
  const source = searchRegex(pattern || (vi.lastSearch?.pattern ?? ''));
  if (!source) {
    vi.setMessage(`E486: Pattern not found: ${pattern}`, true);
    return;
  }
  const re = new RegExp(source.source, `g${flags.includes('i') ? 'i' : ''}`);
  const rhs = parseReplacement(replacement, delim);
  const b = vi.buf;
  let count = 0;
  const changed = new Map<number, string>();
  for (let row = from; row <= to; row++) {
    const line = b.lines[row]!;
    let n = 0;
    const next = line.replace(re, (...args) => {
      if (!flags.includes('g') && n > 0) return args[0] as string;
      n++;
      const m = Object.assign([...args.slice(0, -2)] as string[], { index: args[args.length - 2] as number, input: line }) as unknown as RegExpExecArray;
      return expand(rhs, m);
    });
    if (n > 0) {
      changed.set(row, next);
      count += n;
    }
  }
  if (count === 0) {
    vi.setMessage(`E486: Pattern not found: ${pattern}`, true);
    return;
  }
  b.checkpoint();
  for (const [row, text] of changed) b.lines[row] = text;
  b.modified = true;
  const lines = changed.size;
  const lastRow = Math.max(...changed.keys());
  b.moveTo(lastRow, Math.max(0, b.lines[lastRow]!.search(/\S/)), false);
  // vim reports a change only above 'report' (2) lines.
  if (count > 2) vi.setMessage(`${count} substitution${count === 1 ? '' : 's'} on ${lines} line${lines === 1 ? '' : 's'}`);
}

/** The line a range address means: N, ., $ (0-based). */
function address(vi: Vi, text: string): number | undefined {
  if (text === '.') return vi.buf.row;
  if (text === '$') return vi.buf.lastRow;
  if (/^\d+$/.test(text)) return Math.max(0, Math.min(Number(text) - 1, vi.buf.lastRow));
  return undefined;
}

export function exCommand(vi: Vi, input: string): void {
  const line = input.trim();
  if (line === '') return;
  const m = /^(%|[.$\d]+(?:,[.$\d]+)?)?\s*([a-zA-Z]*)(!?)\s*(.*)$/.exec(line);
  if (!m) {
    vi.setMessage(`E492: Not an editor command: ${line}`, true);
    return;
  }
  const [, range = '', name = '', bang, rest = ''] = m;
  const force = bang === '!';
  const [a, b] = range === '%' ? ['1', '$'] : range.split(',');
  const from = a === undefined || a === '' ? vi.buf.row : address(vi, a);
  const to = b === undefined ? from : address(vi, b);
  if (from === undefined || to === undefined) {
    vi.setMessage('E16: Invalid range', true);
    return;
  }
  if (name === '' && rest === '') {
    vi.buf.moveTo(to, Math.max(0, (vi.buf.lines[to] ?? '').search(/\S/)), false);
    return;
  }
  const file = rest === '' ? undefined : rest;
  switch (name) {
    case 'w': case 'write': case 'wa': case 'wall':
      write(vi, file, file === undefined || file === vi.name);
      return;
    case 'q': case 'quit': case 'qa': case 'qall':
      quit(vi, force);
      return;
    case 'wq': case 'wqa': case 'wqall': case 'xa': case 'xall':
      if (write(vi, file, true)) quit(vi, true);
      return;
    case 'x': case 'xit': case 'exit':
      if (!vi.buf.modified || write(vi, file, true)) quit(vi, true);
      return;
    case 's': case 'substitute':
      substitute(vi, Math.min(from, to), Math.max(from, to), rest);
      return;
    case 'set': case 'se': case 'syntax': case 'sy':
      return;
    default:
      vi.setMessage(`E492: Not an editor command: ${line}`, true);
  }
}
