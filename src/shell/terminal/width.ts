/**
 * How many terminal cells a character takes, as xterm.js 6 counts them with its default Unicode
 * version ("6", no unicode11 addon loaded): East Asian wide and fullwidth characters take two
 * cells, combining marks and zero-width format characters take none, everything else one. Emoji
 * outside the CJK planes count as one cell there, so they do here: the cursor arithmetic of the
 * line editor must agree with the terminal that draws it, not with a newer Unicode table.
 */

/** [first, last] code point ranges, sorted. */
type Ranges = readonly (readonly [number, number])[];

const WIDE: Ranges = [
  [0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3040, 0xa4cf], [0xac00, 0xd7a3],
  [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6],
  [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

/** Combining marks and invisible format characters of the scripts a learner is likely to type. */
const ZERO: Ranges = [
  [0x0300, 0x036f], [0x0483, 0x0489], [0x0591, 0x05bd], [0x05bf, 0x05bf], [0x05c1, 0x05c2],
  [0x05c4, 0x05c5], [0x05c7, 0x05c7], [0x0610, 0x061a], [0x064b, 0x065f], [0x0670, 0x0670],
  [0x06d6, 0x06dc], [0x06df, 0x06e4], [0x06e7, 0x06e8], [0x06ea, 0x06ed], [0x0900, 0x0902],
  [0x093a, 0x093a], [0x093c, 0x093c], [0x0941, 0x0948], [0x094d, 0x094d], [0x0951, 0x0957],
  [0x0e31, 0x0e31], [0x0e34, 0x0e3a], [0x0e47, 0x0e4e], [0x1160, 0x11ff], [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff], [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x2064], [0x20d0, 0x20ff],
  [0x302a, 0x302d], [0x3099, 0x309a], [0xfe00, 0xfe0f], [0xfe20, 0xfe2f], [0xfeff, 0xfeff],
  [0x1d167, 0x1d169], [0x1d17b, 0x1d182], [0xe0001, 0xe0001], [0xe0020, 0xe007f], [0xe0100, 0xe01ef],
];

function inRanges(cp: number, ranges: Ranges): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = ranges[mid]!;
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Cells for one code point (control characters are 0: the editor shows them in caret notation). */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x300) return 1;
  if (inRanges(cp, ZERO)) return 0;
  if (inRanges(cp, WIDE)) return 2;
  return 1;
}

/** Cells for a run of printable text (no escape sequences). */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += codePointWidth(ch.codePointAt(0)!);
  return width;
}

/** True for code points that join the character before them (combining marks, ZWJ, selectors). */
export function isZeroWidth(cp: number): boolean {
  return cp >= 0x300 && inRanges(cp, ZERO);
}

/**
 * Splits text into the units the cursor moves over: a code point plus the zero-width code points
 * that follow it (so "é" typed as e + U+0301 is one step, as readline moves in UTF-8 locales).
 * Returns the string offsets where units start, plus text.length at the end.
 */
export function clusterBoundaries(text: string): number[] {
  const bounds: number[] = [];
  let i = 0;
  while (i < text.length) {
    bounds.push(i);
    i += codeUnitLength(text, i);
    while (i < text.length) {
      const cp = text.codePointAt(i)!;
      if (!isZeroWidth(cp)) break;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  bounds.push(text.length);
  return bounds;
}

function codeUnitLength(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** The cluster boundary before offset i (0 stays 0). */
export function previousBoundary(text: string, i: number): number {
  const bounds = clusterBoundaries(text.slice(0, i));
  return bounds.length >= 2 ? bounds[bounds.length - 2]! : 0;
}

/** The cluster boundary after offset i (text.length stays text.length). */
export function nextBoundary(text: string, i: number): number {
  if (i >= text.length) return text.length;
  let j = i + codeUnitLength(text, i);
  while (j < text.length) {
    const cp = text.codePointAt(j)!;
    if (!isZeroWidth(cp)) break;
    j += cp > 0xffff ? 2 : 1;
  }
  return j;
}
