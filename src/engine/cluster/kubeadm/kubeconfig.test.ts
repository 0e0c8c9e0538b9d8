import { describe, expect, it } from 'vitest';
import { goYaml, kubeconfigYaml } from './kubeconfig';

describe('goYaml', () => {
  it('writes YAML as sigs.k8s.io/yaml does: sorted keys, list items flush with their key, no wrapping, no anchors', () => {
    const shared = { name: 'weave-net' };
    const long = 'x'.repeat(90);
    expect(goYaml({
      b: [{ z: 1, a: shared }, 'two'], a: shared, empty: '', none: null, flags: ['yes', '0644', 'true', '1.10'], map: {}, list: [],
      text: `${long} ${long}`, lines: 'one\ntwo\n', port: 6443,
    })).toBe([
      'a:',
      '  name: weave-net',
      'b:',
      '- a:',
      '    name: weave-net',
      '  z: 1',
      '- two',
      'empty: ""',
      'flags:',
      '- "yes"',
      '- "0644"',
      '- "true"',
      '- "1.10"',
      'lines: |',
      '  one',
      '  two',
      'list: []',
      'map: {}',
      'none: null',
      'port: 6443',
      `text: ${long} ${long}`,
      '',
    ].join('\n'));
  });
});

describe('kubeconfigYaml', () => {
  it('lays out a kubeconfig as kubeadm writes it', () => {
    expect(kubeconfigYaml({ server: 'https://192.168.0.8:6443', caData: 'Q0E=', user: 'kubernetes-admin', credentials: { kind: 'token', token: 'abc' } })).toBe([
      'apiVersion: v1',
      'clusters:',
      '- cluster:',
      '    certificate-authority-data: Q0E=',
      '    server: https://192.168.0.8:6443',
      '  name: kubernetes',
      'contexts:',
      '- context:',
      '    cluster: kubernetes',
      '    user: kubernetes-admin',
      '  name: kubernetes-admin@kubernetes',
      'current-context: kubernetes-admin@kubernetes',
      'kind: Config',
      'preferences: {}',
      'users:',
      '- name: kubernetes-admin',
      '  user:',
      '    token: abc',
      '',
    ].join('\n'));
  });
});
