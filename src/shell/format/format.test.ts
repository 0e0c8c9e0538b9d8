import { describe, expect, it } from 'vitest';
import { humanDuration } from './duration';
import { toGoJson } from './json';
import { addQuantities, formatQuantity, parseQuantity } from './quantity';
import { DESCRIBE_LAYOUT, tabwrite } from './tabwriter';
import { formatTable } from './table';
import { rfc1123z, klogLine } from './time';
import { compareKeys, toYaml } from './yaml';

describe('humanDuration (apimachinery HumanDuration)', () => {
  it.each([
    [0, '0s'], [9_000, '9s'], [62_000, '62s'], [119_999, '119s'], [120_000, '2m'], [200_000, '3m20s'],
    [600_000, '10m'], [3 * 3600_000 - 1, '179m'], [3 * 3600_000, '3h'], [5 * 3600_000 + 30 * 60_000, '5h30m'],
    [8 * 3600_000, '8h'], [47 * 3600_000, '47h'], [48 * 3600_000, '2d'], [50 * 3600_000, '2d2h'], [10 * 86400_000, '10d'],
    [-500, '0s'], [-2500, '<invalid>'],
  ])('%i ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('tabwriter', () => {
  it('aligns kubectl tables three spaces apart and leaves the last column unpadded', () => {
    expect(formatTable(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'], [
      ['node1', 'NotReady', 'control-plane', '62s', 'v1.27.2'],
      ['node2', 'NotReady', '<none>', '9s', 'v1.27.2'],
    ])).toBe(
      'NAME    STATUS     ROLES           AGE   VERSION\n' +
      'node1   NotReady   control-plane   62s   v1.27.2\n' +
      'node2   NotReady   <none>          9s    v1.27.2\n');
  });

  it('aligns column blocks separately, as describe shows them', () => {
    const text = 'IP:\t10.32.0.2\nIPs:\n  IP:\t10.32.0.2\nControlled By:\tReplicaSet/x\n';
    expect(tabwrite(text, DESCRIBE_LAYOUT)).toBe('IP:  10.32.0.2\nIPs:\n  IP:           10.32.0.2\nControlled By:  ReplicaSet/x\n');
  });

  it('nests blocks: an empty cell still takes its padding', () => {
    const text = 'A:\t(2)\n  Namespace\tName\t\tCPU\n  kube-system\tetcd\t\t100m\n';
    expect(tabwrite(text, DESCRIBE_LAYOUT)).toBe('A:             (2)\n  Namespace    Name    CPU\n  kube-system  etcd    100m\n');
  });
});

describe('toYaml (sigs.k8s.io/yaml + yaml.v2)', () => {
  it('matches kubectl create deployment --dry-run=client -o yaml', () => {
    const obj = {
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { creationTimestamp: null, labels: { app: 'x' }, name: 'x' },
      spec: {
        replicas: 1, selector: { matchLabels: { app: 'x' } }, strategy: {},
        template: { metadata: { creationTimestamp: null, labels: { app: 'x' } }, spec: { containers: [{ image: 'nginx', name: 'nginx', resources: {} }] } },
      },
      status: {},
    };
    expect(toYaml(obj)).toBe([
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  creationTimestamp: null', '  labels:', '    app: x', '  name: x',
      'spec:', '  replicas: 1', '  selector:', '    matchLabels:', '      app: x', '  strategy: {}', '  template:', '    metadata:',
      '      creationTimestamp: null', '      labels:', '        app: x', '    spec:', '      containers:', '      - image: nginx',
      '        name: nginx', '        resources: {}', 'status: {}', '',
    ].join('\n'));
  });

  it('quotes and folds strings like kubectl create configmap -o yaml', () => {
    const long = 'a long string a long string a long string a long string a long string a long string a long string';
    const data = {
      a: 'hello: world', b: 'true', c: 'line1\nline2', d: '{"x":1}', e: ' lead', f: '2023-06-01T09:00:00Z',
      g: long, h: `x: ${long}`, i: '', j: '<none>&', k: '80', l: '10.96.0.10', m: 'v1.27.2', q: 'a\n',
    };
    expect(toYaml({ data })).toBe([
      'data:', "  a: 'hello: world'", '  b: "true"', '  c: |-', '    line1', '    line2', `  d: '{"x":1}'`, "  e: ' lead'",
      '  f: "2023-06-01T09:00:00Z"',
      '  g: a long string a long string a long string a long string a long string a long', '    string a long string',
      "  h: 'x: a long string a long string a long string a long string a long string a long", "    string a long string'",
      '  i: ""', '  j: <none>&', '  k: "80"', '  l: 10.96.0.10', '  m: v1.27.2', '  q: |', '    a', '',
    ].join('\n'));
  });

  it('writes lists of lists and empty collections', () => {
    expect(toYaml({ a: [[1, 2], []], b: [{}], c: [] })).toBe('a:\n- - 1\n  - 2\n- []\nb:\n- {}\nc: []\n');
    expect(toYaml([{ a: 1, b: [{ c: 'x' }] }])).toBe('- a: 1\n  b:\n  - c: x\n');
  });

  it("sorts keys with yaml.v2's natural order", () => {
    expect(['a10', 'a9', 'b', 'a.b', 'a'].sort(compareKeys)).toEqual(['a', 'a.b', 'a9', 'a10', 'b']);
  });
});

describe('toGoJson', () => {
  it('indents four spaces, sorts keys and escapes HTML characters', () => {
    expect(toGoJson({ b: [], a: { y: '<none>&', x: 1 }, c: {} })).toBe(
      '{\n    "a": {\n        "x": 1,\n        "y": "\\u003cnone\\u003e\\u0026"\n    },\n    "b": [],\n    "c": {}\n}\n');
  });
});

describe('quantities', () => {
  it('adds and prints canonical forms', () => {
    const sum = (...qs: string[]) => formatQuantity(qs.map((q) => parseQuantity(q)).reduce((a, b) => addQuantities(a, b)));
    expect(sum('100m', '250m', '100m', '200m', '100m')).toBe('750m');
    expect(sum('70Mi', '70Mi', '100Mi')).toBe('240Mi');
    expect(sum('1', '1000m')).toBe('2');
    expect(formatQuantity(parseQuantity('32879876Ki'))).toBe('32879876Ki');
    expect(formatQuantity(parseQuantity('0'))).toBe('0');
  });
});

describe('time formats', () => {
  it('prints RFC1123Z and klog headers', () => {
    const t = Date.UTC(2023, 5, 1, 9, 0, 5);
    expect(rfc1123z(t)).toBe('Thu, 01 Jun 2023 09:00:05 +0000');
    expect(klogLine('E', t * 1000 + 123456, 1234, 'memcache.go:265', 'x')).toBe('E0601 09:00:05.123456    1234 memcache.go:265] x');
  });
});
