/**
 * Walking the shell's history with Up/Down (Ctrl+P/Ctrl+N), as readline does: the entries come
 * from the shell (each shell keeps its own), the line being typed is the slot below the newest
 * entry, and edits made to any line while walking are kept until the line is accepted, so going
 * up and coming back down returns the half-typed command untouched.
 */
export class HistoryWalk {
  private readonly entries: readonly string[];
  private position: number;
  private readonly edits = new Map<number, string>();

  constructor(entries: readonly string[]) {
    this.entries = [...entries];
    this.position = this.entries.length;
  }

  get index(): number {
    return this.position;
  }

  get size(): number {
    return this.entries.length;
  }

  /** The text at `index` as last seen (edited or original); the new-line slot is entries.length. */
  textAt(index: number): string {
    return this.edits.get(index) ?? this.entries[index] ?? '';
  }

  /** The original entry (for searching). */
  entry(index: number): string | undefined {
    return this.entries[index];
  }

  /** Remembers the current text, moves one entry older; undefined when already at the oldest. */
  up(current: string): string | undefined {
    if (this.position === 0) return undefined;
    return this.moveTo(this.position - 1, current);
  }

  /** Remembers the current text, moves one entry newer; undefined when already on the new line. */
  down(current: string): string | undefined {
    if (this.position >= this.entries.length) return undefined;
    return this.moveTo(this.position + 1, current);
  }

  /** Jumps to an entry (a search result), keeping the current text's edit. */
  moveTo(index: number, current: string): string {
    this.remember(current);
    this.position = Math.max(0, Math.min(this.entries.length, index));
    return this.textAt(this.position);
  }

  private remember(current: string): void {
    if (current === (this.entries[this.position] ?? '') && this.position < this.entries.length) this.edits.delete(this.position);
    else this.edits.set(this.position, current);
  }
}
