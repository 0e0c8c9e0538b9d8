import { describe, expect, it } from 'vitest';
import { chunkName, gzipSize, measureBundle, resolveAsset } from './bundle-size.mjs';
import { tempFiles, incompressible } from './testing-files';

const page = (head: string) => `<!doctype html><html><head>${head}</head><body><div id="root"></div></body></html>`;

describe('measureBundle', () => {
  it('counts the entry and its static imports, transitively, as first-prompt JS, and not dynamic imports', () => {
    const dist = tempFiles({
      'index.html': page('<script type="module" crossorigin src="./assets/index-AAAAAAAA.js"></script><link rel="stylesheet" href="./assets/index-CCCCCCCC.css">'),
      'assets/index-AAAAAAAA.js': 'import{a}from"./vendor-BBBBBBBB.js";const d=()=>import("./diagram-DDDDDDDD.js");a(d);',
      'assets/vendor-BBBBBBBB.js': 'import"./react-EEEEEEEE.js";export const a=(x)=>x;',
      'assets/react-EEEEEEEE.js': 'export const r=1;',
      'assets/diagram-DDDDDDDD.js': 'import{a}from"./vendor-BBBBBBBB.js";import"./xyflow-FFFFFFFF.js";a(2);',
      'assets/xyflow-FFFFFFFF.js': 'export const f=1;',
      'assets/index-CCCCCCCC.css': 'body{margin:0}',
      'assets/index-AAAAAAAA.js.map': '{"version":3}',
      'favicon.svg': '<svg/>',
    });
    const report = measureBundle(dist);
    const first = report.files.filter((f) => f.firstPrompt).map((f) => f.file);
    expect(first).toEqual(['assets/index-AAAAAAAA.js', 'assets/index-CCCCCCCC.css', 'assets/react-EEEEEEEE.js', 'assets/vendor-BBBBBBBB.js']);
    expect(report.files.map((f) => f.file)).not.toContain('assets/index-AAAAAAAA.js.map');
    expect(report.files).toHaveLength(6);
    const gz = (file: string) => report.files.find((f) => f.file === file)?.gzip ?? -1;
    expect(report.totals.firstPromptJs).toBe(gz('assets/index-AAAAAAAA.js') + gz('assets/vendor-BBBBBBBB.js') + gz('assets/react-EEEEEEEE.js'));
    expect(report.totals.allJs).toBe(report.totals.firstPromptJs + gz('assets/diagram-DDDDDDDD.js') + gz('assets/xyflow-FFFFFFFF.js'));
    expect(report.totals.allCss).toBe(gz('assets/index-CCCCCCCC.css'));
    expect(report.problems).toEqual([]);
  });

  it('follows modulepreload links and absolute (base "/") URLs', () => {
    const dist = tempFiles({
      'index.html': page('<script type="module" src="/assets/index-AAAAAAAA.js"></script><link rel="modulepreload" href="/assets/pre-BBBBBBBB.js">'),
      'assets/index-AAAAAAAA.js': 'console.log(1)',
      'assets/pre-BBBBBBBB.js': 'export {}',
    });
    expect(measureBundle(dist).files.every((f) => f.firstPrompt)).toBe(true);
  });

  it('reports what it cannot measure instead of silently leaving it out', () => {
    const dist = tempFiles({
      'index.html': page('<script type="module" src="./assets/index-AAAAAAAA.js"></script><script src="https://cdn.example/x.js"></script>'),
      'assets/index-AAAAAAAA.js': 'import"./gone-BBBBBBBB.js";import"react";',
    });
    expect(measureBundle(dist).problems).toEqual([
      'https://cdn.example/x.js (in index.html) is loaded from elsewhere and is not measured',
      './gone-BBBBBBBB.js (in assets/index-AAAAAAAA.js) is missing from dist/',
      'react (in assets/index-AAAAAAAA.js) is a bare module name the browser cannot load',
    ]);
  });

  it('says to build first when there is no index.html', () => {
    expect(() => measureBundle(tempFiles({}))).toThrow(/index\.html not found: build first/);
  });
});

describe('helpers', () => {
  it('gzips at level 9: repetitive text shrinks, seeded noise does not shrink much', () => {
    expect(gzipSize('a'.repeat(10_000))).toBeLessThan(100);
    expect(gzipSize(incompressible(10_000))).toBeGreaterThan(7_000);
  });

  it('resolves URLs relative to the file that holds them', () => {
    expect(resolveAsset('assets/a.js', './b.js?v=1')).toEqual({ ok: true, file: 'assets/b.js' });
    expect(resolveAsset('index.html', './assets/a.js#x')).toEqual({ ok: true, file: 'assets/a.js' });
    expect(resolveAsset('assets/a.js', '../../etc/passwd')).toMatchObject({ ok: false });
  });

  it('drops the content hash from chunk names', () => {
    expect(chunkName('assets/index-B2xK9a_Q.js')).toBe('index');
    expect(chunkName('assets/addon-fit-Ab-cd123.js')).toBe('addon-fit');
    expect(chunkName('assets/style.css')).toBe('style');
  });
});
