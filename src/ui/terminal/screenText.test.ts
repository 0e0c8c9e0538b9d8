import { describe, expect, test } from 'vitest';
import { screenText, type BufferLike } from './screenText';

/** A buffer of fixed-width rows, as xterm keeps them: [text, wrapped]. */
function buffer(cols: number, rows: readonly (readonly [string, boolean])[]): BufferLike {
  return {
    length: rows.length,
    getLine: (y) => {
      const row = rows[y];
      if (!row) return undefined;
      const cells = row[0].padEnd(cols, ' ');
      return { isWrapped: row[1], translateToString: (trim) => (trim ? cells.replace(/\s+$/, '') : cells) };
    },
  };
}

describe('screenText', () => {
  test('wrapped rows join into the line that was typed, keeping a blank that fell at the margin', () => {
    const text = screenText(buffer(10, [
      ['[n ~]$ ech', false],
      ['o a      b', true],
      [' c', true],
      ['a b c', false],
      ['', false],
      ['', false],
    ]));
    expect(text).toBe('[n ~]$ echo a      b c\na b c');
  });

  test('blank lines between output stay; trailing blank rows of the viewport go', () => {
    expect(screenText(buffer(5, [['a', false], ['', false], ['b', false], ['', false]]))).toBe('a\n\nb');
  });
});
