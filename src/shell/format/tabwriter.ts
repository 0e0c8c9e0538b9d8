/**
 * A port of Go's text/tabwriter (flags 0, left-aligned, space padding), which is what lays out
 * every kubectl table and `kubectl describe`. Its alignment rules are subtle and visible:
 *
 * - Cells are tab-terminated; the text after a line's last tab is not part of any column.
 * - A column block is a run of consecutive lines that all have a cell in that column; a line with
 *   fewer cells (say "Containers:" with no tab) ends the block, and the next block is aligned on its
 *   own. Blocks nest: column j+1 is aligned inside each block of column j.
 * - A cell's width is its text width plus the padding, and never less than minWidth.
 *
 * That is why `describe pod` aligns "Name:" through "IP:" together but "Controlled By:" with the
 * indented "  IP:" line after "IPs:", and why "Non-terminated Pods:" shares its column with the
 * System Info lines above it in `describe node`.
 */
export interface TabwriterOptions {
  /** Minimal cell width, padding included (kubectl get: 6; describe: 0). */
  readonly minWidth: number;
  /** Spaces added to the widest cell of a column (kubectl get: 3; describe: 2). */
  readonly padding: number;
}

/** kubectl get's tables (printers.GetNewTabWriter). */
export const TABLE_LAYOUT: TabwriterOptions = { minWidth: 6, padding: 3 };
/** kubectl describe's output (describe.tabbedString). */
export const DESCRIBE_LAYOUT: TabwriterOptions = { minWidth: 0, padding: 2 };

/** Lays out text whose lines hold tab-separated cells. A trailing "\n" is kept. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const endsWithNewline = text.endsWith('\n');
  const body = endsWithNewline ? text.slice(0, -1) : text;
  const lines = body.split('\n').map((line) => line.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];
  format(lines, 0, lines.length, widths, opts, out);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

function format(lines: string[][], line0: number, line1: number, widths: number[], opts: TabwriterOptions, out: string[]): void {
  const column = widths.length;
  let start = line0;
  for (let i = line0; i < line1; i++) {
    if (column >= lines[i]!.length - 1) continue;
    // A cell exists in this column: write the lines before the block, then size the block.
    writeLines(lines, start, i, widths, out);
    start = i;
    let width = opts.minWidth;
    for (; i < line1; i++) {
      const line = lines[i]!;
      if (column >= line.length - 1) break;
      width = Math.max(width, textWidth(line[column]!) + opts.padding);
    }
    widths.push(width);
    format(lines, start, i, widths, opts, out);
    widths.pop();
    start = i;
    i--;
  }
  writeLines(lines, start, line1, widths, out);
}

function writeLines(lines: string[][], from: number, to: number, widths: readonly number[], out: string[]): void {
  for (let i = from; i < to; i++) {
    const cells = lines[i]!;
    let text = '';
    for (let j = 0; j < cells.length; j++) {
      const cell = cells[j]!;
      text += cell;
      if (j < widths.length) text += ' '.repeat(Math.max(0, widths[j]! - textWidth(cell)));
    }
    out.push(text);
  }
}

/** Go counts runes (code points), not UTF-16 units. */
export function textWidth(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}
