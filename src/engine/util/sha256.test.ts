import { describe, expect, it } from 'vitest';
import { sha256Hex, toHex } from './sha256';
import { utf8Encode } from './utf8';

const ascii = (s: string) => new Uint8Array(utf8Encode(s));

describe('sha256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex(ascii(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(ascii('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('pads correctly around the block boundaries (55, 56 and 64 bytes)', () => {
    expect(sha256Hex(new Uint8Array(55).fill(0x78))).toBe('d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072');
    expect(sha256Hex(new Uint8Array(56).fill(0x78))).toBe('04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e');
    expect(sha256Hex(new Uint8Array(64).fill(0x78))).toBe('7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c');
  });

  it('hashes binary input (every byte value)', () => {
    const all = new Uint8Array(768);
    for (let i = 0; i < all.length; i++) all[i] = i % 256;
    expect(sha256Hex(all)).toBe('f3a25aa93aa2fbba28d79260535bbd6a5eb0fc1c24a8b0f04e12b484c1dfe363');
  });

  it('is repeatable (no state leaks between calls)', () => {
    const a = sha256Hex(ascii('hello'));
    sha256Hex(new Uint8Array(200).fill(7));
    expect(sha256Hex(ascii('hello'))).toBe(a);
    expect(a).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  });

  it('prints lowercase hex', () => {
    expect(toHex(new Uint8Array([0, 15, 16, 255]))).toBe('000f10ff');
  });
});
