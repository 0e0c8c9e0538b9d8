/**
 * SHA-1, for the object ids git prints (`git diff`'s "index 1a2b3c4..5d6e7f8" line, `git
 * hash-object`): git names a file's content by the SHA-1 of "blob <size>\0<content>".
 */
import { utf8Encode } from '../util/utf8';

export function sha1Hex(bytes: readonly number[]): string {
  const words = new Uint32Array(80);
  const h = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
  const bitLength = bytes.length * 8;
  // Padding: 0x80, zeros, then the length in bits as a 64-bit big-endian number.
  const padded = [...bytes, 0x80];
  while (padded.length % 64 !== 56) padded.push(0);
  const high = Math.floor(bitLength / 0x100000000);
  for (const n of [high, bitLength >>> 0]) padded.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) {
      const at = block + i * 4;
      words[i] = (padded[at]! << 24) | (padded[at + 1]! << 16) | (padded[at + 2]! << 8) | padded[at + 3]!;
    }
    for (let i = 16; i < 80; i++) {
      const x = words[i - 3]! ^ words[i - 8]! ^ words[i - 14]! ^ words[i - 16]!;
      words[i] = (x << 1) | (x >>> 31);
    }
    let [a, b, c, d, e] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!];
    for (let i = 0; i < 80; i++) {
      const [f, k] = i < 20 ? [(b & c) | (~b & d), 0x5a827999]
        : i < 40 ? [b ^ c ^ d, 0x6ed9eba1]
          : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
            : [b ^ c ^ d, 0xca62c1d6];
      const t = (((a << 5) | (a >>> 27)) + f + e + k + words[i]!) >>> 0;
      e = d;
      d = c;
      c = ((b << 30) | (b >>> 2)) >>> 0;
      b = a;
      a = t;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
  }
  return [...h].map((n) => n.toString(16).padStart(8, '0')).join('');
}

/** The id git gives a file with this content (`git hash-object file`). */
export function gitBlobId(content: string): string {
  const body = utf8Encode(content);
  return sha1Hex([...utf8Encode(`blob ${body.length}\0`), ...body]);
}
