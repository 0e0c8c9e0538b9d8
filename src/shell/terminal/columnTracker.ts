/**
 * Follows the column of xterm's cursor through everything the session writes, so a prompt that
 * follows output without a final newline ("echo -n hi") is laid out from where the terminal
 * really is, and cooked-mode Backspace knows when it has to step back onto the previous row.
 *
 * It models what changes the column: printable characters (with their cell widths and xterm's
 * auto-wrap, including the pending-wrap state at col === cols), CR, BS, TAB, and the CSI cursor
 * sequences; everything else leaves the column alone.
 */
import { readEscape } from './escapes';
import { codePointWidth } from './width';

export class ColumnTracker {
  private column = 0;

  constructor(private cols: number) {}

  /** 0..cols; cols means "pending wrap" (the last cell was just written). */
  get col(): number {
    return this.column;
  }

  get columns(): number {
    return this.cols;
  }

  resize(cols: number): void {
    this.cols = Math.max(2, cols);
    this.column = Math.min(this.column, this.cols - 1);
  }

  /** The cursor was put somewhere known (after a clear screen: the top left). */
  set(col: number): void {
    this.column = col;
  }

  feed(bytes: string): void {
    let i = 0;
    while (i < bytes.length) {
      const cp = bytes.codePointAt(i)!;
      const size = cp > 0xffff ? 2 : 1;
      if (cp === 0x1b) {
        i = this.escape(bytes, i);
        continue;
      }
      if (cp >= 0x20 && cp < 0x7f) {
        // A run of printable ASCII: one cell each, wrapping at the margin (pending wrap at cols).
        let j = i + 1;
        while (j < bytes.length) {
          const c = bytes.charCodeAt(j);
          if (c < 0x20 || c >= 0x7f) break;
          j++;
        }
        const total = this.column + (j - i);
        this.column = total <= this.cols ? total : ((total - 1) % this.cols) + 1;
        i = j;
        continue;
      }
      if (cp === 0x0d) this.column = 0;
      else if (cp === 0x08) this.column = Math.max(0, this.restricted() - 1);
      else if (cp === 0x09) this.column = Math.min(this.cols - 1, (Math.floor(this.restricted() / 8) + 1) * 8);
      else if (cp >= 0x20) {
        const width = codePointWidth(cp);
        if (width > 0) {
          if (this.column + width > this.cols) this.column = 0;
          this.column += width;
        }
      }
      i += size;
    }
  }

  /** xterm clamps a pending-wrap cursor back onto the last cell before moving it. */
  private restricted(): number {
    return Math.min(this.column, this.cols - 1);
  }

  private escape(bytes: string, i: number): number {
    const seq = readEscape(bytes, i);
    if (seq.kind !== 'csi' || seq.params.startsWith('?')) return i + seq.length;
    const params = seq.params.split(';').map((p) => (p === '' ? 0 : Number(p)));
    const n = Math.max(1, params[0] ?? 0);
    switch (seq.final) {
      case 'C': this.column = Math.min(this.cols - 1, this.restricted() + n); break;
      case 'D': this.column = Math.max(0, this.restricted() - n); break;
      case 'G': this.column = Math.min(this.cols - 1, n - 1); break;
      case 'H': case 'f': this.column = Math.min(this.cols - 1, Math.max(1, params[1] ?? 0) - 1); break;
      case 'A': case 'B': case 'J': case 'K': this.column = this.restricted(); break;
      default: break;
    }
    return i + seq.length;
  }
}
