import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREDICATES, VARIABLES, loadLessonCompiler } from '../../src/lessons';

const DOC = readFileSync(path.resolve(import.meta.dirname, '../../docs/lessons.md'), 'utf8');

describe('docs/lessons.md', () => {
  it('documents every check and every argument', () => {
    for (const p of PREDICATES) {
      const row = DOC.split('\n').find((line) => line.startsWith(`| \`${p.name}\` |`));
      expect(row, p.name).toBeDefined();
      for (const arg of p.args) expect(row, `${p.name} ${arg.name}`).toContain(`\`${arg.name}\``);
    }
  });

  it('documents every template variable', () => {
    for (const v of VARIABLES) expect(DOC).toContain(`| \`{{${v.name}}}\` |`);
  });
});

describe('loadLessonCompiler', () => {
  it('loads the compiler on demand (a teacher lesson)', async () => {
    const compile = await loadLessonCompiler();
    const r = compile('---\nid: mine\ntitle: Mine\nsummary: A teacher lesson\norder: 1\n---\n## Go\n', { lang: 'es', source: 'https://example.org/mine.md' });
    expect(r.ok && r.lesson.steps.map((s) => s.id)).toEqual(['go']);
  });
});
