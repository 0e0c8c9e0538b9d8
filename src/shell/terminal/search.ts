/**
 * Ctrl+R, readline's incremental reverse history search. The prompt becomes
 * "(reverse-i-search)`query': " followed by the newest history line containing the query, with
 * the cursor on the match. Typing extends the query, Ctrl+R finds the next older match (skipping
 * repeats of the same line), Enter runs the match, Ctrl+G gives the original line back, and any
 * other editing key leaves the search with the match in the line and then does its usual job.
 */
import type { EditState } from './editBuffer';
import type { HistoryWalk } from './history';
import type { Key } from './keys';
import { previousBoundary } from './width';

export interface SearchView {
  readonly prompt: string;
  readonly text: string;
  readonly cursor: number;
}

export type SearchOutcome =
  | { readonly kind: 'continue' }
  | { readonly kind: 'accept' }
  | { readonly kind: 'abort' }
  /** Leave the search keeping the match; `key` (if any) must then be handled as usual. */
  | { readonly kind: 'exit'; readonly key: Key | undefined };

interface Match {
  readonly index: number;
  readonly pos: number;
}

export class ReverseSearch {
  private query = '';
  private match: Match | undefined;
  private failed = false;

  constructor(
    private readonly walk: HistoryWalk,
    private readonly original: EditState,
    private readonly previousQuery: string,
  ) {}

  /** The line as it was when the search started (Ctrl+G gives it back). */
  get origin(): EditState {
    return this.original;
  }

  /** The query, for "Ctrl+R Ctrl+R" to repeat it next time. */
  get lastQuery(): string {
    return this.query;
  }

  /** Did the last keystroke fail to find anything (the caller rings the bell)? */
  get lastFailed(): boolean {
    return this.failed;
  }

  view(): SearchView {
    const prompt = `(${this.failed ? 'failed ' : ''}reverse-i-search)\`${this.query}': `;
    return { prompt, ...this.result() };
  }

  /** The line the search leaves in the editor, and its history index. */
  result(): EditState & { readonly index: number | undefined } {
    if (!this.match) return { ...this.original, index: undefined };
    return { text: this.walk.textAt(this.match.index), cursor: this.match.pos, index: this.match.index };
  }

  handle(key: Key): SearchOutcome {
    switch (key.kind) {
      case 'text':
      case 'paste':
        this.extend(key.text);
        return { kind: 'continue' };
      case 'unknown':
        return { kind: 'continue' };
      case 'key':
        break;
    }
    switch (key.name) {
      case 'ctrl-r':
        if (this.query === '' && this.previousQuery !== '') this.extend(this.previousQuery);
        else this.older();
        return { kind: 'continue' };
      case 'backspace':
        this.query = this.query.slice(0, previousBoundary(this.query, this.query.length));
        this.match = undefined;
        this.failed = false;
        if (this.query !== '') this.find(this.walk.size - 1, true);
        return { kind: 'continue' };
      case 'enter':
        return { kind: 'accept' };
      case 'ctrl-g':
        return { kind: 'abort' };
      case 'escape':
        return { kind: 'exit', key: undefined };
      default:
        return { kind: 'exit', key };
    }
  }

  private extend(text: string): void {
    this.query += text;
    this.find(this.match?.index ?? this.walk.size - 1, true);
  }

  private older(): void {
    if (this.query === '') return;
    const from = (this.match?.index ?? this.walk.size) - 1;
    this.find(from, false);
  }

  /** Searches from history index `from` towards older entries; keeps the old match on failure. */
  private find(from: number, allowSame: boolean): void {
    const current = this.match ? this.walk.textAt(this.match.index) : undefined;
    for (let i = from; i >= 0; i--) {
      const text = this.walk.textAt(i);
      const pos = text.lastIndexOf(this.query);
      if (pos < 0) continue;
      if (!allowSame && text === current) continue;
      this.match = { index: i, pos };
      this.failed = false;
      return;
    }
    this.failed = true;
  }
}
