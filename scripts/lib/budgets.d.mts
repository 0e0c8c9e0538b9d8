export const SIZE_BUDGETS_KB: Readonly<{
  'size.js.first-prompt': number;
  'size.js.all': number;
  'size.css.all': number;
}>;
export const BYTES_PER_KB: number;
export const KNOWN_GAPS_KB: Readonly<Record<string, Readonly<{ ceiling: number; doc: string }>>>;
