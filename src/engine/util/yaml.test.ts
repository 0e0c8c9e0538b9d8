import { describe, expect, it } from 'vitest';
import { lineAt, loadYamlDocuments, loadYamlOutline, type YamlProblem } from './yaml';
import { openAt } from './yamlScan';

function documents(text: string, flavour: 'kubernetes' | 'core' = 'kubernetes'): unknown[] {
  const read = loadYamlDocuments(text, flavour);
  if (!read.ok) throw new Error(read.problem.reason);
  return read.value;
}

function problem(text: string, flavour: 'kubernetes' | 'core' = 'kubernetes'): YamlProblem {
  const read = loadYamlDocuments(text, flavour);
  if (read.ok) throw new Error(`expected a problem in ${JSON.stringify(text)}`);
  return read.problem;
}

describe('the kubernetes flavour reads scalars as go-yaml v2 does', () => {
  it('YAML 1.1 booleans and octals, what strconv takes, but no base 60 and no timestamps', () => {
    const [doc] = documents('a: yes\nb: Off\nc: 0644\nd: 0o17\ne: 1e3\nf: 0x1F\ng: 1_000\nh: 1:20\ni: 2023-06-01T09:00:00Z\nj: ~\nk: "yes"\n');
    expect(doc).toEqual({ a: true, b: false, c: 420, d: 15, e: 1000, f: 31, g: 1000, h: '1:20', i: '2023-06-01T09:00:00Z', j: null, k: 'yes' });
  });

  it('merges `<<` keys, and a repeated key keeps its last value', () => {
    expect(documents('base: &b {app: web, tier: a}\nlabels:\n  <<: *b\n  tier: db\nname: x\nname: z\n')[0]).toEqual({
      base: { app: 'web', tier: 'a' }, labels: { app: 'web', tier: 'db' }, name: 'z',
    });
  });

  it('reads every document of a stream, empty ones as null', () => {
    expect(documents('a: 1\n---\n---\nb: 2\n')).toEqual([{ a: 1 }, null, { b: 2 }]);
    expect(documents('# only a comment\n')).toEqual([]);
  });
});

describe('the core flavour is YAML 1.2', () => {
  it('keeps yes and 0644 as text and refuses a repeated key', () => {
    expect(documents('a: yes\nb: 0644\n', 'core')[0]).toEqual({ a: 'yes', b: 644 });
    expect(problem('a: 1\na: 2\n', 'core')).toMatchObject({ reason: 'duplicated mapping key', line: 2 });
  });
});

describe('only plain JSON values come out of user YAML', () => {
  it('refuses the key __proto__ anywhere, at its line, and leaves Object.prototype alone', () => {
    expect(problem('metadata:\n  name: x\n  __proto__:\n    polluted: true\n')).toMatchObject({ reason: 'the key "__proto__" is not allowed', line: 3 });
    expect(problem('{"__proto__": {"polluted": true}}', 'core').reason).toBe('the key "__proto__" is not allowed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps constructor and prototype as ordinary keys of a plain object', () => {
    const [doc] = documents('constructor: a\nprototype: b\n');
    expect(doc).toEqual({ constructor: 'a', prototype: 'b' });
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
  });

  it('refuses dates, binaries, sets and unknown tags', () => {
    expect(problem('a: !!timestamp 2023-06-01\n').reason).toMatch(/^unknown scalar tag/);
    expect(problem('a: !!binary aGVsbG8=\n').reason).toMatch(/^unknown scalar tag/);
    expect(problem('a: !!set {x: null}\n').reason).toMatch(/^unknown mapping tag/);
    expect(problem('a: !Ref b\n').reason).toMatch(/^unknown scalar tag/);
  });

  it('refuses an alias into the collection that holds it, and more than 100 aliases', () => {
    expect(problem('a: &a [*a]\n').reason).toMatch(/^recursive alias "a"/);
    expect(problem('a: &a {b: *a}\n').reason).toMatch(/^recursive alias "a"/);
    const bomb = ['a: &a [x, x]', ...Array.from({ length: 60 }, (_, i) => `${String.fromCharCode(98 + (i % 20))}${i}: &n${i} [*a, *a]`)].join('\n');
    expect(problem(bomb).reason).toBe('aliases exceeded maxAliases (100)');
  });

  it('never throws, whatever the input', () => {
    for (const text of ['\u0000', '"\\', '[{', '? [a]\n: b\n', `${'['.repeat(500)}`, 'a: *', '%YAML 9.9\n---\na']) {
      expect(() => loadYamlDocuments(text, 'kubernetes')).not.toThrow();
    }
    expect(problem('? [a]\n: b\n').reason).toBe('a mapping key must be a plain value, not a list or a mapping');
  });
});

describe('problems say where they are', () => {
  it('with a 1-based line and a 0-based column', () => {
    expect(problem('apiVersion: v1\nkind: Pod\nmetadata:\n  labels: a: b\n')).toMatchObject({ line: 4, column: 11, offset: 46, unclosed: undefined });
  });

  it('and name the quote or bracket left open before that point', () => {
    expect(problem('a:\n  b: "x\n  c: y\nd: 1\n').unclosed).toEqual({ kind: 'quote', char: '"', offset: 8 });
    expect(problem('a: [x, y\n').unclosed).toEqual({ kind: 'flow', char: '[', offset: 3, awaitingNode: false });
    expect(problem('a: {x: 1,\n').unclosed).toEqual({ kind: 'flow', char: '{', offset: 3, awaitingNode: true });
  });
});

describe('openAt', () => {
  it('ignores apostrophes inside plain text, comments and literal blocks', () => {
    expect(openAt("a: it's\nb: x # don't\nc: |\n  echo \"it's [fine\"\n  '\nd: 1\n")).toBeUndefined();
    expect(openAt("a: 'it''s'\nb: \"say \\\"hi\\\"\"\n")).toBeUndefined();
  });

  it('finds the innermost open collection, or the one a wrong bracket meets', () => {
    expect(openAt('a: [x, {y: 1}, [z\n')).toMatchObject({ kind: 'flow', char: '[', offset: 15 });
    expect(openAt('a: [x, {y: 1]\n')).toMatchObject({ kind: 'flow', char: '{', offset: 7 });
    expect(openAt('a: [x]\nb: {y: [1, 2]}\n')).toBeUndefined();
  });

  it('can stop part way', () => {
    expect(openAt('a: "x" b\n', 5)).toEqual({ kind: 'quote', char: '"', offset: 3 });
  });
});

describe('loadYamlOutline', () => {
  it('gives a list\'s items and a mapping\'s keys where they start', () => {
    const list = '- nodes-ready: { count: 2 }\n- pods-ready:\n    count: 2\n- plain\n-\n';
    const read = loadYamlOutline(list, 'core');
    if (!read.ok || read.value === undefined) throw new Error('no outline');
    expect(read.value.children.map((c) => lineAt(list, c.offset))).toEqual([1, 2, 4, 5]);
    const map = 'id: demo\n# a comment\ntitle: Demo\n"quoted key": x\n';
    const front = loadYamlOutline(map, 'core');
    if (!front.ok || front.value === undefined) throw new Error('no outline');
    expect(front.value.children.map((c) => [c.key, lineAt(map, c.offset)])).toEqual([['id', 1], ['title', 3], ['quoted key', 4]]);
  });

  it('is undefined for an empty text, and refuses a second document', () => {
    expect(loadYamlOutline('# nothing\n', 'core')).toEqual({ ok: true, value: undefined });
    const two = loadYamlOutline('a: 1\n---\nb: 2\n', 'core');
    expect(two.ok ? undefined : [two.problem.reason, two.problem.line]).toEqual(['expected a single document in the stream, but found more', 3]);
  });
});
