/**
 * Turns what xterm.js sends from onData into key events. xterm sends the bytes a VT terminal
 * would: printable text as is, control keys as C0 bytes (Enter "\r", Backspace "\x7f"), cursor
 * and editing keys as CSI/SS3 escape sequences, Alt+key as ESC + key, and a paste wrapped in
 * "\x1b[200~ … \x1b[201~" once the application has turned bracketed paste on (we do, at start).
 *
 * Inside a bracketed paste every byte is literal text, ESC included: pasted text never runs
 * editor commands. Line ends inside a paste become Enter keys, so a multi-line paste runs line
 * by line as it would in a real terminal.
 */

export type KeyName =
  | 'enter' | 'tab' | 'backtab' | 'backspace' | 'delete' | 'insert' | 'escape'
  | 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'page-up' | 'page-down'
  | 'word-left' | 'word-right' | 'kill-word' | 'kill-word-back' | 'yank-last-arg'
  | 'ctrl-a' | 'ctrl-b' | 'ctrl-c' | 'ctrl-d' | 'ctrl-e' | 'ctrl-f' | 'ctrl-g' | 'ctrl-k' | 'ctrl-l'
  | 'ctrl-n' | 'ctrl-o' | 'ctrl-p' | 'ctrl-q' | 'ctrl-r' | 'ctrl-s' | 'ctrl-t' | 'ctrl-u' | 'ctrl-v'
  | 'ctrl-w' | 'ctrl-x' | 'ctrl-y' | 'ctrl-z' | 'ctrl-underscore';

export type Key =
  /** Typed printable text (one key, or several when input arrives faster than keystrokes). */
  | { readonly kind: 'text'; readonly text: string }
  /** Literal text from a bracketed paste, line ends removed (they arrive as 'enter' keys). */
  | { readonly kind: 'paste'; readonly text: string }
  | { readonly kind: 'key'; readonly name: KeyName }
  /** A sequence we do not bind (F-keys, focus reports...): ignored, never inserted. */
  | { readonly kind: 'unknown'; readonly seq: string };

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

const C0: Readonly<Record<number, KeyName>> = {
  0x01: 'ctrl-a', 0x02: 'ctrl-b', 0x03: 'ctrl-c', 0x04: 'ctrl-d', 0x05: 'ctrl-e', 0x06: 'ctrl-f',
  0x07: 'ctrl-g', 0x08: 'backspace', 0x09: 'tab', 0x0a: 'enter', 0x0b: 'ctrl-k', 0x0c: 'ctrl-l',
  0x0d: 'enter', 0x0e: 'ctrl-n', 0x0f: 'ctrl-o', 0x10: 'ctrl-p', 0x11: 'ctrl-q', 0x12: 'ctrl-r',
  0x13: 'ctrl-s', 0x14: 'ctrl-t', 0x15: 'ctrl-u', 0x16: 'ctrl-v', 0x17: 'ctrl-w', 0x18: 'ctrl-x',
  0x19: 'ctrl-y', 0x1a: 'ctrl-z', 0x1f: 'ctrl-underscore', 0x7f: 'backspace',
};

/** Final byte of a CSI with no parameter, or "1;mod" modifiers, for the cursor keys. */
const CSI_LETTER: Readonly<Record<string, KeyName>> = {
  A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'backtab',
};

/** "\x1b[N~" keys (xterm, and rxvt's 7/8 for Home/End). */
const CSI_TILDE: Readonly<Record<string, KeyName>> = {
  '1': 'home', '2': 'insert', '3': 'delete', '4': 'end', '5': 'page-up', '6': 'page-down', '7': 'home', '8': 'end',
};

/** Alt+key, sent as ESC + key (xterm's default metaSendsEscape). */
const META: Readonly<Record<string, KeyName>> = {
  b: 'word-left', f: 'word-right', d: 'kill-word', '\x7f': 'kill-word-back', '\x08': 'kill-word-back', '.': 'yank-last-arg',
  B: 'word-left', F: 'word-right', D: 'kill-word',
};

const key = (name: KeyName): Key => ({ kind: 'key', name });

const KEY_BYTES: Partial<Record<KeyName, string>> = {
  enter: '\r', tab: '\t', backtab: '\x1b[Z', backspace: '\x7f', delete: '\x1b[3~', insert: '\x1b[2~', escape: '\x1b', up: '\x1b[A',
  down: '\x1b[B', right: '\x1b[C', left: '\x1b[D', home: '\x1b[H', end: '\x1b[F', 'page-up': '\x1b[5~', 'page-down': '\x1b[6~',
  'word-left': '\x1bb', 'word-right': '\x1bf', 'kill-word': '\x1bd', 'kill-word-back': '\x1b\x7f', 'yank-last-arg': '\x1b.', 'ctrl-underscore': '\x1f',
};

/** The bytes a decoded key stands for: keys typed in the same chunk as the command that took the terminal raw. */
export function keyBytes(k: Key): string {
  if (k.kind === 'text' || k.kind === 'paste') return k.text;
  if (k.kind === 'unknown') return k.seq;
  // The rest are ctrl-a … ctrl-z: their C0 byte.
  return KEY_BYTES[k.name] ?? String.fromCharCode(k.name.charCodeAt(5) - 96);
}

/** Input that the decoder turns back into these keys: a paste keeps its brackets (keyBytes drops them, for raw mode). */
export function keysInput(keys: readonly Key[]): string {
  return keys.map((k) => (k.kind === 'paste' ? `${PASTE_START}${k.text}${PASTE_END}` : keyBytes(k))).join('');
}

/**
 * A decoder keeps the state of a bracketed paste that spans several onData chunks (xterm sends a
 * paste in one chunk, but programmatic input may split it anywhere).
 */
export class KeyDecoder {
  private pasting = false;
  private pasteTail = '';

  decode(data: string): Key[] {
    const keys: Key[] = [];
    let i = 0;
    if (this.pasting) i = this.continuePaste(data, 0, keys);
    while (i < data.length) {
      if (data.startsWith(PASTE_START, i)) {
        this.pasting = true;
        i = this.continuePaste(data, i + PASTE_START.length, keys);
        continue;
      }
      const code = data.charCodeAt(i);
      if (code === 0x1b) {
        i = decodeEscape(data, i, keys);
      } else if (code === 0x0d && data.charCodeAt(i + 1) === 0x0a) {
        // "\r\n" from programmatic input is one Enter, as a terminal's Return key sends one byte.
        keys.push(key('enter'));
        i += 2;
      } else if (code < 0x20 || code === 0x7f) {
        const name = C0[code];
        keys.push(name ? key(name) : { kind: 'unknown', seq: data[i]! });
        i += 1;
      } else {
        let j = i + 1;
        while (j < data.length) {
          const c = data.charCodeAt(j);
          if (c < 0x20 || c === 0x7f) break;
          j++;
        }
        keys.push({ kind: 'text', text: data.slice(i, j) });
        i = j;
      }
    }
    return keys;
  }

  /**
   * Consumes paste text from `from`; returns where normal decoding resumes. A ^C ends a paste still
   * open at the end of the chunk (xterm sends a whole paste in one chunk, so this is a stray
   * "ESC [200~" from programmatic input): Ctrl+C always gets the learner out.
   */
  private continuePaste(data: string, from: number, keys: Key[]): number {
    const carried = this.pasteTail;
    const text = carried + data.slice(from);
    const end = text.indexOf(PASTE_END);
    const interrupt = text.indexOf('\x03');
    if (end < 0 && interrupt >= 0) {
      pushPaste(text.slice(0, interrupt), keys);
      this.pasting = false;
      this.pasteTail = '';
      return from + interrupt - carried.length;
    }
    if (end < 0) {
      // Keep a possible partial end marker for the next chunk; emit the rest now.
      const keep = partialSuffix(text, PASTE_END);
      pushPaste(text.slice(0, text.length - keep), keys);
      this.pasteTail = text.slice(text.length - keep);
      return data.length;
    }
    pushPaste(text.slice(0, end), keys);
    this.pasting = false;
    this.pasteTail = '';
    return from + end + PASTE_END.length - carried.length;
  }
}

/** Length of the longest suffix of text that is a proper prefix of marker. */
function partialSuffix(text: string, marker: string): number {
  for (let n = Math.min(marker.length - 1, text.length); n > 0; n--) {
    if (marker.startsWith(text.slice(text.length - n))) return n;
  }
  return 0;
}

function pushPaste(text: string, keys: Key[]): void {
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    if (index > 0) keys.push(key('enter'));
    if (line !== '') keys.push({ kind: 'paste', text: line });
  });
}

/** Decodes the escape sequence at data[i] (an ESC); returns the index after it. */
function decodeEscape(data: string, i: number, keys: Key[]): number {
  const next = data[i + 1];
  if (next === undefined) {
    keys.push(key('escape'));
    return i + 1;
  }
  if (next === '[') return decodeCsi(data, i, keys);
  if (next === 'O' && i + 2 < data.length) {
    // SS3: cursor keys in application mode, and Home/End on some keyboards.
    const name = CSI_LETTER[data[i + 2]!];
    keys.push(name ? key(name) : { kind: 'unknown', seq: data.slice(i, i + 3) });
    return i + 3;
  }
  if (next === '\x1b') {
    keys.push(key('escape'));
    return i + 1;
  }
  const meta = META[next];
  keys.push(meta ? key(meta) : { kind: 'unknown', seq: data.slice(i, i + 2) });
  return i + 2;
}

function decodeCsi(data: string, i: number, keys: Key[]): number {
  let j = i + 2;
  while (j < data.length && /[0-9;:<=>?]/.test(data[j]!)) j++;
  while (j < data.length && /[ -/]/.test(data[j]!)) j++;
  const final = data[j];
  if (final === undefined) {
    keys.push({ kind: 'unknown', seq: data.slice(i) });
    return data.length;
  }
  const params = data.slice(i + 2, j);
  const seq = data.slice(i, j + 1);
  keys.push(csiKey(params, final) ?? { kind: 'unknown', seq });
  return j + 1;
}

function csiKey(params: string, final: string): Key | undefined {
  const [first = '', modifier = ''] = params.split(';');
  // xterm encodes modifiers as 1 + (shift 1 | alt 2 | ctrl 4): Ctrl or Alt with arrows move by word.
  const mod = modifier === '' ? 0 : Number(modifier) - 1;
  const wordish = (mod & 6) !== 0;
  if (final === '~') {
    const name = CSI_TILDE[first];
    if (name === 'delete' && wordish) return key('kill-word');
    return name ? key(name) : undefined;
  }
  const name = CSI_LETTER[final];
  if (!name || (params !== '' && first !== '1')) return undefined;
  if (wordish && name === 'left') return key('word-left');
  if (wordish && name === 'right') return key('word-right');
  return key(name);
}
