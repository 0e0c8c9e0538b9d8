/**
 * Seeded randomness. Every consumer forks its own named stream, so adding a random draw in one
 * place (say, a new pod) never changes the values another place gets (the join token).
 */
export class Random {
  private state: Uint32Array;

  private constructor(seedWords: readonly [number, number, number, number]) {
    this.state = new Uint32Array(seedWords);
    // sfc32 needs a few rounds to mix weak seeds.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  static fromSeed(seed: string | number): Random {
    return new Random(hashWords(String(seed)));
  }

  /** An independent stream derived from this stream's seed and a label. Does not consume from this one. */
  fork(label: string): Random {
    const [a, b, c, d] = this.state;
    return new Random(hashWords(`${a}:${b}:${c}:${d}/${label}`));
  }

  /** sfc32 (Chris Doty-Humphrey's small fast counting generator). */
  nextUint32(): number {
    const s = this.state;
    const t = (((s[0]! + s[1]!) >>> 0) + s[3]!) >>> 0;
    s[3] = (s[3]! + 1) >>> 0;
    s[0] = s[1]! ^ (s[1]! >>> 9);
    s[1] = (s[2]! + (s[2]! << 3)) >>> 0;
    s[2] = ((s[2]! << 21) | (s[2]! >>> 11)) >>> 0;
    s[2] = (s[2]! + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[this.int(items.length)]!;
  }

  string(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  hex(length: number): string {
    return this.string('0123456789abcdef', length);
  }
}

/** cyrb128: four 32-bit words of hash from a string. */
function hashWords(str: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
