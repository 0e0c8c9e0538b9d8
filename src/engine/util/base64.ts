/** Base64 over UTF-8 text and raw bytes (the core has no btoa/TextEncoder). */
import { utf8Decode, utf8Encode } from './utf8';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Map([...ALPHABET].map((ch, i) => [ch, i]));

export function bytesToBase64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!, b = bytes[i + 1], c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!;
    out += c === undefined ? '=' : ALPHABET[n & 63]!;
  }
  return out;
}

/** Decodes base64, ignoring whitespace; undefined on invalid input (as `base64 -d` fails). */
export function base64ToBytes(text: string): number[] | undefined {
  const clean = text.replace(/[\s]/g, '');
  if (clean.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  let buffer = 0, bits = 0;
  for (let i = 0; i < clean.length; i++) {
    const ch = clean[i]!;
    if (ch === '=') {
      if (clean.slice(i).replace(/=/g, '') !== '') return undefined;
      break;
    }
    const v = LOOKUP.get(ch);
    if (v === undefined) return undefined;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

export function base64Encode(text: string): string {
  return bytesToBase64(utf8Encode(text));
}

export function base64Decode(text: string): string | undefined {
  const bytes = base64ToBytes(text);
  return bytes && utf8Decode(bytes);
}
