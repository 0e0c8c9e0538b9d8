import { describe, expect, it } from 'vitest';
import { Playground } from './testing/playground';

// The messages were checked against /usr/bin/kubectl with the same files.
describe('a kubeconfig kubectl cannot read', () => {
  const p = new Playground();
  const fail = (file: string, text: string) => {
    p.node1.fs.writeFile(file, text);
    return p.kubectl(`--kubeconfig ${file} get pods`);
  };

  it('reports go-yaml\'s message and line', () => {
    expect(fail('/root/bad.conf', 'apiVersion: v1\nclusters:\n- cluster:\n    server: https://x:6443\n  name: a: b\n')).toMatchObject({
      stderr: 'error: error loading config file "/root/bad.conf": yaml: line 5: mapping values are not allowed in this context\n',
      exitCode: 1,
    });
    expect(fail('/root/quote.conf', 'apiVersion: v1\nclusters:\n- cluster:\n    server: "https://x:6443\n').stderr)
      .toBe('error: error loading config file "/root/quote.conf": yaml: line 5: found unexpected end of stream\n');
  });

  it('says what a document that is not a mapping is', () => {
    const struct = 'Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';
    expect(fail('/root/text.conf', 'hello\n').stderr).toBe(`error: error loading config file "/root/text.conf": couldn't get version/kind; json parse error: json: cannot unmarshal string into ${struct}\n`);
    expect(fail('/root/list.conf', '- a\n').stderr).toBe(`error: error loading config file "/root/list.conf": couldn't get version/kind; json parse error: json: cannot unmarshal array into ${struct}\n`);
  });
});
