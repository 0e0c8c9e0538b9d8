import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, base64ToBytes, bytesToBase64 } from './base64';

describe('base64', () => {
  it('encodes text the way GNU base64 does (before line wrapping)', () => {
    expect(base64Encode('Client Version: v1.27.2\n')).toBe(Buffer.from('Client Version: v1.27.2\n').toString('base64'));
    expect(base64Encode('ñandú ✓ 🐳')).toBe(Buffer.from('ñandú ✓ 🐳').toString('base64'));
  });

  it('round-trips bytes and text', () => {
    const bytes = Array.from({ length: 256 }, (_, i) => i);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(base64Decode(base64Encode('kubeadm join 192.168.0.8:6443'))).toBe('kubeadm join 192.168.0.8:6443');
  });

  it('rejects invalid input instead of guessing', () => {
    expect(base64ToBytes('a')).toBeUndefined();
    expect(base64ToBytes('ab$d')).toBeUndefined();
    expect(base64Decode('aGk=\n')).toBe('hi');
  });
});
