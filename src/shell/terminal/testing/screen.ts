/**
 * A small model of xterm.js's screen, for tests only: enough of its behaviour to check that the
 * bytes the line editor writes draw what we mean. Rows with a "wrapped" flag, auto-wrap with the
 * pending state at the right margin, wide characters, CR/LF/BS/TAB, cursor movement (CUU, CUD,
 * CUF, CUB, CHA, CUP), erase in line and in display (with `scrollOnEraseInDisplay`, as the view
 * sets it: ED 2 scrolls the screen into the scrollback), and the alternate screen of full-screen
 * programs (`?1049h` saves the cursor and shows a blank screen without scrollback, `?1049l` brings
 * the normal one back). Colours and other modes are ignored.
 */
import { codePointWidth, isZeroWidth } from '../width';

interface Row {
  /** '' for a cell never written (or erased), WIDE_TAIL for the second cell of a wide character. */
  cells: string[];
  wrapped: boolean;
}

const WIDE_TAIL = '\u0000';

function rowText(row: Row): string {
  return row.cells.map((c) => (c === '' ? ' ' : c === WIDE_TAIL ? '' : c)).join('');
}

export class VirtualScreen {
  private rowsList: Row[] = [];
  private ybase = 0;
  private y = 0;
  private x = 0;
  private normal: { rowsList: Row[]; ybase: number; y: number; x: number } | undefined;

  constructor(readonly cols: number, readonly rows: number) {
    for (let i = 0; i < rows; i++) this.rowsList.push(this.blank());
  }

  /** Cursor position in the viewport. */
  get cursor(): { readonly row: number; readonly col: number } {
    return { row: this.y, col: this.x };
  }

  write(data: string): void {
    let i = 0;
    while (i < data.length) {
      const cp = data.codePointAt(i)!;
      const size = cp > 0xffff ? 2 : 1;
      if (cp === 0x1b) {
        i = this.escape(data, i);
        continue;
      }
      if (cp === 0x0d) this.x = 0;
      else if (cp === 0x0a) this.lineFeed();
      else if (cp === 0x08) {
        this.restrict();
        if (this.x > 0) this.x--;
      } else if (cp === 0x09) {
        this.restrict();
        this.x = Math.min(this.cols - 1, (Math.floor(this.x / 8) + 1) * 8);
      } else if (cp >= 0x20 && cp !== 0x7f) {
        this.print(String.fromCodePoint(cp), cp);
      }
      i += size;
    }
  }

  /** The text of scrollback + viewport: wrapped rows joined into logical lines, trailing blanks dropped. */
  text(): string {
    const logical: string[] = [];
    this.rowsList.forEach((row, index) => {
      const next = this.rowsList[index + 1];
      // As the view's screenText: a never-written last cell of a continued row (a wide character
      // did not fit there) is not part of the line.
      const trimLast = next?.wrapped === true && row.cells[this.cols - 1] === '';
      const content = rowText(trimLast ? { cells: row.cells.slice(0, -1), wrapped: row.wrapped } : row);
      if (row.wrapped && logical.length > 0) logical[logical.length - 1] += content;
      else logical.push(content);
      if (!next?.wrapped) logical[logical.length - 1] = logical[logical.length - 1]!.replace(/ +$/, '');
    });
    while (logical.length > 0 && logical[logical.length - 1] === '') logical.pop();
    return logical.join('\n');
  }

  /** The viewport rows as drawn (for assertions about wrapping). */
  viewport(): string[] {
    return this.rowsList.slice(this.ybase, this.ybase + this.rows).map((r) => rowText(r).replace(/ +$/, ''));
  }

  private blank(): Row {
    return { cells: new Array<string>(this.cols).fill(''), wrapped: false };
  }

  private row(y = this.y): Row {
    return this.rowsList[this.ybase + y]!;
  }

  private restrict(): void {
    if (this.x >= this.cols) this.x = this.cols - 1;
  }

  private print(ch: string, cp: number): void {
    const width = codePointWidth(cp);
    if (width === 0) {
      if (isZeroWidth(cp) && this.x > 0) {
        const row = this.row();
        const at = Math.min(this.x, this.cols) - 1;
        if (row.cells[at] !== '' && row.cells[at] !== WIDE_TAIL) row.cells[at] += ch;
      }
      return;
    }
    if (this.x + width > this.cols) {
      if (this.x < this.cols) this.row().cells[this.x] = '';
      this.x = 0;
      this.down(true);
    }
    const row = this.row();
    row.cells[this.x] = ch;
    if (width === 2) row.cells[this.x + 1] = WIDE_TAIL;
    this.x += width;
  }

  private down(wrapping: boolean): void {
    if (this.y === this.rows - 1) {
      this.rowsList.push(this.blank());
      this.ybase++;
    } else {
      this.y++;
    }
    this.row().wrapped = wrapping;
  }

  private lineFeed(): void {
    this.down(false);
    if (this.x >= this.cols) this.x--;
  }

  private escape(data: string, i: number): number {
    if (data[i + 1] === ']') {
      let j = i + 2;
      while (j < data.length && data[j] !== '\x07' && data[j] !== '\x1b') j++;
      return data[j] === '\x07' ? j + 1 : j + 2;
    }
    if (data[i + 1] !== '[') return i + 2;
    let j = i + 2;
    while (j < data.length && /[0-9;?]/.test(data[j]!)) j++;
    const final = data[j];
    const raw = data.slice(i + 2, j);
    if (raw === '?1049' && (final === 'h' || final === 'l')) this.alternate(final === 'h');
    if (raw.startsWith('?')) return j + 1;
    const params = raw.split(';').map((p) => (p === '' ? 0 : Number(p)));
    const n = Math.max(1, params[0] ?? 0);
    this.csi(final ?? '', params, n);
    return j + 1;
  }

  private csi(final: string, params: number[], n: number): void {
    switch (final) {
      case 'A': this.restrict(); this.y = Math.max(0, this.y - n); break;
      case 'B': this.restrict(); this.y = Math.min(this.rows - 1, this.y + n); break;
      case 'C': this.restrict(); this.x = Math.min(this.cols - 1, this.x + n); break;
      case 'D': this.restrict(); this.x = Math.max(0, this.x - n); break;
      case 'G': this.x = Math.min(this.cols - 1, n - 1); break;
      case 'H':
        this.y = Math.min(this.rows - 1, Math.max(1, params[0] ?? 1) - 1);
        this.x = Math.min(this.cols - 1, Math.max(1, params[1] ?? 1) - 1);
        break;
      case 'K': this.restrict(); this.eraseRow(this.y, this.x); break;
      case 'J': this.eraseDisplay(params[0] ?? 0); break;
      default: break;
    }
  }

  /** True while the alternate screen shows. */
  get onAlternate(): boolean {
    return this.normal !== undefined;
  }

  private alternate(on: boolean): void {
    if (on && !this.normal) {
      this.normal = { rowsList: this.rowsList, ybase: this.ybase, y: this.y, x: this.x };
      this.rowsList = Array.from({ length: this.rows }, () => this.blank());
      this.ybase = 0;
    } else if (!on && this.normal) {
      ({ rowsList: this.rowsList, ybase: this.ybase, y: this.y, x: this.x } = this.normal);
      this.normal = undefined;
    }
  }

  private eraseRow(y: number, from: number): void {
    const row = this.row(y);
    for (let c = from; c < this.cols; c++) row.cells[c] = '';
    if (from === 0) row.wrapped = false;
  }

  private eraseDisplay(mode: number): void {
    this.restrict();
    if (mode === 0) {
      this.eraseRow(this.y, this.x);
      for (let y = this.y + 1; y < this.rows; y++) this.rowsList[this.ybase + y] = this.blank();
      return;
    }
    if (mode === 2) {
      let last = this.rows - 1;
      // Rows up to the last one with any written cell (a space counts) go to the scrollback.
      while (last >= 0 && this.row(last).cells.every((c) => c === '')) last--;
      for (let k = 0; k <= last; k++) {
        this.rowsList.push(this.blank());
        this.ybase++;
      }
    }
  }
}
