/**
 * The text of an xterm buffer (scrollback + viewport) as logical lines: a row xterm marked as
 * wrapped continues the row above it, so a long command reads as the one line that was typed.
 * This is what window.kubeplay.screen(node) returns.
 */

/** The part of xterm's IBuffer this needs (kept small so it can be tested without a DOM). */
export interface BufferLike {
  readonly length: number;
  getLine(y: number): LineLike | undefined;
}

export interface LineLike {
  readonly isWrapped: boolean;
  translateToString(trimRight?: boolean): string;
}

export function screenText(buffer: BufferLike): string {
  const lines: string[] = [];
  for (let y = 0; y < buffer.length; y++) {
    const row = buffer.getLine(y);
    if (!row) continue;
    const continued = buffer.getLine(y + 1)?.isWrapped === true;
    // A row that continues on the next one keeps its trailing blanks: they are part of the line.
    const text = row.translateToString(!continued);
    if (row.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  const trimmed = lines.map((line) => line.replace(/\s+$/, ''));
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  return trimmed.join('\n');
}
