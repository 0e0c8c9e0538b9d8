#!/usr/bin/env node
// Where the all-JS bytes go: attributes every JS chunk of a build (default dist/) to its source
// modules through the chunks' source maps, and prints the top modules and the top packages / source
// folders by gzip bytes. A chunk's gzip size is shared among its sources by raw bytes (an estimate;
// the totals match `npm run size`'s all-JS figure). Usage:
//   node scripts/size-sources.mjs [distDir] [--top N]
import path from 'node:path';
import { measureSources, sourceGroup, totalsBy } from './lib/source-map-sizes.mjs';

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 40;
const distDir = path.resolve(args.find((arg, index) => !arg.startsWith('--') && (topIndex < 0 || index !== topIndex + 1)) ?? 'dist');

const { shares, unmapped } = measureSources(distDir);
const kb = (/** @type {number} */ bytes) => (bytes / 1000).toFixed(1).padStart(7);
const all = shares.reduce((sum, share) => sum + share.gzip, 0);

console.log(`All JS of ${path.relative(process.cwd(), distDir) || '.'}/ by source (gzip -9 per chunk, shared by raw bytes; 1 KB = 1000 bytes): ${(all / 1000).toFixed(1)} KB\n`);
console.log(`${'gzip KB'.padStart(7)} ${'raw KB'.padStart(7)}  module (chunks)`);
for (const total of totalsBy(shares, (share) => share.source).slice(0, top)) {
  console.log(`${kb(total.gzip)} ${kb(total.raw)}  ${total.key} (${total.chunks.map((chunk) => chunk.replace(/-[\w-]{8}\.js$/, '')).join(', ')})`);
}
console.log(`\n${'gzip KB'.padStart(7)} ${'raw KB'.padStart(7)}  package or source folder`);
for (const total of totalsBy(shares, (share) => sourceGroup(share.source)).slice(0, top)) {
  console.log(`${kb(total.gzip)} ${kb(total.raw)}  ${total.key}`);
}
if (unmapped.length > 0) console.warn(`\nsize-sources: no source map for ${unmapped.join(', ')} (counted whole)`);
