import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from './frontMatter';

function errors(front: string): string[] {
  const r = splitFrontMatter(`---\n${front}\n---\n## Step\n`);
  return r.ok ? [] : r.errors.map((e) => `${e.line}: ${e.message}`);
}

describe('splitFrontMatter', () => {
  it('reads the fields, and the body after the closing line', () => {
    const r = splitFrontMatter('---\nid: demo\n# a comment\ntitle: "Demo: one"\nsummary: >\n  A demo\n  lesson\norder: 3\n---\n## Step\n');
    expect(r).toEqual({
      ok: true,
      frontMatter: { id: 'demo', title: 'Demo: one', summary: 'A demo lesson', order: 3, estimatedMinutes: undefined },
      bodyStartLine: 10,
      body: '## Step\n',
    });
  });

  it('says what a teacher should fix, at the line of the file', () => {
    expect(errors('id: demo\ntitle: Demo\nsummary: x\ntitle: Again')).toEqual(['5: front matter is not valid YAML: duplicated mapping key']);
    expect(errors("id: demo\ntitle: 'Demo\nsummary: x")).toEqual(["4: front matter is not valid YAML: Missing closing 'quote"]);
    expect(errors('id: demo\ntitle: [Demo\nsummary: x')).toEqual(['4: front matter is not valid YAML: Missing closing ]']);
    expect(errors('- id: demo')).toEqual(['2: the front matter must be "key: value" lines (id, title, summary)']);
    expect(errors('')).toEqual(['2: the front matter must be "key: value" lines (id, title, summary)']);
  });

  it('refuses a __proto__ field as YAML it will not read', () => {
    expect(errors('id: demo\n__proto__: {polluted: true}')).toEqual(['3: front matter is not valid YAML: the key "__proto__" is not allowed']);
  });
});
