import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cursorPosition, layoutLine, unitAtOffset, type Layout } from './layout';
import { LineRenderer } from './renderer';
import { VirtualScreen } from './testing/screen';
import { clusterBoundaries } from './width';

/** What a screen reader should see for prompt + line: the layout's text (the cell a wide character
 * leaves empty at the end of a row is not part of the line). */
function expectedText(layout: Layout): string {
  return layout.plain;
}

interface Draw {
  readonly prompt: string;
  readonly text: string;
  readonly cursor: number;
}

/** Draws each state on a fresh screen after `before` (output already on the row), checking text and cursor. */
function check(cols: number, before: string, draws: readonly Draw[]): void {
  const screen = new VirtualScreen(cols, 60);
  screen.write(before);
  const origin = screen.cursor;
  const renderer = new LineRenderer(cols);
  renderer.begin(origin.col);
  const lines = before.split('\r\n');
  const head = lines.slice(0, -1);
  const partial = lines[lines.length - 1]!;
  for (const d of draws) {
    screen.write(renderer.draw(d.prompt, d.text, d.cursor));
    const layout = layoutLine(d.prompt, d.text, cols, origin.col);
    const expected = [...head, partial + expectedText(layout)].map((l) => l.replace(/ +$/, '')).join('\n');
    expect(screen.text()).toBe(expected);
    const pos = cursorPosition(layout, unitAtOffset(layout, d.cursor));
    expect(screen.cursor).toEqual({ row: origin.row + pos.row, col: pos.col });
  }
}

describe('line renderer: the bytes draw prompt + line, wrapped, with the cursor where it belongs', () => {
  test('typing at the end of the line writes just the characters', () => {
    const r = new LineRenderer(80);
    r.begin(0);
    expect(r.draw('[node1 ~]$ ', '', 0)).toBe('[node1 ~]$ ');
    expect(r.draw('[node1 ~]$ ', 'l', 1)).toBe('l');
    expect(r.draw('[node1 ~]$ ', 'ls', 2)).toBe('s');
    expect(r.draw('[node1 ~]$ ', 'l', 1)).toBe('\x1b[1D\x1b[J');
    expect(r.draw('[node1 ~]$ ', 'l', 0)).toBe('\x1b[1D');
    expect(r.finish()).toBe('\x1b[1C\r\n');
  });

  test('inserting in the middle rewrites from the change and puts the cursor back', () => {
    const r = new LineRenderer(80);
    r.begin(0);
    r.draw('$ ', 'kubectl get', 11);
    r.draw('$ ', 'kubectl get', 7);
    expect(r.draw('$ ', 'kubectlx get', 8)).toBe('\x1b[Jx get\x1b[4D');
  });

  test('a line that exactly fills the row leaves the cursor at the start of the next row, really wrapped', () => {
    check(10, '', [
      { prompt: '$ ', text: '12345678', cursor: 8 },
      { prompt: '$ ', text: '123456789', cursor: 9 },
      { prompt: '$ ', text: '12345678', cursor: 8 },
      { prompt: '$ ', text: '12345678', cursor: 0 },
      { prompt: '$ ', text: '1234567', cursor: 7 },
    ]);
  });

  test('long lines over several rows, edits at the start, deletes across row boundaries', () => {
    const long = 'kubectl apply -n kube-system -f "https://cloud.weave.works/k8s/net?k8s-version=v1.27"';
    check(20, 'output\r\n', [
      { prompt: '[node1 ~]$ ', text: long, cursor: long.length },
      { prompt: '[node1 ~]$ ', text: long, cursor: 3 },
      { prompt: '[node1 ~]$ ', text: `x${long}`, cursor: 1 },
      { prompt: '[node1 ~]$ ', text: long.slice(0, 30), cursor: 30 },
      { prompt: '[node1 ~]$ ', text: '', cursor: 0 },
    ]);
  });

  test('wide characters, combining marks, tabs and control characters', () => {
    check(9, '', [
      { prompt: '$ ', text: 'ab日本語', cursor: 5 },
      { prompt: '$ ', text: 'abc日本語', cursor: 3 },
      { prompt: '$ ', text: 'abc日本語é', cursor: 8 },
      { prompt: '$ ', text: 'a\tb\x01c', cursor: 5 },
      { prompt: '$ ', text: 'café\u0301 ok', cursor: 4 },
    ]);
  });

  test('a prompt after output without a final newline starts where that output ended', () => {
    check(12, 'hello', [
      { prompt: '[n ~]$ ', text: 'abcdefgh', cursor: 8 },
      { prompt: '[n ~]$ ', text: 'abcdefgh', cursor: 2 },
      { prompt: '[n ~]$ ', text: 'ab', cursor: 2 },
    ]);
  });

  test('escape sequences in the prompt take no room', () => {
    check(10, '', [
      { prompt: '\x1b[1;32m$\x1b[0m ', text: 'abcdefghij', cursor: 10 },
      { prompt: '\x1b[1;32m$\x1b[0m ', text: 'abcdefghij', cursor: 0 },
    ]);
  });

  test('property: any sequence of edits draws exactly the expected screen and cursor', () => {
    const glyph = fc.constantFrom('a', 'b', ' ', '-', '日', 'é', 'e\u0301', '\t', '\x01', '🐳', 'Ω');
    const state = fc.tuple(fc.array(glyph, { maxLength: 40 }), fc.nat()).map(([chars, c]) => {
      const text = chars.join('');
      const bounds = clusterBoundaries(text);
      return { text, cursor: bounds[c % bounds.length]! };
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 24 }),
        fc.constantFrom('', 'out', 'xxxxxxxxxxx', 'line\r\nmore'),
        fc.constantFrom('[node1 ~]$ ', '> ', '$ ', "(reverse-i-search)`k': "),
        fc.array(state, { minLength: 1, maxLength: 8 }),
        (cols, before, prompt, states) => {
          check(cols, before, states.map((s) => ({ prompt, ...s })));
        },
      ),
      { seed: 2718, numRuns: 200 },
    );
  });

  test('erase() clears prompt and line for output; finish() leaves them and moves below', () => {
    const screen = new VirtualScreen(10, 10);
    const r = new LineRenderer(10);
    r.begin(0);
    screen.write(r.draw('$ ', 'abcdefghijkl', 3));
    screen.write(r.erase());
    screen.write('output\r\n');
    r.begin(0);
    screen.write(r.draw('$ ', 'abcdefghijkl', 3));
    screen.write(r.finish());
    expect(screen.text()).toBe('output\n$ abcdefghijkl');
    expect(screen.cursor).toEqual({ row: 3, col: 0 });
  });
});
