/**
 * nano as CentOS 7 ships it (GNU nano 2.3.1): the title bar, the text, a status line and two rows
 * of shortcuts. Typing inserts; arrows, Home/End (^A ^E), ^Y/^V page; ^K cuts the line (cuts in a
 * row gather), ^U pastes them; ^O writes (asking the file name); ^X exits, asking "Save modified
 * buffer?" when there are changes; ^W searches; ^C tells where the cursor is.
 */
import { TextBuffer } from './buffer';
import { typed, type EditorKey } from './keys';
import { Announcer, sizeOf, type Editor, type EditorFiles } from './model';
import { NORMAL, REVERSE, clip, displayCol, displayText, scrollLeft, scrollTop, type Frame } from './screen';

type Prompt =
  | { readonly kind: 'write'; readonly then: 'stay' | 'exit'; text: string }
  | { readonly kind: 'search'; text: string }
  | { readonly kind: 'save?' };

const MAIN_KEYS: readonly (readonly [string, string])[][] = [
  [['^G', 'Get Help'], ['^O', 'WriteOut'], ['^R', 'Read File'], ['^Y', 'Prev Page'], ['^K', 'Cut Text'], ['^C', 'Cur Pos']],
  [['^X', 'Exit'], ['^J', 'Justify'], ['^W', 'Where Is'], ['^V', 'Next Page'], ['^U', 'UnCut Text'], ['^T', 'To Spell']],
];
const WRITE_KEYS: readonly (readonly [string, string])[][] = [
  [['^G', 'Get Help'], ['M-D', 'DOS Format'], ['M-A', 'Append'], ['M-B', 'Backup File']],
  [['^C', 'Cancel'], ['M-M', 'Mac Format'], ['M-P', 'Prepend']],
];
const SEARCH_KEYS: readonly (readonly [string, string])[][] = [[['^G', 'Get Help']], [['^C', 'Cancel']]];
const YES_NO: readonly (readonly [string, string])[][] = [[[' Y', 'Yes']], [[' N', 'No'], ['^C', 'Cancel']]];

/** nano blanks a status message after this many keystrokes. */
const MESSAGE_KEYS = 25;

export class Nano implements Editor {
  readonly buf: TextBuffer;
  name: string;
  exitCode: number | undefined;
  private message = '';
  private messageKeys = 0;
  private prompt: Prompt | undefined;
  private cut: string[] = [];
  private lastWasCut = false;
  private lastSearch = '';
  private top = 0;
  private left = 0;
  private height = 24;
  private readonly announcer = new Announcer();

  constructor(private readonly files: EditorFiles, name: string | undefined, line: number | undefined) {
    this.name = name ?? '';
    let text = '';
    if (name !== undefined) {
      const r = files.read(name);
      if (r.kind === 'file') {
        text = r.text;
        const n = sizeOf(text).lines;
        this.say(`Read ${n} line${n === 1 ? '' : 's'}`);
      } else this.say(r.kind === 'dir' ? `"${name}" is a directory` : 'New File');
    }
    this.buf = new TextBuffer(text);
    if (line !== undefined) this.buf.moveTo(line - 1, 0);
  }

  private say(text: string): void {
    this.message = text;
    this.messageKeys = MESSAGE_KEYS;
  }

  handle(key: EditorKey): void {
    if (this.messageKeys > 0 && --this.messageKeys === 0) this.message = '';
    if (this.prompt) return this.promptKey(this.prompt, key);
    const b = this.buf;
    const wasCut = this.lastWasCut;
    this.lastWasCut = false;
    const text = typed(key);
    if (text !== undefined) return b.insert(text);
    const page = this.height - 5;
    switch (key.kind) {
      case 'enter': b.insert('\n'); return;
      case 'backspace': b.backspace(); return;
      case 'delete': b.deleteForward(); return;
      case 'left': return b.col > 0 ? b.moveTo(b.row, b.col - 1) : b.row > 0 ? b.moveTo(b.row - 1, Infinity) : undefined;
      case 'right': return b.col < b.line.length ? b.moveTo(b.row, b.col + 1) : b.row < b.lastRow ? b.moveTo(b.row + 1, 0) : undefined;
      case 'up': b.vertical(-1); return;
      case 'down': b.vertical(1); return;
      case 'home': b.moveTo(b.row, 0); return;
      case 'end': b.moveTo(b.row, b.line.length); return;
      case 'page-up': b.vertical(-page); return;
      case 'page-down': b.vertical(page); return;
      case 'escape': return;
      case 'ctrl': return this.control(key.letter, wasCut, page);
      default: return;
    }
  }

  private control(letter: string, wasCut: boolean, page: number): void {
    const b = this.buf;
    switch (letter) {
      case 'a': b.moveTo(b.row, 0); return;
      case 'e': b.moveTo(b.row, b.line.length); return;
      case 'y': b.vertical(-page); return;
      case 'v': b.vertical(page); return;
      case 'd': b.deleteForward(); return;
      case 'k': {
        const removed = b.lines.length === 1 && b.line === '' ? [] : b.removeLines(1);
        this.cut = wasCut ? [...this.cut, ...removed] : removed;
        b.moveTo(b.row, 0);
        this.lastWasCut = true;
        return;
      }
      case 'u':
        if (this.cut.length === 0) return;
        b.insertLines(b.row, this.cut);
        b.moveTo(b.row + this.cut.length, 0);
        return;
      case 'o': this.prompt = { kind: 'write', then: 'stay', text: this.name }; return;
      case 'x':
        if (b.modified) this.prompt = { kind: 'save?' };
        else this.exitCode = 0;
        return;
      case 'w': this.prompt = { kind: 'search', text: '' }; return;
      case 'c': {
        const chars = b.lines.slice(0, b.row).reduce((n, l) => n + l.length + 1, 0) + b.col + 1;
        const total = b.text().length;
        const pct = (n: number, of: number): number => Math.floor((n * 100) / Math.max(1, of));
        this.say(`line ${b.row + 1}/${b.lines.length} (${pct(b.row + 1, b.lines.length)}%), col ${b.col + 1}/${b.line.length + 1} (${pct(b.col + 1, b.line.length + 1)}%), char ${chars}/${total} (${pct(chars, total)}%)`);
        return;
      }
      case 'g': this.say('^O writes the file, ^X leaves, ^K cuts a line and ^U pastes it, ^W searches'); return;
      default: return;
    }
  }

  private promptKey(p: Prompt, key: EditorKey): void {
    if (key.kind === 'ctrl' && key.letter === 'c') {
      this.prompt = undefined;
      this.say('Cancelled');
      return;
    }
    if (p.kind === 'save?') {
      const answer = typed(key)?.toLowerCase();
      if (answer === 'y') this.prompt = { kind: 'write', then: 'exit', text: this.name };
      else if (answer === 'n') this.exitCode = 0;
      return;
    }
    const text = typed(key);
    if (text !== undefined) p.text += text.replace(/\n/g, '');
    else if (key.kind === 'backspace') p.text = p.text.slice(0, -1);
    else if (key.kind === 'enter') {
      this.prompt = undefined;
      if (p.kind === 'write') this.write(p.text, p.then);
      else this.search(p.text || this.lastSearch);
    }
  }

  private write(name: string, then: 'stay' | 'exit'): void {
    if (name === '') {
      this.say('Cancelled');
      return;
    }
    const text = this.buf.text();
    const r = this.files.write(name, text);
    if (!r.ok) {
      this.say(`Error writing ${name}: ${r.reason === 'dir' ? 'Is a directory' : 'No such file or directory'}`);
      return;
    }
    this.name = name;
    this.buf.modified = false;
    const n = sizeOf(text).lines;
    this.say(`Wrote ${n} line${n === 1 ? '' : 's'}`);
    if (then === 'exit') this.exitCode = 0;
  }

  private search(needle: string): void {
    if (needle === '') {
      this.say('Cancelled');
      return;
    }
    this.lastSearch = needle;
    const hit = this.buf.find(new RegExp(needle.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), 'i'));
    if (!hit) return this.say(`"${needle}" not found`);
    const only = hit.cursor.row === this.buf.row && hit.cursor.col === this.buf.col;
    this.buf.moveTo(hit.cursor.row, hit.cursor.col);
    if (only) this.say('This is the only occurrence');
    else if (hit.wrapped) this.say('Search Wrapped');
  }

  private shortcuts(columns: number): readonly string[] {
    const p = this.prompt;
    const table = !p ? MAIN_KEYS : p.kind === 'write' ? WRITE_KEYS : p.kind === 'search' ? SEARCH_KEYS : YES_NO;
    const width = Math.max(8, Math.floor(columns / 6));
    return table.map((row) => row.map(([k, label]) => `${REVERSE}${k}${NORMAL}${` ${label}`.padEnd(width - k.length).slice(0, width - k.length)}`).join(''));
  }

  private statusRow(columns: number): string {
    const p = this.prompt;
    if (p) {
      const text = p.kind === 'save?' ? 'Save modified buffer (ANSWERING "No" WILL DESTROY CHANGES) ? '
        : p.kind === 'write' ? `File Name to Write: ${p.text}` : `Search${this.lastSearch ? ` [${this.lastSearch}]` : ''}: ${p.text}`;
      return `${REVERSE}${text.padEnd(columns).slice(0, columns)}`;
    }
    if (this.message === '') return '';
    const text = `[ ${this.message} ]`.slice(0, columns);
    return `${' '.repeat(Math.max(0, Math.floor((columns - text.length) / 2)))}${REVERSE}${text}`;
  }

  frame(columns: number, rows: number): Frame {
    const b = this.buf;
    this.height = rows;
    const textRows = Math.max(1, rows - 5);
    const title = 'GNU nano 2.3.1';
    const file = this.name === '' ? 'New Buffer' : `File: ${this.name}`;
    const right = b.modified ? 'Modified  ' : '';
    const middle = Math.max(title.length + 3, Math.floor((columns - file.length) / 2));
    const bar = `  ${title}`.padEnd(middle) + file;
    const out: string[] = [`${REVERSE}${(bar.padEnd(columns - right.length) + right).slice(0, columns)}`, ''];
    this.top = scrollTop(this.top, b.row, textRows);
    const cursorCol = displayCol(b.line, b.col);
    this.left = scrollLeft(this.left, cursorCol, columns);
    for (let r = 0; r < textRows; r++) {
      const line = b.lines[this.top + r];
      out.push(line === undefined ? '' : clip(displayText(line), this.left, columns));
    }
    out.push(this.statusRow(columns), ...this.shortcuts(columns));
    const p = this.prompt;
    const cursor = p && p.kind !== 'save?'
      ? { row: rows - 3, col: Math.min(columns - 1, (p.kind === 'write' ? 'File Name to Write: ' : `Search${this.lastSearch ? ` [${this.lastSearch}]` : ''}: `).length + p.text.length) }
      : p ? { row: rows - 3, col: Math.min(columns - 1, 62) } : { row: 2 + b.row - this.top, col: Math.min(columns - 1, cursorCol - this.left) };
    return { rows: out.slice(0, rows), cursor };
  }

  announcement(): string | undefined {
    const p = this.prompt;
    const mode = !p ? 'editing' : p.kind === 'save?' ? 'Save modified buffer? Y yes, N no, Ctrl+C cancel' : p.kind === 'write' ? 'File name to write' : 'Search';
    return this.announcer.next(mode, this.buf.row, this.buf.line, this.message);
  }
}
