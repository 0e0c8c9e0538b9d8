/**
 * kubectl get's tables: a header row of upper-case column names and one row per object, written
 * through a tabwriter with minimum width 6 and padding 3, so columns sit at least three spaces
 * apart. The last column is never padded.
 */
import { TABLE_LAYOUT, tabwrite } from './tabwriter';

export function formatTable(header: readonly string[] | undefined, rows: readonly (readonly string[])[]): string {
  const lines: string[] = [];
  if (header) lines.push(header.join('\t'));
  for (const row of rows) lines.push(row.join('\t'));
  if (lines.length === 0) return '';
  return tabwrite(`${lines.join('\n')}\n`, TABLE_LAYOUT);
}
