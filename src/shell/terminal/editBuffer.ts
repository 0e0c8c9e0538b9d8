/**
 * The text being edited and its cursor, and readline's editing commands as pure functions over
 * them. Offsets are string indices that always sit on character-cluster boundaries.
 *
 * Word motions follow readline: a "word" is a run of letters and digits (Alt+B, Alt+F, Alt+D,
 * Alt+Backspace), while Ctrl+W (unix-word-rubout) deletes back to the previous whitespace.
 */
import { nextBoundary, previousBoundary } from './width';

export interface EditState {
  readonly text: string;
  readonly cursor: number;
}

/** A deletion that goes to the kill buffer: the new state and what was cut, and in which direction. */
export interface Kill {
  readonly state: EditState;
  readonly killed: string;
  readonly backward: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  return cp !== undefined && WORD_CHAR.test(String.fromCodePoint(cp));
}

function isSpaceAt(text: string, i: number): boolean {
  const ch = text[i];
  return ch === ' ' || ch === '\t';
}

export function insert(s: EditState, text: string): EditState {
  return { text: s.text.slice(0, s.cursor) + text + s.text.slice(s.cursor), cursor: s.cursor + text.length };
}

export function left(s: EditState): EditState {
  return { text: s.text, cursor: previousBoundary(s.text, s.cursor) };
}

export function right(s: EditState): EditState {
  return { text: s.text, cursor: nextBoundary(s.text, s.cursor) };
}

export function home(s: EditState): EditState {
  return { text: s.text, cursor: 0 };
}

export function end(s: EditState): EditState {
  return { text: s.text, cursor: s.text.length };
}

export function deleteBackward(s: EditState): EditState {
  if (s.cursor === 0) return s;
  const from = previousBoundary(s.text, s.cursor);
  return { text: s.text.slice(0, from) + s.text.slice(s.cursor), cursor: from };
}

export function deleteForward(s: EditState): EditState {
  if (s.cursor >= s.text.length) return s;
  const to = nextBoundary(s.text, s.cursor);
  return { text: s.text.slice(0, s.cursor) + s.text.slice(to), cursor: s.cursor };
}

/** Offset after the next word (readline forward-word). */
export function wordEndAfter(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isWordAt(text, i)) i = nextBoundary(text, i);
  while (i < text.length && isWordAt(text, i)) i = nextBoundary(text, i);
  return i;
}

/** Offset of the start of the word before `from` (readline backward-word). */
export function wordStartBefore(text: string, from: number): number {
  let i = from;
  while (i > 0 && !isWordAt(text, previousBoundary(text, i))) i = previousBoundary(text, i);
  while (i > 0 && isWordAt(text, previousBoundary(text, i))) i = previousBoundary(text, i);
  return i;
}

export function wordLeft(s: EditState): EditState {
  return { text: s.text, cursor: wordStartBefore(s.text, s.cursor) };
}

export function wordRight(s: EditState): EditState {
  return { text: s.text, cursor: wordEndAfter(s.text, s.cursor) };
}

function cut(s: EditState, from: number, to: number, backward: boolean): Kill {
  return {
    state: { text: s.text.slice(0, from) + s.text.slice(to), cursor: from },
    killed: s.text.slice(from, to),
    backward,
  };
}

/** Ctrl+K */
export function killToEnd(s: EditState): Kill {
  return cut(s, s.cursor, s.text.length, false);
}

/** Ctrl+U: bash binds it to unix-line-discard, which kills from the start of the line to the cursor. */
export function killToStart(s: EditState): Kill {
  return cut(s, 0, s.cursor, true);
}

/** Ctrl+W: back to the previous whitespace. */
export function killWhitespaceWord(s: EditState): Kill {
  let i = s.cursor;
  while (i > 0 && isSpaceAt(s.text, i - 1)) i--;
  while (i > 0 && !isSpaceAt(s.text, i - 1)) i = previousBoundary(s.text, i);
  return cut(s, i, s.cursor, true);
}

/** Alt+Backspace */
export function killWordBackward(s: EditState): Kill {
  return cut(s, wordStartBefore(s.text, s.cursor), s.cursor, true);
}

/** Alt+D */
export function killWordForward(s: EditState): Kill {
  return cut(s, s.cursor, wordEndAfter(s.text, s.cursor), false);
}

/** Ctrl+T: swaps the characters around the cursor (the last two at the end of the line). */
export function transpose(s: EditState): EditState {
  if (s.text.length < 2 || s.cursor === 0) return s;
  const at = s.cursor >= s.text.length ? previousBoundary(s.text, s.text.length) : s.cursor;
  const before = previousBoundary(s.text, at);
  const after = nextBoundary(s.text, at);
  const text = s.text.slice(0, before) + s.text.slice(at, after) + s.text.slice(before, at) + s.text.slice(after);
  return { text, cursor: after };
}
