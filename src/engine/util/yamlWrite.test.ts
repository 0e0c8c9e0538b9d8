import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { yamlDocument } from './yamlWrite';

// The writer replaces js-yaml's `dump` for the engine's own documents: it must give the same bytes.
const goDump = (value: unknown) => dump(value, { seqNoIndent: true, lineWidth: -1, noRefs: true, quoteStyle: 'double', sortKeys: true });
const weaveDump = (value: unknown) => dump(value, { lineWidth: -1, noRefs: true, quoteStyle: 'double' });

const WORDS = [
  '', ' ', 'a b', 'true', 'True', 'yes', 'on', 'off', 'null', '~', '0', '0644', '0o17', '0x1F', '1:20', '1e3', '.5', '1.27', '-1', '+1',
  '2023-06-01', '2023-06-01T09:00:00Z', '=', '<<', '---', '...', '- a', '-a', ':a', 'a:', 'a: b', 'a #b', 'a#b', '#a', '&a', '*a', '!a',
  '|', '>', "'a'", '"a"', '%a', '@a', '`a', '[a]', '{a}', 'a,b', 'a\tb', 'a\nb', 'a\nb\n', 'a\n\n', '\na', 'é', 'a\\b', ' a', 'a ',
  '10.96.0.0/12', 'https://192.168.0.8:6443', '--advertise-address=192.168.0.8', '/etc/kubernetes/pki', 'v1.27.16', '50m', '0s',
  '\x85', 'a\x85\nb', 'a\xa0b', 'a\u2028b\nc', '\ud800', 'a\rb', 'a\r\nb', '\u{1F600}', 'a\x7fb\nc', '\ufeffa',
  'system:node:node1', 'kubernetes-admin@kubernetes', 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==', 'NoSchedule',
];

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...WORDS), fc.integer({ min: -1000, max: 100000 }), fc.boolean(), fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'name', 'apiVersion', 'key-with-dash', 'true', '1', 'a b', 'z'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('yamlDocument', () => {
  it('writes what js-yaml dump wrote for Go-style documents (sorted keys, sequences flush)', () => {
    fc.assert(fc.property(json, (value) => {
      expect(yamlDocument(value, { sortKeys: true, indentSequences: false })).toBe(goDump(value));
    }), { numRuns: 2000, seed: 20261128 });
  });

  it('writes what js-yaml dump wrote for the Weave manifest layout (insertion order, sequences indented)', () => {
    fc.assert(fc.property(json, (value) => {
      expect(yamlDocument(value)).toBe(weaveDump(value));
    }), { numRuns: 2000, seed: 20261128 });
  });
});
