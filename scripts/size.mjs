#!/usr/bin/env node
// npm run size: gzip -9 sizes of the production build in dist/ against the design's budgets
// (scripts/lib/budgets.mjs). Prints a table, then one JSON line per figure; exits 1 when a budget
// is exceeded (beyond a documented gap's ceiling, see lib/budgets.mjs) or the build can't be measured
// completely, 2 when there is no build.
import path from 'node:path';
import { measureBundle } from './lib/bundle-size.mjs';
import { failsBudget, figureJson, knownGap, sizeFigures, sizeTable } from './lib/size-report.mjs';

const distDir = path.resolve(process.argv[2] ?? 'dist');

let report;
try {
  report = measureBundle(distDir);
} catch (error) {
  console.error(`size: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

console.log(`Bundle sizes of ${path.relative(process.cwd(), distDir) || '.'}/ (gzip -9 per file, 1 KB = 1000 bytes)\n`);
for (const line of sizeTable(report)) console.log(line);
console.log('');
const figures = sizeFigures(report);
for (const figure of figures) console.log(figureJson(figure));

const over = figures.filter((figure) => failsBudget(figure));
for (const figure of over) {
  console.error(`size: ${figure.label} is ${(figure.bytes / 1000).toFixed(1)} KB gzip, over its budget of ${figure.budget} KB`);
}
for (const figure of figures) {
  const gap = knownGap(figure);
  if (gap) console.warn(`size: ${figure.label} is ${(figure.bytes / 1000).toFixed(1)} KB gzip, over its budget of ${figure.budget} KB: a known gap (${gap.doc}), allowed up to ${gap.ceiling} KB`);
}
for (const problem of report.problems) console.error(`size: cannot measure: ${problem}`);
if (report.files.length === 0) console.error('size: dist/ holds no JS or CSS');
process.exit(over.length > 0 || report.problems.length > 0 || report.files.length === 0 ? 1 : 0);
