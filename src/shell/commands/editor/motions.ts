/**
 * vi's motions as vim 7.4 computes them, on plain text (vi.ts moves the cursor and applies the
 * operators): `w` `b` `e` across lines; `f` `F` `t` `T` and their repeats `;` `,` within the line;
 * and the range an operator (`d`, `c`, `y`) covers on the cursor's line for a motion or a text
 * object (`dw`, `cw`, `de`, `d$`, `dtx`, `ciw`, `ci"`, `da(`).
 */

/** An f/F/t/T search: what `;` and `,` repeat. */
export interface CharSearch {
  readonly kind: 'f' | 'F' | 't' | 'T';
  readonly ch: string;
}

/** `,` searches the other way. */
export function reversed(s: CharSearch): CharSearch {
  const other = { f: 'F', F: 'f', t: 'T', T: 't' } as const;
  return { kind: other[s.kind], ch: s.ch };
}

/**
 * The column the count-th match puts the cursor on, or undefined when the line has too few
 * (vim beeps and stays). A repeated `t` looks past the match next to the cursor, as vim 7.4 does
 * without `;` in 'cpoptions', so `;` keeps going.
 */
export function charSearch(line: string, col: number, s: CharSearch, count: number, repeat: boolean): number | undefined {
  const forward = s.kind === 'f' || s.kind === 't';
  const till = s.kind === 't' || s.kind === 'T';
  let at = col;
  for (let i = 0; i < count; i++) {
    const skip = till && (repeat || i > 0) ? 1 : 0;
    const from = forward ? at + 1 + skip : at - 1 - skip;
    const found = forward ? line.indexOf(s.ch, from) : from < 0 ? -1 : line.lastIndexOf(s.ch, from);
    if (found < 0) return undefined;
    at = till ? (forward ? found - 1 : found + 1) : found;
  }
  return at;
}

/** vim's character classes for words: blanks, keyword characters, other punctuation. */
function classOf(c: string | undefined): number {
  if (c === undefined || /\s/.test(c)) return 0;
  return /\w/.test(c) ? 2 : 1;
}

/** Offsets in the whole text, for the motions that cross lines. */
function offsetOf(lines: readonly string[], row: number, col: number): number {
  let at = col;
  for (let r = 0; r < row; r++) at += lines[r]!.length + 1;
  return at;
}

function positionOf(text: string, at: number): { row: number; col: number } {
  const before = text.slice(0, Math.max(0, Math.min(at, text.length))).split('\n');
  return { row: before.length - 1, col: before[before.length - 1]!.length };
}

/** Where `w` (forward) or `b` (backward) lands, n times. */
export function wordMotion(lines: readonly string[], row: number, col: number, forward: boolean, n: number): { row: number; col: number } {
  const text = lines.join('\n');
  let at = offsetOf(lines, row, col);
  // To vi an empty line is a word of its own: w and b stop on it.
  const emptyLine = (i: number) => text[i] === '\n' && (i === 0 || text[i - 1] === '\n');
  for (let i = 0; i < n; i++) {
    const from = at;
    if (forward) {
      const start = classOf(text[at]);
      while (at < text.length && start !== 0 && classOf(text[at]) === start) at++;
      while (at < text.length && /\s/.test(text[at]!) && !(at !== from && emptyLine(at))) at++;
    } else {
      at--;
      while (at > 0 && /\s/.test(text[at]!) && !emptyLine(at)) at--;
      if (emptyLine(at) && at !== from) continue;
      const kind = classOf(text[at]);
      while (at > 0 && classOf(text[at - 1]) === kind) at--;
    }
  }
  return positionOf(text, Math.max(0, Math.min(at, text.length - 1)));
}

/** Where `e` lands: the last character of this word, or of the next one when already there. */
export function wordEnd(lines: readonly string[], row: number, col: number, n: number): { row: number; col: number } {
  const text = lines.join('\n');
  let at = offsetOf(lines, row, col);
  for (let i = 0; i < n; i++) {
    at++;
    while (at < text.length && /\s/.test(text[at]!)) at++;
    const kind = classOf(text[at]);
    while (at + 1 < text.length && classOf(text[at + 1]) === kind) at++;
  }
  return positionOf(text, Math.min(at, text.length - 1));
}

/** What an operator acts on, in columns of the cursor's line, end excluded. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

const PAIRS: Readonly<Record<string, readonly [string, string]>> = {
  '(': ['(', ')'], ')': ['(', ')'], b: ['(', ')'], '[': ['[', ']'], ']': ['[', ']'],
  '{': ['{', '}'], '}': ['{', '}'], B: ['{', '}'], '<': ['<', '>'], '>': ['<', '>'],
};

/**
 * `iw` `aw`, `i"` `a"` (also ' and `), `i(` `a(` (and [ { <) on the cursor's line. Quotes pair up
 * from the start of the line, as vim counts them; the pair around the cursor, else the next one.
 * `a"` takes the white space after the closing quote too.
 */
export function textObject(line: string, col: number, inner: boolean, ch: string): Span | undefined {
  if (ch === 'w') {
    const kind = classOf(line[col]);
    let from = col;
    let to = col;
    while (from > 0 && classOf(line[from - 1]) === kind) from--;
    while (to < line.length && classOf(line[to]) === kind) to++;
    if (!inner) while (to < line.length && /\s/.test(line[to]!)) to++;
    return { from, to };
  }
  if (ch === '"' || ch === "'" || ch === '`') {
    const quotes: number[] = [];
    for (let i = 0; i < line.length; i++) if (line[i] === ch) quotes.push(i);
    for (let i = 0; i + 1 < quotes.length; i += 2) {
      const open = quotes[i]!;
      const close = quotes[i + 1]!;
      if (close < col) continue;
      if (inner) return { from: open + 1, to: close };
      let to = close + 1;
      while (to < line.length && /\s/.test(line[to]!)) to++;
      return { from: open, to };
    }
    return undefined;
  }
  const pair = PAIRS[ch];
  if (!pair) return undefined;
  let depth = 0;
  let open = -1;
  for (let i = col; i >= 0; i--) {
    if (line[i] === pair[1] && i !== col) depth++;
    else if (line[i] === pair[0]) {
      if (depth === 0) { open = i; break; }
      depth--;
    }
  }
  if (open < 0) return undefined;
  depth = 0;
  for (let i = open + 1; i < line.length; i++) {
    if (line[i] === pair[0]) depth++;
    else if (line[i] === pair[1]) {
      if (depth === 0) return inner ? { from: open + 1, to: i } : { from: open, to: i + 1 };
      depth--;
    }
  }
  return undefined;
}

/**
 * The span of `{op}{motion}` on the cursor's line. Exclusive motions (w b h 0 ^ F T) end before
 * their target, inclusive ones (e $ f t) take it. `cw` on a word is `ce` (vim's special case), and
 * a `w` that would leave the line stops at its end.
 */
export function motionSpan(line: string, col: number, motion: string, n: number, find: CharSearch | undefined, change: boolean): Span | undefined {
  const one = [line];
  switch (motion) {
    case 'w': {
      if (change && classOf(line[col]) !== 0) return motionSpan(line, col, 'e', n, find, change);
      let at = col;
      for (let i = 0; i < n; i++) {
        const start = classOf(line[at]);
        while (at < line.length && start !== 0 && classOf(line[at]) === start) at++;
        while (at < line.length && /\s/.test(line[at]!)) at++;
      }
      return { from: col, to: at };
    }
    case 'e': return { from: col, to: wordEnd(one, 0, col, n).col + 1 };
    case 'b': return { from: wordMotion(one, 0, col, false, n).col, to: col };
    case '$': return { from: col, to: line.length };
    case '0': return { from: 0, to: col };
    case '^': {
      const first = Math.max(0, line.search(/\S/));
      return first < col ? { from: first, to: col } : { from: col, to: first };
    }
    case 'h': return { from: Math.max(0, col - n), to: col };
    case 'l': case ' ': return { from: col, to: Math.min(line.length, col + n) };
    default: break;
  }
  const search = motion === ';' ? find : motion === ',' && find ? reversed(find) : motion.length === 2 ? { kind: motion[0] as CharSearch['kind'], ch: motion[1]! } : undefined;
  if (!search) return undefined;
  const target = charSearch(line, col, search, n, motion === ';' || motion === ',');
  if (target === undefined) return undefined;
  return search.kind === 'f' || search.kind === 't' ? { from: col, to: target + 1 } : { from: target, to: col };
}
