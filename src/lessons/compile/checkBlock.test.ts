import { describe, expect, it } from 'vitest';
import { parseCheckBlock } from './checkBlock';

const ctx = { nodes: ['node1', 'node2'] };

/** A block whose first YAML line is line 20 of the lesson. */
function parse(text: string) {
  const r = parseCheckBlock(text, 20, ctx);
  return { checks: r.checks, errors: r.errors.map((e) => `${e.line}: ${e.message}`) };
}

describe('parseCheckBlock', () => {
  it('reads each item with the lesson line it is on, flow or block style', () => {
    expect(parse('# the node\n- nodes-ready: { count: 2 }\n\n- pods-ready:\n    namespace: kube-system\n    selector: name=weave-net\n    count: 2\n- control-plane-up: { host: node1 }\n')).toEqual({
      checks: [
        { predicate: 'nodes-ready', args: { count: 2 }, line: 21 },
        { predicate: 'pods-ready', args: { namespace: 'kube-system', selector: 'name=weave-net', count: 2 }, line: 23 },
        { predicate: 'control-plane-up', args: { host: 'node1' }, line: 27 },
      ],
      errors: [],
    });
  });

  it('reports YAML mistakes at their line, in words a teacher can act on', () => {
    expect(parse('- nodes-ready: { count: 2 }\n- pods-ready: { namespace: "kube-system }\n').errors).toEqual(['22: this check block is not valid YAML: Missing closing "quote']);
    expect(parse('- nodes-ready:\n    count: 2\n   namespace: x\n').errors).toEqual(['22: this check block is not valid YAML: bad indentation of a mapping entry']);
    expect(parse('- nodes-ready:\n    __proto__: {count: 2}\n').errors).toEqual(['21: this check block is not valid YAML: the key "__proto__" is not allowed']);
  });

  it('names items of the wrong shape at their own line', () => {
    expect(parse('- nodes-ready: { count: 2 }\n-\n- 5\n- [nodes-ready]\n').errors).toEqual([
      '21: each check is one "name: arguments" item, e.g. "- nodes-ready: { count: 2 }"',
      '22: each check is one "name: arguments" item, e.g. "- nodes-ready: { count: 2 }"',
      '23: each check is one "name: arguments" item, e.g. "- nodes-ready: { count: 2 }"',
    ]);
  });
});
