/**
 * Where each character of "prompt + line" lands on the screen, for a terminal `cols` wide with
 * auto-wrap on (xterm's default). Positions are relative to the row where the prompt starts.
 *
 * The rules are xterm's: a character that does not fit in what is left of a row goes to the next
 * row (a wide character at the last column leaves that cell empty); writing the last column
 * leaves the cursor "pending" at col === cols until the next character wraps it. The editor never
 * parks the cursor in that pending state, because cursor-movement sequences treat it differently
 * across terminals.
 */
import { readEscape } from './escapes';
import { clusterBoundaries, codePointWidth, textWidth } from './width';

export interface Pos {
  readonly row: number;
  readonly col: number;
}

/** One thing the cursor steps over: a character cluster, a tab, or an escape sequence of the prompt. */
export interface Unit {
  /** The bytes written for it (caret notation for control characters, spaces for a tab). */
  readonly out: string;
  /** What a reader of the screen sees ('' for escape sequences). */
  readonly plain: string;
  /** Where its first cell is drawn (after any wrap); for zero-width units, the current position. */
  readonly start: Pos;
  /** Where the cursor is after it; col may equal cols (pending wrap). */
  readonly end: Pos;
}

export interface Layout {
  readonly cols: number;
  readonly startCol: number;
  readonly units: readonly Unit[];
  /** How many of the units belong to the prompt. */
  readonly promptUnits: number;
  /** For each unit of the line (after the prompt), its offset in the line. */
  readonly lineOffsets: readonly number[];
  readonly end: Pos;
  /** The screen text of prompt + line. */
  readonly plain: string;
}

interface Piece {
  readonly out: string;
  readonly plain: string;
  /** Cell widths, in order; a tab's width depends on its column and is resolved by the walk. */
  readonly cells: readonly number[] | 'tab';
}

/** Splits the prompt: escape sequences draw nothing; readline's \001/\002 markers are dropped. */
function promptPieces(prompt: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  let text = '';
  const flush = () => {
    if (text !== '') pieces.push(...linePieces(text));
    text = '';
  };
  while (i < prompt.length) {
    const ch = prompt[i]!;
    if (ch === '\x1b') {
      flush();
      const seq = prompt.slice(i, i + readEscape(prompt, i).length);
      pieces.push({ out: seq, plain: '', cells: [] });
      i += seq.length;
    } else if (ch === '\x01' || ch === '\x02') {
      flush();
      i += 1;
    } else {
      text += ch;
      i += 1;
    }
  }
  flush();
  return pieces;
}

/** How readline shows one cluster of the line being edited. */
function piece(cluster: string): Piece {
  const cp = cluster.codePointAt(0)!;
  if (cp === 0x09) return { out: '', plain: '', cells: 'tab' };
  if (cp < 0x20 || cp === 0x7f) {
    const caret = `^${String.fromCharCode(cp ^ 0x40)}`;
    return { out: caret, plain: caret, cells: [1, 1] };
  }
  if (cp >= 0x80 && cp < 0xa0) {
    const octal = `\\${cp.toString(8)}`;
    return { out: octal, plain: octal, cells: [1, 1, 1, 1] };
  }
  const width = codePointWidth(cp);
  return { out: cluster, plain: cluster, cells: width === 0 ? [] : [width] };
}

function linePieces(text: string): Piece[] {
  const bounds = clusterBoundaries(text);
  const pieces: Piece[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) pieces.push(piece(text.slice(bounds[b], bounds[b + 1])));
  return pieces;
}

export function layoutLine(prompt: string, line: string, columns: number, startCol: number): Layout {
  const cols = Math.max(2, Math.floor(columns));
  const promptPart = promptPieces(prompt);
  const bounds = clusterBoundaries(line);
  const linePart: Piece[] = [];
  const lineOffsets: number[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    lineOffsets.push(bounds[b]!);
    linePart.push(piece(line.slice(bounds[b], bounds[b + 1])));
  }
  let pos: Pos = { row: 0, col: Math.min(Math.max(0, startCol), cols) };
  const units: Unit[] = [];
  let plain = '';
  for (const p of [...promptPart, ...linePart]) {
    let start: Pos | undefined;
    let out = p.out;
    let seen = p.plain;
    let cells = p.cells;
    if (cells === 'tab') {
      // Readline expands a tab to spaces up to the next multiple of 8.
      const col = pos.col >= cols ? 0 : pos.col;
      const n = 8 - (col % 8);
      cells = new Array<number>(n).fill(1);
      out = ' '.repeat(n);
      seen = out;
    }
    for (const width of cells) {
      if (pos.col + width > cols) pos = { row: pos.row + 1, col: 0 };
      start ??= pos;
      pos = { row: pos.row, col: pos.col + width };
    }
    units.push({ out, plain: seen, start: start ?? pos, end: pos });
    plain += seen;
  }
  return { cols, startCol: Math.min(Math.max(0, startCol), cols), units, promptUnits: promptPart.length, lineOffsets, end: pos, plain };
}

/** A position the cursor can actually occupy: a pending wrap is the start of the next row. */
export function settled(pos: Pos, cols: number): Pos {
  return pos.col >= cols ? { row: pos.row + 1, col: 0 } : pos;
}

/** Index in layout.units of the unit at line offset `offset` (units.length at the end of the line). */
export function unitAtOffset(layout: Layout, offset: number): number {
  const offsets = layout.lineOffsets;
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return layout.promptUnits + lo;
}

/** Where the cursor sits when it is before unit `index` (or after the last one). */
export function cursorPosition(layout: Layout, index: number): Pos {
  const unit = layout.units[index];
  return settled(unit ? unit.start : layout.end, layout.cols);
}

/** The shortest relative cursor movement from one position to another. */
export function moveCursor(from: Pos, to: Pos): string {
  let out = '';
  if (to.row < from.row) out += `\x1b[${from.row - to.row}A`;
  else if (to.row > from.row) out += `\x1b[${to.row - from.row}B`;
  if (to.col !== from.col) {
    if (to.col === 0) out += '\r';
    else if (to.col > from.col) out += `\x1b[${to.col - from.col}C`;
    else out += `\x1b[${from.col - to.col}D`;
  }
  return out;
}

/** Display width of a prompt, ignoring its escape sequences. */
export function promptWidth(prompt: string): number {
  return textWidth(promptPieces(prompt).map((p) => p.plain).join(''));
}
