// The size budgets CI enforces, in KB of gzip (1 KB = 1000 bytes, the unit Vite's own build report
// uses). They come from the design's budgets: the first prompt needs react-dom (~69) and xterm
// (~87) and little else; the diagram, YAML and Markdown parsers load after it.
export const SIZE_BUDGETS_KB = Object.freeze({
  'size.js.first-prompt': 200,
  'size.js.all': 350,
  'size.css.all': 30,
});

export const BYTES_PER_KB = 1000;

// Budgets the build does not meet yet. Each gap is measured and explained, with the plan that
// closes it, in docs/performance.md. Until then CI fails only above the ceiling. Lower a ceiling
// whenever the figure drops; raise it only together with a line in docs/performance.md's history
// saying what was added and why; delete the entry once the budget is met.
export const KNOWN_GAPS_KB = Object.freeze({
  'size.js.all': Object.freeze({ ceiling: 690, doc: 'docs/performance.md#all-javascript' }),
});
