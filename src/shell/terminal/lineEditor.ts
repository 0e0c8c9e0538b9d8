/**
 * The line editor: bash's readline in emacs mode, as a state machine that turns key events into
 * the bytes xterm must draw and into events for the terminal session (a line was accepted, ^C,
 * ^D on an empty line, Ctrl+L). It owns the prompt and the line while the shell waits for a
 * command; it knows nothing about jobs.
 *
 * Bound keys: printable text and pastes; Enter; Backspace, Delete, Ctrl+D; Left/Right, Ctrl+B/F,
 * Home/End, Ctrl+A/E; Alt+B/F and Ctrl+Left/Right by word; Ctrl+K, Ctrl+U, Ctrl+W, Alt+D,
 * Alt+Backspace kill into the kill buffer, Ctrl+Y yanks it back; Ctrl+T transposes; Alt+. inserts
 * the last word of the previous command; Up/Down, Ctrl+P/N walk the history; Ctrl+R searches it;
 * Tab completes; Ctrl+C abandons the line; Ctrl+L clears the screen.
 */
import * as edit from './editBuffer';
import type { EditState, Kill } from './editBuffer';
import { HistoryWalk } from './history';
import type { Key } from './keys';
import { LineRenderer } from './renderer';
import { ReverseSearch } from './search';
import type { CompletionResult } from './completion/candidates';
import { formatColumns } from './completion/columns';
import { quoteWord } from './completion/quote';

export interface EditorSink {
  /** Bytes for the terminal. */
  write(bytes: string): void;
  /** Plain text that became permanent screen content (a finished line, a listing), "\n" line ends. */
  record(text: string): void;
}

export interface EditorServices {
  /** The shell's history, oldest first. */
  history(): readonly string[];
  complete(line: string, cursor: number): CompletionResult;
}

export type EditorEvent =
  | { readonly kind: 'accept'; readonly line: string }
  /** Ctrl+C: the line (shown with "^C") was abandoned. */
  | { readonly kind: 'interrupt'; readonly text: string }
  /** Ctrl+D on an empty line. */
  | { readonly kind: 'eof' }
  /** Ctrl+L: the session clears the screen and calls redrawAtTop(). */
  | { readonly kind: 'clear' };

type Mode =
  | { readonly kind: 'edit' }
  | { readonly kind: 'search'; readonly search: ReverseSearch }
  /** "Display all N possibilities? (y or n)" */
  | { readonly kind: 'query'; readonly items: readonly string[]; readonly question: string };

const BELL = '\x07';
/** readline's completion-query-items default: ask before listing this many candidates or more. */
const QUERY_ITEMS = 100;

export class LineEditor {
  private state: EditState = { text: '', cursor: 0 };
  private prompt = '';
  private mode: Mode = { kind: 'edit' };
  private walk = new HistoryWalk([]);
  private readonly renderer: LineRenderer;
  private killBuffer = '';
  private killing = false;
  private tabbed = false;
  private lastQuery = '';

  constructor(
    private readonly sink: EditorSink,
    private readonly services: EditorServices,
    columns: number,
  ) {
    this.renderer = new LineRenderer(columns);
  }

  /** True while a prompt and line are on screen and keys go to the editor. */
  get active(): boolean {
    return this.renderer.active || this.mode.kind === 'query';
  }

  get text(): string {
    return this.state.text;
  }

  get cursor(): number {
    return this.state.cursor;
  }

  /** The screen text of the prompt and line being edited ('' when none is shown). */
  get plain(): string {
    return this.renderer.plain;
  }

  get columns(): number {
    return this.renderer.columns;
  }

  /** Shows `prompt` at column `startCol` (where the previous output left the cursor), with `text` typed. */
  begin(prompt: string, startCol: number, text = ''): void {
    this.prompt = prompt;
    this.mode = { kind: 'edit' };
    this.walk = new HistoryWalk(this.services.history());
    this.state = { text, cursor: text.length };
    this.killing = false;
    this.tabbed = false;
    this.renderer.begin(startCol);
    this.draw();
  }

  /** Replaces the whole line (automation, replay), cursor at the end. */
  setText(text: string): void {
    this.mode = { kind: 'edit' };
    this.state = { text, cursor: text.length };
    this.draw();
  }

  /** Accepts the line as if Enter was pressed. */
  accept(): EditorEvent {
    const line = this.state.text;
    const plain = this.renderer.plain;
    this.sink.write(this.renderer.finish());
    this.sink.record(`${plain}\n`);
    this.mode = { kind: 'edit' };
    this.state = { text: '', cursor: 0 };
    return { kind: 'accept', line };
  }

  /** Abandons the line as Ctrl+C does: "^C" after it, and a line break. */
  interrupt(): EditorEvent {
    return { kind: 'interrupt', text: this.close('^C') };
  }

  /** Ends the line as it is, `suffix` after it ("^C", "logout") and a line break; returns its text. */
  close(suffix: string): string {
    const text = this.mode.kind === 'search' ? this.mode.search.result().text : this.state.text;
    const plain = this.renderer.plain;
    this.sink.write(this.renderer.finish(suffix));
    this.sink.record(`${plain}${suffix}\n`);
    this.mode = { kind: 'edit' };
    this.state = { text: '', cursor: 0 };
    return text;
  }

  /** Erases the prompt and line so that output can be written in their place; show() brings them back. */
  hide(): void {
    this.sink.write(this.renderer.erase());
  }

  show(startCol: number): void {
    this.renderer.begin(startCol);
    this.draw();
  }

  /** After the screen was cleared: the prompt and line again, at the top left. */
  redrawAtTop(): void {
    this.renderer.reset(0);
    this.draw();
  }

  resize(columns: number): void {
    this.renderer.resize(columns);
  }

  handle(key: Key): EditorEvent | undefined {
    switch (this.mode.kind) {
      case 'search':
        return this.handleSearch(this.mode.search, key);
      case 'query':
        this.answerQuery(this.mode, key);
        return undefined;
      case 'edit':
        return this.handleEdit(key);
    }
  }

  private handleEdit(key: Key): EditorEvent | undefined {
    const wasKilling = this.killing;
    const wasTabbed = this.tabbed;
    this.killing = false;
    this.tabbed = false;
    switch (key.kind) {
      case 'text':
      case 'paste':
        this.update(edit.insert(this.state, key.text));
        return undefined;
      case 'unknown':
        return undefined;
      case 'key':
        break;
    }
    const s = this.state;
    switch (key.name) {
      case 'enter':
        return this.accept();
      case 'ctrl-c':
        return this.interrupt();
      case 'ctrl-d':
        if (s.text === '') return { kind: 'eof' };
        this.update(edit.deleteForward(s));
        return undefined;
      case 'ctrl-l':
        return { kind: 'clear' };
      case 'tab':
        this.complete(wasTabbed);
        return undefined;
      case 'backspace': this.update(edit.deleteBackward(s)); return undefined;
      case 'delete': this.update(edit.deleteForward(s)); return undefined;
      case 'left': case 'ctrl-b': this.update(edit.left(s)); return undefined;
      case 'right': case 'ctrl-f': this.update(edit.right(s)); return undefined;
      case 'home': case 'ctrl-a': this.update(edit.home(s)); return undefined;
      case 'end': case 'ctrl-e': this.update(edit.end(s)); return undefined;
      case 'word-left': this.update(edit.wordLeft(s)); return undefined;
      case 'word-right': this.update(edit.wordRight(s)); return undefined;
      case 'ctrl-k': this.kill(edit.killToEnd(s), wasKilling); return undefined;
      case 'ctrl-u': this.kill(edit.killToStart(s), wasKilling); return undefined;
      case 'ctrl-w': this.kill(edit.killWhitespaceWord(s), wasKilling); return undefined;
      case 'kill-word': this.kill(edit.killWordForward(s), wasKilling); return undefined;
      case 'kill-word-back': this.kill(edit.killWordBackward(s), wasKilling); return undefined;
      case 'ctrl-y': this.update(edit.insert(s, this.killBuffer)); return undefined;
      case 'ctrl-t': this.update(edit.transpose(s)); return undefined;
      case 'yank-last-arg': this.update(edit.insert(s, this.lastArgument())); return undefined;
      case 'up': case 'ctrl-p': this.recall(this.walk.up(s.text)); return undefined;
      case 'down': case 'ctrl-n': this.recall(this.walk.down(s.text)); return undefined;
      case 'ctrl-r':
        this.mode = { kind: 'search', search: new ReverseSearch(this.walk, s, this.lastQuery) };
        this.draw();
        return undefined;
      case 'ctrl-g':
        this.sink.write(BELL);
        return undefined;
      case 'escape': case 'insert': case 'page-up': case 'page-down': case 'backtab': case 'ctrl-o': case 'ctrl-q':
      case 'ctrl-s': case 'ctrl-v': case 'ctrl-x': case 'ctrl-z': case 'ctrl-underscore':
        return undefined;
    }
  }

  private handleSearch(search: ReverseSearch, key: Key): EditorEvent | undefined {
    const outcome = search.handle(key);
    this.lastQuery = search.lastQuery || this.lastQuery;
    if (outcome.kind === 'continue') {
      if (search.lastFailed) this.sink.write(BELL);
      this.draw();
      return undefined;
    }
    const found = outcome.kind === 'abort' ? { ...search.origin, index: undefined } : search.result();
    // The line the search started from is kept in its history slot, as an edit.
    if (found.index !== undefined) this.walk.moveTo(found.index, search.origin.text);
    this.state = { text: found.text, cursor: found.cursor };
    this.mode = { kind: 'edit' };
    this.draw();
    if (outcome.kind === 'accept') return this.accept();
    if (outcome.kind === 'exit' && outcome.key) return this.handleEdit(outcome.key);
    return undefined;
  }

  private answerQuery(mode: Extract<Mode, { kind: 'query' }>, key: Key): void {
    const yes = key.kind === 'text' && (key.text === 'y' || key.text === 'Y' || key.text === ' ');
    const no = (key.kind === 'text' && (key.text === 'n' || key.text === 'N'))
      || (key.kind === 'key' && (key.name === 'backspace' || key.name === 'ctrl-g' || key.name === 'ctrl-c'));
    if (!yes && !no) {
      this.sink.write(BELL);
      return;
    }
    this.mode = { kind: 'edit' };
    if (yes) this.printListing(mode.items, '\r\n');
    else {
      this.sink.write('\r\n');
      this.sink.record('\n');
    }
    this.renderer.begin(0);
    this.draw();
  }

  private update(next: EditState): void {
    this.state = next;
    this.draw();
  }

  private recall(text: string | undefined): void {
    if (text === undefined) return;
    this.update({ text, cursor: text.length });
  }

  private kill(k: Kill, append: boolean): void {
    if (k.killed !== '') {
      if (!append) this.killBuffer = k.killed;
      else this.killBuffer = k.backward ? k.killed + this.killBuffer : this.killBuffer + k.killed;
    }
    this.killing = true;
    this.update(k.state);
  }

  private lastArgument(): string {
    const previous = this.walk.entry(this.walk.size - 1) ?? '';
    const words = previous.trim().split(/\s+/);
    return words[words.length - 1] ?? '';
  }

  private complete(secondTab: boolean): void {
    const s = this.state;
    let result: CompletionResult;
    try {
      result = this.services.complete(s.text, s.cursor);
    } catch {
      result = { from: s.cursor, quote: '', typed: '', candidates: [], verbatim: false };
    }
    const candidates = result.candidates;
    const only = candidates[0];
    if (only === undefined) {
      this.sink.write(BELL);
      return;
    }
    if (candidates.length === 1) {
      const directory = only.directory;
      const open = only.value.endsWith('/') || only.value.endsWith('=') || directory;
      let insertion = result.verbatim ? only.value : quoteWord(only.value, result.quote, !open);
      if (directory && !only.value.endsWith('/')) insertion += '/';
      const space = !open;
      this.replace(result.from, insertion, space);
      return;
    }
    const prefix = commonPrefix(candidates.map((c) => c.value));
    if (prefix.length > result.typed.length) {
      this.replace(result.from, result.verbatim ? prefix : quoteWord(prefix, result.quote, false), false);
      this.tabbed = true;
      return;
    }
    this.tabbed = true;
    if (!secondTab) {
      this.sink.write(BELL);
      return;
    }
    const items = candidates.map((c) => c.display);
    if (items.length >= QUERY_ITEMS) {
      const question = `Display all ${items.length} possibilities? (y or n)`;
      const plain = this.renderer.plain;
      this.sink.write(this.renderer.finish() + question);
      this.sink.record(`${plain}\n${question}`);
      this.mode = { kind: 'query', items, question };
      return;
    }
    const plain = this.renderer.plain;
    this.sink.write(this.renderer.finish());
    this.sink.record(`${plain}\n`);
    this.printListing(items, '');
    this.renderer.begin(0);
    this.draw();
  }

  private printListing(items: readonly string[], lead: string): void {
    const lines = formatColumns(items, this.renderer.columns);
    this.sink.write(lead + lines.map((l) => `${l}\r\n`).join(''));
    this.sink.record((lead === '' ? '' : '\n') + lines.map((l) => `${l}\n`).join(''));
  }

  /** Replaces [from, cursor) with `insertion`; a trailing space steps over one already there. */
  private replace(from: number, insertion: string, space: boolean): void {
    const s = this.state;
    let after = s.text.slice(s.cursor);
    let text = insertion;
    if (space) {
      if (after.startsWith(' ')) after = after.slice(1);
      text += ' ';
    }
    this.update({ text: s.text.slice(0, from) + text + after, cursor: from + text.length });
  }

  private draw(): void {
    const view = this.mode.kind === 'search' ? this.mode.search.view() : { prompt: this.prompt, ...this.state };
    this.sink.write(this.renderer.draw(view.prompt, view.text, view.cursor));
  }
}

function commonPrefix(values: readonly string[]): string {
  let prefix = values[0] ?? '';
  for (const v of values) {
    let i = 0;
    while (i < prefix.length && i < v.length && prefix[i] === v[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}
