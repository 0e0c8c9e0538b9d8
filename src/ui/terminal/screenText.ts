/**
 * The text of an xterm buffer (scrollback + viewport) as logical lines: a row xterm marked as
 * wrapped continues the row above it, so a long command reads as the one line that was typed.
 * This is what window.kubeplay.screen(node) returns. The cell a wide character leaves empty at the
 * end of a row is not part of the line.
 */

/** The part of xterm's IBuffer this needs (kept small so it can be tested without a DOM). */
export interface BufferLike {
  readonly length: number;
  getLine(y: number): LineLike | undefined;
}

export interface LineLike {
  readonly isWrapped: boolean;
  readonly length: number;
  getCell(x: number): { getChars(): string } | undefined;
  translateToString(trimRight?: boolean, startColumn?: number, endColumn?: number): string;
}

export function screenText(buffer: BufferLike): string {
  const lines: string[] = [];
  for (let y = 0; y < buffer.length; y++) {
    const row = buffer.getLine(y);
    if (!row) continue;
    const continued = buffer.getLine(y + 1)?.isWrapped === true;
    // A row that continues on the next one keeps its trailing blanks: they are part of the line.
    // Its last cell is left empty (never written) only when a wide character did not fit there.
    const end = continued && row.getCell(row.length - 1)?.getChars() === '' ? row.length - 1 : row.length;
    const text = row.translateToString(!continued, 0, end);
    if (row.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  const trimmed = lines.map((line) => line.replace(/\s+$/, ''));
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  return trimmed.join('\n');
}
