import { describe, expect, test } from 'vitest';
import { screenText, type BufferLike } from './screenText';

/** A buffer of fixed-width rows, as xterm keeps them: [text, wrapped]; "·" marks a never-written cell. */
function buffer(cols: number, rows: readonly (readonly [string, boolean])[]): BufferLike {
  return {
    length: rows.length,
    getLine: (y) => {
      const row = rows[y];
      if (!row) return undefined;
      const cells = [...row[0].padEnd(cols, '·')];
      return {
        isWrapped: row[1],
        length: cols,
        getCell: (x) => (x < cols ? { getChars: () => (cells[x] === '·' ? '' : cells[x]!) } : undefined),
        translateToString: (trim, start = 0, end = cols) => {
          const text = cells.slice(start, end).join('').replace(/·/g, ' ');
          return trim ? text.replace(/\s+$/, '') : text;
        },
      };
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

  test('the cell a wide character did not fit in is not part of the line', () => {
    expect(screenText(buffer(6, [['$ ab日', false], ['本', true]]))).toBe('$ ab日本');
  });

  test('blank lines between output stay; trailing blank rows of the viewport go', () => {
    expect(screenText(buffer(5, [['a', false], ['', false], ['b', false], ['', false]]))).toBe('a\n\nb');
  });
});
