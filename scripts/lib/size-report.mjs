// Turns a measured bundle into figures (one JSON line each, the same shape `npm run bench` prints)
// and a table a person reads, and decides which budgets are exceeded.
import { BYTES_PER_KB, KNOWN_GAPS_KB, SIZE_BUDGETS_KB } from './budgets.mjs';
import { chunkName } from './bundle-size.mjs';

/** @typedef {import('./bundle-size.mjs').BundleReport} BundleReport */
/**
 * @typedef {{ name: string, label: string, bytes: number, budget?: number }} SizeFigure
 *   budget in KB gzip, when one applies
 */

const kb = (/** @type {number} */ bytes) => Math.round((bytes / BYTES_PER_KB) * 10) / 10;

/**
 * @param {BundleReport} report
 * @returns {SizeFigure[]} the budgeted totals first, then one figure per chunk
 */
export function sizeFigures(report) {
  /** @type {SizeFigure[]} */
  const figures = [
    { name: 'size.js.first-prompt', label: 'first-prompt JS', bytes: report.totals.firstPromptJs, budget: SIZE_BUDGETS_KB['size.js.first-prompt'] },
    { name: 'size.js.all', label: 'all JS', bytes: report.totals.allJs, budget: SIZE_BUDGETS_KB['size.js.all'] },
    { name: 'size.css.first-prompt', label: 'first-prompt CSS', bytes: report.totals.firstPromptCss },
    { name: 'size.css.all', label: 'all CSS', bytes: report.totals.allCss, budget: SIZE_BUDGETS_KB['size.css.all'] },
  ];
  /** @type {Set<string>} */
  const used = new Set();
  for (const file of report.files) {
    // Two chunks can share a name once the hash is gone (two `index` chunks): keep the file name then.
    const short = `size.chunk.${file.kind}.${chunkName(file.file)}`;
    const name = used.has(short) ? `size.chunk.${file.kind}.${file.file}` : short;
    used.add(name);
    figures.push({ name, label: file.file, bytes: file.gzip });
  }
  return figures;
}

/** @param {SizeFigure} figure */
export function overBudget(figure) {
  return figure.budget !== undefined && figure.bytes > figure.budget * BYTES_PER_KB;
}

/**
 * A figure over its budget that is a documented gap (KNOWN_GAPS_KB) and still under the gap's ceiling.
 * @param {SizeFigure} figure
 * @param {Readonly<Record<string, Readonly<{ ceiling: number, doc: string }>>>} [gaps]
 */
export function knownGap(figure, gaps = KNOWN_GAPS_KB) {
  const gap = gaps[figure.name];
  return overBudget(figure) && gap !== undefined && figure.bytes <= gap.ceiling * BYTES_PER_KB ? gap : undefined;
}

/**
 * What fails the build: over budget, unless it is a known gap under its ceiling.
 * @param {SizeFigure} figure
 * @param {Readonly<Record<string, Readonly<{ ceiling: number, doc: string }>>>} [gaps]
 */
export function failsBudget(figure, gaps = KNOWN_GAPS_KB) {
  return overBudget(figure) && knownGap(figure, gaps) === undefined;
}

/** @param {SizeFigure} figure */
export function figureJson(figure) {
  /** @type {{ name: string, value: number, unit: string, budget?: number, ceiling?: number }} */
  const line = { name: figure.name, value: kb(figure.bytes), unit: 'KB gzip' };
  if (figure.budget !== undefined) line.budget = figure.budget;
  const gap = KNOWN_GAPS_KB[figure.name];
  if (gap !== undefined) line.ceiling = gap.ceiling;
  return JSON.stringify(line);
}

/**
 * The human-readable table: every chunk, then the totals against their budgets.
 * @param {BundleReport} report
 * @returns {string[]}
 */
export function sizeTable(report) {
  const width = Math.max(24, ...report.files.map((f) => f.file.length)) + 2;
  const num = (/** @type {number} */ n, /** @type {number} */ w) => kb(n).toFixed(1).padStart(w);
  const lines = [`${'file'.padEnd(width)}${'raw KB'.padStart(9)}${'gzip KB'.padStart(9)}  first prompt`];
  for (const f of report.files) {
    lines.push(`${f.file.padEnd(width)}${num(f.raw, 9)}${num(f.gzip, 9)}  ${f.firstPrompt ? 'yes' : ''}`.trimEnd());
  }
  if (report.inlineScripts.raw > 0) {
    lines.push(`${'(inline scripts in index.html)'.padEnd(width)}${num(report.inlineScripts.raw, 9)}${num(report.inlineScripts.gzip, 9)}  yes`);
  }
  lines.push('');
  lines.push(`${'total'.padEnd(width)}${'gzip KB'.padStart(9)}${'budget'.padStart(9)}`);
  for (const figure of sizeFigures(report).slice(0, 4)) {
    const budget = figure.budget === undefined ? '-' : figure.budget.toFixed(1);
    const gap = knownGap(figure);
    const verdict = figure.budget === undefined ? '' : gap ? `known gap (ceiling ${gap.ceiling}, ${gap.doc})` : overBudget(figure) ? 'OVER BUDGET' : 'ok';
    lines.push(`${figure.label.padEnd(width)}${num(figure.bytes, 9)}${budget.padStart(9)}  ${verdict}`.trimEnd());
  }
  return lines;
}
