import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifests';

function error(text: string): string {
  const r = parseManifest(text, 'app.yaml');
  if (r.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
  return r.error.replace(/^error parsing app\.yaml: error converting YAML to JSON: /, '');
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n';

/**
 * Broken manifests and what kubectl v1.32 prints for them (`kubectl create --dry-run=client -f`,
 * checked by hand): go-yaml v2's message, and its line — 1-based for the scanner's errors, the
 * line before for the parser's, none on the first line.
 */
const BROKEN: readonly (readonly [string, string, string])[] = [
  ['a mapping inside a value', `${POD}  name: x\n  labels: a: b\n`, 'yaml: line 5: mapping values are not allowed in this context'],
  ['a tab as indentation', `${POD}\tname: x\n`, 'yaml: line 4: found character that cannot start any token'],
  ['a tab after spaces', `${POD}  name: x\n  labels:\n    app: web\n  \tx: y\n`, 'yaml: line 7: found a tab character that violates indentation'],
  ['a key less indented than its sibling', `${POD}    name: x\n  labels: {}\n`, 'yaml: line 4: did not find expected key'],
  ['a quote never closed', `${POD}  name: "x\n  labels: {}\n`, 'yaml: line 6: found unexpected end of stream'],
  ['a single quote never closed', `${POD}  name: 'x\n`, 'yaml: line 5: found unexpected end of stream'],
  ['a flow list never closed', `${POD}  name: x\nspec:\n  containers: [a, b\n`, "yaml: line 6: did not find expected ',' or ']'"],
  ['a flow map never closed', `${POD}  name: x\n  labels: {a: 1\n`, "yaml: line 5: did not find expected ',' or '}'"],
  ['a flow list left open before more YAML', 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [a, b\nmetadata:\n  name: x\n', "yaml: line 4: did not find expected ',' or ']'"],
  ['an empty flow list never closed', `${POD}  name: x\n  labels: "a\n    b"\n  annotations: {a: 1}\n  x: [\n`, 'yaml: line 8: did not find expected node content'],
  ['a key where a list item belongs', `${POD}  - name: x\n  labels: {}\n`, "yaml: line 4: did not find expected '-' indicator"],
  ['a key without its colon', `${POD.replace('metadata:', 'metadata')}  name: x\n`, "yaml: line 4: could not find expected ':'"],
  ['a key after an emptied literal block', `${POD}  name: x\n  labels: |\n  a\n`, "yaml: line 7: could not find expected ':'"],
  ['an over-indented key after a scalar', 'apiVersion: v1\nkind: Pod\n  name: x\n', 'yaml: line 3: mapping values are not allowed in this context'],
  ['a list item less indented than the one before', `${POD}  name: x\nspec:\n  containers:\n  - name: x\n   image: y\n`, 'yaml: line 7: did not find expected key'],
  ['a list item field over-indented', `${POD}  name: x\nspec:\n  containers:\n  - name: x\n     image: y\n`, 'yaml: line 8: mapping values are not allowed in this context'],
  ['text after a closing quote', `${POD}  name: x\n  annotations:\n    a: "b"c\n`, 'yaml: line 5: did not find expected key'],
  ['a reserved character', `${POD}  name: @x\n`, 'yaml: line 4: found character that cannot start any token'],
  ['two commas in a flow map', `${POD}  name: x\n  labels: {a: b,, c: d}\n`, 'yaml: line 4: did not find expected node content'],
  ['a missing comma in a flow map, on the first line', 'a: {x: 1 y: 2}\n', "yaml: did not find expected ',' or '}'"],
  ['the wrong closing bracket', 'a: [x, {y: 1]\n', "yaml: did not find expected ',' or '}'"],
  ['a list item after a mapping', 'key: value\n- item\n', 'yaml: line 1: did not find expected key'],
  ['a mapping after a list', '- item\nkey: value\n', "yaml: line 1: did not find expected '-' indicator"],
  ['an unknown escape', 'a: "\\q"\n', 'yaml: found unknown escape character'],
  ['a missing colon after other keys', 'metadata:\n  name: web\n  labels:\n    app: web\nspec\n  replicas: 3\n', "yaml: line 6: could not find expected ':'"],
  ['an undefined alias', `${POD}  name: *x\n`, "yaml: unknown anchor 'x' referenced"],
  ['an alias to itself', 'a: &a [*a]\n', "yaml: anchor 'a' value contains itself"],
  ['Windows line ends', `${POD}  name: x\n  labels: a: b\n`.replace(/\n/g, '\r\n'), 'yaml: line 5: mapping values are not allowed in this context'],
  ['a byte order mark', `\ufeff${POD}  name: x\n  labels: a: b\n`, 'yaml: line 5: mapping values are not allowed in this context'],
  ['a quote never closed on a last line without its newline', `${POD}  name: x\n  labels:\n    app: "web`, 'yaml: line 7: found unexpected end of stream'],
];

describe('parseManifest: broken YAML reads as kubectl prints it', () => {
  it.each(BROKEN)('%s', (_name, text, expected) => {
    expect(error(text)).toBe(expected);
  });

  it('counts lines from the start of the document kubectl split off at "---"', () => {
    expect(error(`# comment\n\n---\n# only a comment\n--- # the next one\n${POD}  name: x\n  labels: a: b\n`)).toBe('yaml: line 5: mapping values are not allowed in this context');
  });

  it('refuses a separator line with something after it, as kubectl does', () => {
    expect(parseManifest('a: 1\n--- foo\nb: 2\n', 'app.yaml')).toEqual({ ok: false, error: 'error parsing app.yaml: invalid Yaml document separator: foo' });
  });

  it('refuses a __proto__ key at its line', () => {
    expect(error(`${POD}  __proto__:\n    polluted: yes\n  name: x\n`)).toBe('yaml: line 4: the key "__proto__" is not allowed');
  });
});

describe('parseManifest: good YAML', () => {
  it('reads YAML 1.1 values as kubectl does, keeps timestamps as text, expands Lists, skips empty documents', () => {
    const r = parseManifest(`---\n${POD}  name: x\n  creationTimestamp: 2023-06-01T09:00:00Z\n  annotations: {on: yes, mode: 0644}\n---\n\n---\napiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n- {apiVersion: v1, kind: Secret, metadata: {name: s}}\n`, 'app.yaml');
    expect(r).toEqual({
      ok: true,
      objects: [
        { source: 'app.yaml', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', creationTimestamp: '2023-06-01T09:00:00Z', annotations: { true: true, mode: 420 } } } },
        { source: 'app.yaml', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } },
        { source: 'app.yaml', object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } } },
      ],
    });
  });

  it('says what a document that is not an object is', () => {
    expect(parseManifest('- a\n- b\n', 'app.yaml')).toEqual({
      ok: false, error: 'error parsing app.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}',
    });
  });
});
