/**
 * The editor's keys, from the bytes the terminal sends in raw mode: printable text, C0 controls
 * (Enter is "\r", Backspace "\x7f", Ctrl+O "\x0f"), cursor keys as CSI or SS3 sequences, and a
 * bracketed paste as one piece of text. An Escape not followed by a sequence we know is the Escape
 * key itself, and what follows it is typed after it (`ESC :wq` typed fast is Escape then `:wq`, as
 * vim reads it once its escape-key timeout has passed).
 */
type NamedKind = 'enter' | 'tab' | 'backspace' | 'delete' | 'escape' | 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'page-up' | 'page-down';

export type EditorKey =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'paste'; readonly text: string }
  | { readonly kind: 'ctrl'; readonly letter: string }
  | { readonly kind: NamedKind };

const CSI_LETTERS: Readonly<Record<string, NamedKind>> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const CSI_TILDE: Readonly<Record<string, NamedKind>> = { '1': 'home', '3': 'delete', '4': 'end', '5': 'page-up', '6': 'page-down', '7': 'home', '8': 'end' };

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

export function decodeKeys(data: string): EditorKey[] {
  const keys: EditorKey[] = [];
  let i = 0;
  while (i < data.length) {
    if (data.startsWith(PASTE_START, i)) {
      const end = data.indexOf(PASTE_END, i + PASTE_START.length);
      const text = data.slice(i + PASTE_START.length, end < 0 ? undefined : end);
      keys.push({ kind: 'paste', text: text.replace(/\r\n?/g, '\n') });
      i = end < 0 ? data.length : end + PASTE_END.length;
      continue;
    }
    const c = data[i]!;
    const code = c.charCodeAt(0);
    if (code === 0x1b) {
      i = escape(data, i, keys);
      continue;
    }
    if (code === 0x0d || code === 0x0a) keys.push({ kind: 'enter' });
    else if (code === 0x7f || code === 0x08) keys.push({ kind: 'backspace' });
    else if (code === 0x09) keys.push({ kind: 'tab' });
    else if (code < 0x20) keys.push({ kind: 'ctrl', letter: String.fromCharCode(code + 96) });
    else {
      let j = i + 1;
      while (j < data.length && data.charCodeAt(j) >= 0x20 && data.charCodeAt(j) !== 0x7f) j++;
      keys.push({ kind: 'text', text: data.slice(i, j) });
      i = j;
      continue;
    }
    i++;
  }
  return keys;
}

function escape(data: string, i: number, keys: EditorKey[]): number {
  const next = data[i + 1];
  if (next === '[' || (next === 'O' && i + 2 < data.length)) {
    let j = i + 2;
    while (j < data.length && /[0-9;]/.test(data[j]!)) j++;
    const final = data[j];
    const params = data.slice(i + 2, j);
    const named = final === '~' ? CSI_TILDE[params.split(';')[0]!] : final !== undefined ? CSI_LETTERS[final] : undefined;
    if (named) {
      keys.push({ kind: named });
      return j + 1;
    }
    // A sequence we do not bind (F-keys, focus reports): swallowed whole.
    if (final !== undefined && next === '[') return j + 1;
  }
  keys.push({ kind: 'escape' });
  return i + 1;
}

/** Printable characters of a key, for typing: text, a paste, a Tab. */
export function typed(key: EditorKey): string | undefined {
  if (key.kind === 'text' || key.kind === 'paste') return key.text;
  if (key.kind === 'tab') return '\t';
  return undefined;
}
