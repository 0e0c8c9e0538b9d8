import { describe, expect, it } from 'vitest';
import { staticImportSpecifiers } from './esm-imports.mjs';

describe('staticImportSpecifiers', () => {
  it('finds the imports a minified Rollup/Rolldown chunk starts with', () => {
    const chunk = 'import{j as e,r as t}from"./vendor-Ab12Cd34.js";import"./polyfill-Zz99Yy88.js";import*as n from\'./ns.js\';const a=1;';
    expect(staticImportSpecifiers(chunk)).toEqual(['./vendor-Ab12Cd34.js', './polyfill-Zz99Yy88.js', './ns.js']);
  });

  it('finds re-exports and default-plus-named imports', () => {
    const code = 'import d,{a}from"./a.js"\nexport{b as c}from"./b.js";export*from"./c.js";export*as ns from"./d.js";export{a,d};';
    expect(staticImportSpecifiers(code)).toEqual(['./a.js', './b.js', './c.js', './d.js']);
  });

  it('leaves out dynamic import() and import.meta: they load after the first prompt', () => {
    const code = 'import"./eager.js";const t=()=>import("./diagram.js");const u=import.meta.url;__vitePreload(()=>import("./yaml.js"),__vite__mapDeps([0,1]));';
    expect(staticImportSpecifiers(code)).toEqual(['./eager.js']);
  });

  it('ignores look-alikes inside strings, comments, templates and regular expressions', () => {
    const code = [
      'import"./real.js";',
      'const s="import\\"./in-string.js\\"";',
      '/* import "./in-block-comment.js" */',
      '// import "./in-line-comment.js"',
      'const t=`import "./in-template.js" ${x?"}":"`"} export * from "./still-template.js"`;',
      'const r=/import"\\.\\/in-regex.js"[/"]/g;',
      'const q=a/2/b;',
      'export{q};',
    ].join('\n');
    expect(staticImportSpecifiers(code)).toEqual(['./real.js']);
  });

  it('ignores declarations nested in blocks and a method called import', () => {
    const code = 'function f(){return{import:1}}loader.import("./x.js");class A{static import(){}}import"./top.js";';
    expect(staticImportSpecifiers(code)).toEqual(['./top.js']);
  });

  it('lists a module imported twice once', () => {
    expect(staticImportSpecifiers('import{a}from"./a.js";import{b}from"./a.js";')).toEqual(['./a.js']);
  });

  it('handles a hashbang line and unminified formatting', () => {
    const code = '#!/usr/bin/env node\nimport {\n  a,\n  b as c,\n} from "./multi-line.js";\n\nexport { a };\n';
    expect(staticImportSpecifiers(code)).toEqual(['./multi-line.js']);
  });
});
