/**
 * vi's f F t T ; , motions and the operators with motions and text objects, as vim 7.4 does them:
 * each case types keys into a Vi on one file and checks the text and the cursor column.
 */
import { describe, expect, it } from 'vitest';
import type { EditorFiles } from './model';
import { Vi } from './vi';

function vi(text: string): Vi {
  const files: EditorFiles = { read: () => ({ kind: 'file', text }), write: () => ({ ok: true }) };
  return new Vi(files, 'f.yaml', undefined);
}

/** Types `keys` on a one-line file and gives back the line and the cursor's column. */
function after(line: string, keys: string): [string, number] {
  const v = vi(`${line}\n`);
  v.type(keys);
  return [v.buf.lines[0]!, v.buf.col];
}

describe('vi: f F t T and ; ,', () => {
  const line = 'image: nginx:1.25 # pinned: yes';
  it('finds a character on the line, with counts, and stays when there is none', () => {
    expect(after(line, 'f:')).toEqual([line, 5]);
    expect(after(line, '2f:')).toEqual([line, 12]);
    expect(after(line, 'tn')).toEqual([line, 6]);
    expect(after(line, '$Fn')).toEqual([line, 23]);
    expect(after(line, '$T:')).toEqual([line, 27]);
    expect(after(line, 'fQ')).toEqual([line, 0]);
  });

  it('; repeats the search and , goes back; ; after t moves on to the next match', () => {
    expect(after(line, 'f:;')).toEqual([line, 12]);
    expect(after(line, 'f:;;,')).toEqual([line, 12]);
    expect(after(line, 't:;')).toEqual([line, 11]);
    expect(after(line, '$F:;')).toEqual([line, 12]);
  });
});

describe('vi: operators with motions', () => {
  it('dw, cw (up to the end of the word), de, d$, c$, C, D', () => {
    expect(after('replicas: 2', 'dw')).toEqual([': 2', 0]);
    expect(after('  image: nginx', 'wwdw')).toEqual(['  image: ', 8]);
    expect(after('image: nginx', 'cwname\x1b')).toEqual(['name: nginx', 3]);
    expect(after('image: nginx', 'de')).toEqual([': nginx', 0]);
    expect(after('one two three', 'd2w')).toEqual(['three', 0]);
    expect(after('one two three', '2dw')).toEqual(['three', 0]);
    expect(after('replicas: 2', 'f d$')).toEqual(['replicas:', 8]);
    expect(after('replicas: 2', 'f c$ 5\x1b')).toEqual(['replicas: 5', 10]);
    expect(after('replicas: 2', 'wwC3\x1b')).toEqual(['replicas: 3', 10]);
    expect(after('replicas: 2', 'wD')).toEqual(['replicas', 7]);
  });

  it('dt, df, cf, dF and the register they fill', () => {
    expect(after('image: nginx:1.25', 'dt:')).toEqual([': nginx:1.25', 0]);
    expect(after('image: nginx:1.25', 'df:')).toEqual([' nginx:1.25', 0]);
    expect(after('image: nginx:1.25', '$dF:')).toEqual(['image: nginx5', 12]);
    expect(after('image: nginx:1.25', 'f:;cf5:1.27\x1b')).toEqual(['image: nginx:1.27', 16]);
    expect(after('abc def', 'dwP')).toEqual(['abc def', 3]);
  });

  it('ci" / di" / ca" / ciw / di( change inside quotes, words and brackets', () => {
    expect(after('name: "web" # x', 'ci"api\x1b')).toEqual(['name: "api" # x', 9]);
    expect(after('name: "web" # x', 'f"lci"api\x1b')).toEqual(['name: "api" # x', 9]);
    expect(after('a: "x" b: "y"', 'fbdi"')).toEqual(['a: "x" b: ""', 11]);
    expect(after('a: "x" b', 'da"')).toEqual(['a: b', 3]);
    expect(after('image: nginx', 'wwciwhttpd\x1b')).toEqual(['image: httpd', 11]);
    expect(after('f(a, (b), c)', 'fadi(')).toEqual(['f()', 2]);
    // No pair on the line: vim beeps; the next key is a command again.
    expect(after('no quotes', 'ci"x')).toEqual(['o quotes', 0]);
  });

  it('cc empties the line, u undoes a change in one step', () => {
    expect(after('  replicas: 2', 'ccx: 1\x1b')).toEqual(['x: 1', 3]);
    expect(after('replicas: 2', 'dwu')).toEqual(['replicas: 2', 0]);
    expect(after('replicas: 2', 'cwfoo\x1bu')).toEqual(['replicas: 2', 0]);
  });

  it('e moves to the end of the word, across lines', () => {
    const v = vi('ab cd\nef\n');
    v.type('ee');
    expect([v.buf.row, v.buf.col]).toEqual([0, 4]);
    v.type('e');
    expect([v.buf.row, v.buf.col]).toEqual([1, 1]);
  });

  it('w and b stop on an empty line, a word of its own (a YAML file\'s blank lines between documents)', () => {
    const v = vi('kind: Pod\n\n\nspec: {}\n');
    v.type('www');
    expect([v.buf.row, v.buf.col]).toEqual([1, 0]);
    v.type('w');
    expect([v.buf.row, v.buf.col]).toEqual([2, 0]);
    v.type('w');
    expect([v.buf.row, v.buf.col]).toEqual([3, 0]);
    v.type('b');
    expect([v.buf.row, v.buf.col]).toEqual([2, 0]);
    v.type('bb');
    expect([v.buf.row, v.buf.col]).toEqual([0, 6]);
  });
});
