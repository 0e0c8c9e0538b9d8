/** Backslash escapes as `echo -e`, printf's format and its %b conversion read them. */
/** Escapes in the format itself and in %b arguments; `\c` in %b stops all output. */
export function backslashEscapes(text: string, forB: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const e = text[++i]!;
    const simple: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', f: '\f', r: '\r', v: '\v', e: '\x1b', E: '\x1b', '"': '"', "'": "'" };
    if (simple[e] !== undefined) out += simple[e];
    else if (e === 'c' && forB) return { text: out, stop: true };
    else if (e === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\x';
    } else if (/[0-7]/.test(e)) {
      // %b takes \0NNN (up to three digits after the 0); the format takes \NNN.
      const digits = forB && e === '0' ? /^[0-7]{0,3}/.exec(text.slice(i + 1))![0] : /^[0-7]{1,3}/.exec(text.slice(i))![0];
      out += String.fromCharCode(parseInt(digits || '0', 8) & 0xff);
      i += forB && e === '0' ? digits.length : digits.length - 1;
    } else out += `\\${e}`;
  }
  return { text: out, stop: false };
}
