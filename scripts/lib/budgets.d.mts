export const SIZE_BUDGETS_KB: Readonly<{
  'size.js.first-prompt': number;
  'size.js.all': number;
  'size.css.all': number;
}>;
export const BYTES_PER_KB: number;
