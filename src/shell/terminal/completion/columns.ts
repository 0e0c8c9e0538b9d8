/**
 * The layout of a completion listing, as readline prints it after a second Tab: every column is as
 * wide as the longest item plus two spaces, as many columns as fit in the terminal width (one fewer
 * when they would fill it exactly), items sorted down the columns first, the last item of each row
 * not padded.
 */
import { textWidth } from '../width';

export function formatColumns(items: readonly string[], columns: number): string[] {
  if (items.length === 0) return [];
  const widths = items.map(textWidth);
  const columnWidth = Math.max(...widths) + 2;
  let perRow = Math.floor(columns / columnWidth);
  if (perRow > 1 && perRow * columnWidth === columns) perRow--;
  perRow = Math.max(1, perRow);
  const rows = Math.ceil(items.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const i = r + c * rows;
      const item = items[i];
      if (item === undefined) break;
      const isLast = c === perRow - 1 || items[r + (c + 1) * rows] === undefined;
      line += isLast ? item : item + ' '.repeat(columnWidth - widths[i]!);
    }
    lines.push(line);
  }
  return lines;
}
