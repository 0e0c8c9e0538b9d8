import { describe, expect, it } from 'vitest';
import { loadYamlDocuments } from '../../util/yaml';
import { weaveManifestObject, weaveManifestYaml } from './weaveManifest';

describe('weaveManifestYaml', () => {
  const text = weaveManifestYaml();

  it('writes every shared value out in full, as the release file does (no YAML anchors)', () => {
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text.match(/^ {6}labels:\n {8}name: weave-net$/gm)).toHaveLength(6);
  });

  it('indents list items under their key, and reads back as the manifest object', () => {
    expect(text.startsWith('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ServiceAccount\n')).toBe(true);
    expect(loadYamlDocuments(text, 'kubernetes')).toEqual({ ok: true, value: [weaveManifestObject()] });
  });
});
