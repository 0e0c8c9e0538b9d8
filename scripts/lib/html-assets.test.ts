import { describe, expect, it } from 'vitest';
import { entryAssets, parseAttributes } from './html-assets.mjs';

describe('entryAssets', () => {
  it('reads the scripts, module preloads and stylesheets Vite writes into index.html', () => {
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="./assets/index-AbCd1234.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-Zz99Yy88.js">
      <link rel="stylesheet" crossorigin href="./assets/index-Qq11Ww22.css">
      <link rel="icon" href="./favicon.svg">
    </head><body></body></html>`;
    expect(entryAssets(html)).toEqual({
      scripts: ['./assets/index-AbCd1234.js'],
      inlineScripts: [],
      modulePreloads: ['./assets/vendor-Zz99Yy88.js'],
      stylesheets: ['./assets/index-Qq11Ww22.css'],
    });
  });

  it('skips commented-out tags, nomodule scripts and data blocks, and keeps inline code', () => {
    const html = `<!-- <script type="module" src="./old.js"></script> -->
      <script nomodule src="./legacy.js"></script>
      <script type="application/json">{"a":1}</script>
      <script type=module>import "./boot.js"</script>
      <SCRIPT SRC='./classic.js'></SCRIPT>`;
    expect(entryAssets(html)).toEqual({
      scripts: ['./classic.js'],
      inlineScripts: ['import "./boot.js"'],
      modulePreloads: [],
      stylesheets: [],
    });
  });
});

describe('parseAttributes', () => {
  it('reads quoted, unquoted and bare attributes', () => {
    const attributes = parseAttributes(` type=module crossorigin src="./a b.js" data-x='y'`);
    expect([...attributes]).toEqual([['type', 'module'], ['crossorigin', ''], ['src', './a b.js'], ['data-x', 'y']]);
  });
});
