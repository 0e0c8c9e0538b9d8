/**
 * YAML as kubectl prints it (`-o yaml`, `config view`): sigs.k8s.io/yaml turns the object into
 * JSON and hands it to gopkg.in/yaml.v2, whose emitter (a port of libyaml) decides the look:
 *
 * - map keys sorted with yaml.v2's "natural" order (digit runs compare as numbers, a letter sorts
 *   after a non-letter);
 * - block style; a sequence under a mapping key is not indented ("containers:\n- image: nginx");
 * - empty maps and lists in flow style: `{}`, `[]`;
 * - strings plain when they would read back as strings, double-quoted when they would read back as
 *   something else ("true", "80", "2023-06-01T09:00:00Z", ""), single-quoted when plain is not
 *   allowed (": ", " #", leading indicators, leading or trailing spaces), literal `|` blocks when
 *   they hold line breaks; long plain and quoted scalars fold at spaces past column 80.
 */
import type { Json } from '../../engine';

const BEST_WIDTH = 80;
const INDENT = 2;

/** The YAML document for a JSON value, ending with a newline. */
export function toYaml(value: unknown): string {
  const out = new Writer();
  emitNode(out, normalize(value), -1, 'root');
  return `${out.text()}\n`;
}

/** Drops undefined (as JSON does) so every value below is plain JSON. */
function normalize(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : normalize(v)));
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined) out[k] = normalize(v);
    }
    return out;
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

class Writer {
  private readonly lines: string[] = [''];

  get column(): number {
    return [...this.lines[this.lines.length - 1]!].length;
  }

  write(text: string): void {
    this.lines[this.lines.length - 1] += text;
  }

  /** Starts a new line indented to `indent` (libyaml's write_indent). */
  newline(indent: number): void {
    this.lines.push(' '.repeat(Math.max(0, indent)));
  }

  /** True when nothing but indentation is on the current line. */
  atLineStart(): boolean {
    return this.lines[this.lines.length - 1]!.trim() === '';
  }

  text(): string {
    return this.lines.join('\n');
  }
}

type Context = 'root' | 'mapping' | 'sequence';

/**
 * Emits a value. `at` is the column of what holds it: the key it is the value of ('mapping'), the
 * dash of the sequence item it is ('sequence'), or 0 for the document root. The cursor is right
 * after "key:", after "-", or at the start of the document.
 */
function emitNode(out: Writer, value: Json, at: number, context: Context): void {
  const childIndent = context === 'root' ? 0 : at + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) return writeInline(out, '[]', context);
    // yaml.v2 does not indent a sequence that is the value of a mapping key.
    const dashColumn = context === 'mapping' ? at : childIndent;
    value.forEach((item, i) => {
      if (i === 0 && context === 'root') out.write('-');
      else if (i === 0 && context === 'sequence') out.write(' -');
      else {
        out.newline(dashColumn);
        out.write('-');
      }
      emitNode(out, item, dashColumn, 'sequence');
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    const keys = sortKeys(Object.keys(value));
    if (keys.length === 0) return writeInline(out, '{}', context);
    keys.forEach((key, i) => {
      if (i === 0 && context === 'sequence') out.write(' ');
      else if (!(i === 0 && context === 'root')) out.newline(childIndent);
      out.write(`${scalarText(key, out, childIndent + INDENT, false)}:`);
      emitNode(out, value[key]!, childIndent, 'mapping');
    });
    return;
  }
  if (context !== 'root') out.write(' ');
  out.write(scalarText(value, out, context === 'root' ? INDENT : at + INDENT, true));
}

function writeInline(out: Writer, text: string, context: Context): void {
  out.write(context === 'root' ? text : ` ${text}`);
}

function scalarText(value: string | number | boolean | null, out: Writer, indent: number, allowBreaks: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  return formatString(value, out, indent, allowBreaks);
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '+.inf' : '-.inf';
  // strconv.FormatFloat(f, 'g', -1, 64): shortest representation, exponent for big/small values.
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

type Style = 'plain' | 'single' | 'double' | 'literal';

function formatString(s: string, out: Writer, indent: number, allowBreaks: boolean): string {
  const style = chooseStyle(s, allowBreaks);
  // The scalar starts where the cursor is (after "key: " or "- ").
  const startColumn = out.column;
  switch (style) {
    case 'plain': return fold(s, startColumn, indent, allowBreaks, false);
    case 'single': return `'${fold(s.replace(/'/g, "''"), startColumn + 1, indent, allowBreaks, true)}'`;
    case 'double': return `"${foldDouble(escapeDouble(s), startColumn + 1, indent, allowBreaks)}"`;
    case 'literal': return literal(s, indent);
  }
}

/** libyaml's scalar analysis + yaml.v2's choice between plain and double-quoted. */
function chooseStyle(s: string, allowBreaks: boolean): Style {
  if (s === '' || resolvesToNonString(s)) return 'double';
  const a = analyze(s);
  if (a.lineBreaks) {
    if (allowBreaks && a.blockAllowed) return 'literal';
    return 'double';
  }
  if (a.plainAllowed) return 'plain';
  if (a.singleAllowed) return 'single';
  return 'double';
}

interface Analysis {
  readonly plainAllowed: boolean;
  readonly singleAllowed: boolean;
  readonly blockAllowed: boolean;
  readonly lineBreaks: boolean;
}

function analyze(s: string): Analysis {
  const chars = [...s];
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let spaceBreak = false;
  let breakSpace = false;
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const next = chars[i + 1];
    const followedByBlank = next === undefined || next === ' ' || next === '\n';
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ((ch === '?' || ch === ':' || ch === '-') && followedByBlank) blockIndicators = true;
    } else {
      if (ch === ':' && followedByBlank) blockIndicators = true;
      if (ch === '#' && (chars[i - 1] === ' ' || chars[i - 1] === '\n')) blockIndicators = true;
    }
    if (!isPrintable(ch)) special = true;
    if (ch === '\n') lineBreaks = true;
    if (ch === ' ') {
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (ch === '\n') {
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
  }
  const leadingSpace = chars[0] === ' ' || chars[0] === '\n';
  const trailingSpace = chars[chars.length - 1] === ' ';
  const trailingBreak = chars[chars.length - 1] === '\n';
  let plainAllowed = !(leadingSpace || trailingSpace || trailingBreak || breakSpace || spaceBreak || special || lineBreaks || blockIndicators);
  const singleAllowed = !(breakSpace || spaceBreak || special);
  const blockAllowed = !(trailingSpace || spaceBreak || special);
  if (s.length === 0) plainAllowed = false;
  return { plainAllowed, singleAllowed, blockAllowed, lineBreaks };
}

/** libyaml's IS_PRINTABLE: tabs and other controls are not. */
function isPrintable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) || (c >= 0x10000 && c <= 0x10ffff);
}

const NON_STRING_WORDS = new Set([
  '~', 'null', 'Null', 'NULL', 'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE',
  'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF',
  '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
]);
const INT = /^[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$/;

/** Would yaml.v2 read this plain scalar back as null, a bool, a number or a timestamp? */
function resolvesToNonString(s: string): boolean {
  return NON_STRING_WORDS.has(s) || INT.test(s) || FLOAT.test(s) || BASE60.test(s) || TIMESTAMP.test(s);
}

/**
 * Folds a plain or single-quoted scalar the way libyaml does: at a space, when the line is already
 * past column 80 and the next character is not a space, the space becomes a line break indented to
 * `indent`. `startColumn` is where the scalar's first character lands.
 */
function fold(s: string, startColumn: number, indent: number, allowBreaks: boolean, quoted: boolean): string {
  if (!allowBreaks) return s;
  const chars = [...s];
  let column = startColumn;
  let out = '';
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === ' ') {
      const inner = !quoted || (i !== 0 && i !== chars.length - 1);
      if (allowBreaks && !spaces && column > BEST_WIDTH && inner && chars[i + 1] !== ' ') {
        out += `\n${' '.repeat(indent)}`;
        column = indent;
      } else {
        out += ch;
        column++;
      }
      spaces = true;
    } else {
      out += ch;
      column++;
      spaces = false;
    }
  }
  return out;
}

/** Double-quoted folding: as above, with a "\" to keep a following space. */
function foldDouble(escaped: string, startColumn: number, indent: number, allowBreaks: boolean): string {
  if (!allowBreaks) return escaped;
  const chars = [...escaped];
  let column = startColumn;
  let out = '';
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === ' ') {
      if (!spaces && column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        out += `\n${' '.repeat(indent)}`;
        column = indent;
        if (chars[i + 1] === ' ') {
          out += '\\';
          column++;
        }
      } else {
        out += ch;
        column++;
      }
      spaces = true;
    } else {
      out += ch;
      column++;
      spaces = false;
    }
  }
  return out;
}

function escapeDouble(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '\\': out += '\\\\'; continue;
      case '"': out += '\\"'; continue;
      case '\0': out += '\\0'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\t': out += '\\t'; continue;
      case '\n': out += '\\n'; continue;
      case '\v': out += '\\v'; continue;
      case '\f': out += '\\f'; continue;
      case '\r': out += '\\r'; continue;
      case '\x1b': out += '\\e'; continue;
      case '\x85': out += '\\N'; continue;
      case '\xa0': out += '\\_'; continue;
      case '\u2028': out += '\\L'; continue;
      case '\u2029': out += '\\P'; continue;
    }
    if (isPrintable(ch) && c !== 0xfeff) out += ch;
    else if (c <= 0xff) out += `\\x${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (c <= 0xffff) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += `\\U${c.toString(16).toUpperCase().padStart(8, '0')}`;
  }
  return out;
}

/** A literal block: "|" (one trailing newline), "|-" (none) or "|+" (more), content indented. */
function literal(s: string, indent: number): string {
  const trailing = s.length - s.replace(/\n+$/, '').length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const hint = s.startsWith(' ') || s.startsWith('\n') ? String(INDENT) : '';
  const body = trailing === 0 ? s : s.slice(0, s.length - (trailing === 1 ? 1 : 0));
  const pad = ' '.repeat(Math.max(indent, 0));
  const lines = body.split('\n').map((line) => (line === '' ? '' : pad + line));
  return `|${hint}${chomp}\n${lines.join('\n')}`;
}

/** yaml.v2's keyList.Less: runs of digits compare numerically; letters sort after non-letters. */
export function sortKeys(keys: readonly string[]): string[] {
  return [...keys].sort(compareKeys);
}

function isLetter(ch: string): boolean {
  return /\p{L}/u.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function compareKeys(a: string, b: string): number {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]! ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai < bi ? -1 : 1;
    return ar[i]! < br[i]! ? -1 : 1;
  }
  return ar.length - br.length;
}
