/**
 * Reads one escape sequence as a VT parser does (ECMA-48): CSI "ESC [ params intermediates final",
 * OSC "ESC ] … BEL" or "… ESC \", or ESC plus one character. An unfinished sequence runs to the
 * end of the text. Used to measure prompts, follow the cursor column and strip output to text.
 */
export interface EscapeSequence {
  readonly length: number;
  readonly kind: 'csi' | 'osc' | 'other';
  /** CSI parameter bytes ("1;5", "?2004"). */
  readonly params: string;
  /** CSI final byte ("m", "K", "A"...), '' otherwise. */
  readonly final: string;
}

const inRange = (code: number, lo: number, hi: number) => code >= lo && code <= hi;

/** The sequence starting at text[i], which must be ESC. */
export function readEscape(text: string, i: number): EscapeSequence {
  const kind = text[i + 1];
  if (kind === '[') {
    let j = i + 2;
    while (j < text.length && inRange(text.charCodeAt(j), 0x30, 0x3f)) j++;
    const params = text.slice(i + 2, j);
    while (j < text.length && inRange(text.charCodeAt(j), 0x20, 0x2f)) j++;
    if (j < text.length && inRange(text.charCodeAt(j), 0x40, 0x7e)) {
      return { length: j + 1 - i, kind: 'csi', params, final: text[j]! };
    }
    return { length: j - i, kind: 'csi', params, final: '' };
  }
  if (kind === ']') {
    let j = i + 2;
    while (j < text.length) {
      if (text[j] === '\x07') return { length: j + 1 - i, kind: 'osc', params: '', final: '' };
      if (text[j] === '\x1b' && text[j + 1] === '\\') return { length: j + 2 - i, kind: 'osc', params: '', final: '' };
      j++;
    }
    return { length: j - i, kind: 'osc', params: '', final: '' };
  }
  return { length: kind === undefined ? 1 : 2, kind: 'other', params: '', final: '' };
}
